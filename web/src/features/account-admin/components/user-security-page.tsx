import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type PasswordReset, passwordResetSchema } from '../../../../../src/contract/accounts.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { PasswordField } from '../../../components/ui/password-field.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { useActiveUsers } from '../api/list-active-users.ts';
import { useResetPassword } from '../api/reset-password.ts';
import { useUnlockUser } from '../api/unlock-user.ts';
import '../../../lib/i18n/account.bundle.ts';
import '../../../lib/i18n/admin.bundle.ts';

/** ログインの管理 (`/admin/users/:userId/security`): lift a lockout, set a new password. */
export function UserSecurityPage({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const users = useActiveUsers();
  const unlock = useUnlockUser();
  const reset = useResetPassword();
  const [message, setMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset: clearForm,
    formState: { errors },
  } = useForm<PasswordReset>({
    resolver: zodResolver(passwordResetSchema),
    defaultValues: { newPassword: '', mustChangePassword: false },
  });
  const user = users.data?.find((u) => u.id === userId);

  return (
    <>
      <PageHeading documentTitle={t('accounts.userSecurity.title')}>
        {user
          ? t('accounts.userSecurity.heading', { name: user.displayName })
          : t('accounts.userSecurity.title')}
      </PageHeading>
      <div className="flex max-w-[48rem] flex-col gap-8">
        <RouteLink to="/admin/users">{t('common.backToList')}</RouteLink>
        {users.isPending ? (
          <Loading />
        ) : users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : !user ? (
          <Alert tone="error" title={t('users.notFound')} />
        ) : (
          <>
            {message ? <Alert tone="success" title={message} /> : null}
            <Section id="lock-heading" title={t('accounts.userSecurity.lockHeading')} size="medium">
              <p>
                {user.lockedUntil
                  ? t('accounts.userSecurity.lockedUntil', {
                      time: formatDateTime(user.lockedUntil, language),
                    })
                  : t('accounts.userSecurity.notLocked')}
              </p>
              <ProblemAlert error={unlock.error} />
              {user.abilities.unlock ? (
                <div>
                  <Button
                    type="button"
                    onClick={() =>
                      !unlock.isPending &&
                      unlock.mutate(user.id, {
                        onSuccess: () => setMessage(t('accounts.userSecurity.unlocked')),
                      })
                    }
                  >
                    {t('accounts.userSecurity.unlock')}
                  </Button>
                </div>
              ) : null}
            </Section>
            {user.abilities.resetPassword ? (
              <Section id="reset-heading" title={t('accounts.userSecurity.resetHeading')} size="medium">
                <form
                  noValidate
                  className="flex flex-col gap-6"
                  onSubmit={handleSubmit((values) => {
                    if (reset.isPending) return;
                    reset.mutate(
                      { id: user.id, ...values },
                      {
                        onSuccess: () => {
                          clearForm();
                          setMessage(t('accounts.userSecurity.resetDone'));
                        },
                      },
                    );
                  })}
                >
                  <PasswordField
                    id="reset-new-password"
                    purpose="new"
                    label={t('accounts.password.new')}
                    supportText={t('accounts.userSecurity.resetSupport')}
                    required
                    error={
                      errors.newPassword?.message ??
                      (reset.error ? problemMessage(reset.error, t) : undefined)
                    }
                    {...register('newPassword')}
                  />
                  <Checkbox
                    id="reset-must-change-password"
                    label={t('users.mustChangePassword')}
                    {...register('mustChangePassword')}
                  />
                  <div>
                    <Button type="submit" aria-disabled={reset.isPending || undefined}>
                      {t('accounts.userSecurity.reset')}
                    </Button>
                  </div>
                </form>
              </Section>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
