import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type PasswordChange, passwordChangeSchema } from '../../../../../src/contract/accounts.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { PasswordField } from '../../../components/ui/password-field.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useSession } from '../../session/api/get-session.ts';
import { useChangePassword } from '../api/change-password.ts';
import '../../../lib/i18n/account.bundle.ts';

const fields: readonly FieldPath<PasswordChange>[] = ['currentPassword', 'newPassword'];

/** パスワードの変更 (`/account/password`): my other devices are signed out. */
export function PasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const required = useSession().data?.passwordChangeRequired === true;
  const [done, setDone] = useState<number | null>(null);
  const { handleSubmit, reset, unplaced, registerField } = useServerCheckedForm<PasswordChange>({
    resolver: zodResolver(passwordChangeSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
    serverError: change.error,
    serverFields: fields,
  });
  const field = useFieldWiring(registerField, { idPrefix: 'password', textPrefix: 'accounts.password' });

  const submit = handleSubmit((values) => {
    if (change.isPending) return;
    change.mutate(values, {
      onSuccess: ({ revoked }) => {
        setDone(revoked);
        reset();
      },
    });
  });

  return (
    <>
      <PageHeading documentTitle={t('accounts.password.title')} lead={t('accounts.password.lead')}>
        {t('accounts.password.title')}
      </PageHeading>
      <form noValidate onSubmit={submit} className="flex max-w-[48rem] flex-col gap-8">
        {done !== null ? (
          <Alert tone="success" title={t('accounts.password.changed', { count: done })} />
        ) : null}
        {required && done === null ? (
          <Alert tone="warning" live={false} title={t('accounts.password.requiredTitle')}>
            <p>{t('accounts.password.required')}</p>
          </Alert>
        ) : null}
        {change.error ? <ErrorSummary title={problemMessage(change.error, t)} messages={unplaced} /> : null}
        <PasswordField {...field('currentPassword', { text: 'current' })} purpose="current" required />
        <PasswordField {...field('newPassword', { text: 'new', support: 'rules' })} purpose="new" required />
        <div>
          <SubmitButton busy={change.isPending}>{t('accounts.password.submit')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
