import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type SecondFactor, secondFactorSchema } from '../../../../../src/contract/accounts.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useVerifyTotp } from '../api/verify-totp.ts';
import '../../../lib/i18n/account.bundle.ts';

/** Sign-in, second step (2段階認証): the code of the authenticator app, or a recovery code. */
export function SecondFactorStep({
  onSignedIn,
  onRestart,
}: {
  onSignedIn: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const verify = useVerifyTotp();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SecondFactor>({ resolver: zodResolver(secondFactorSchema), defaultValues: { code: '' } });
  const expired =
    isProblem(verify.error, 'auth.signInChallengeExpired') || isProblem(verify.error, 'auth.locked');

  const onSubmit = handleSubmit((values) => {
    if (verify.isPending) return;
    verify.mutate(values, { onSuccess: onSignedIn });
  });

  return (
    <div className="mx-auto flex w-full max-w-[36rem] flex-col gap-6">
      <PageHeading documentTitle={t('accounts.secondFactor.title')} lead={t('accounts.secondFactor.lead')}>
        {t('accounts.secondFactor.heading')}
      </PageHeading>
      {verify.isError ? (
        <Alert tone="error" title={t('accounts.secondFactor.failed')}>
          <p>{problemMessage(verify.error, t)}</p>
        </Alert>
      ) : null}
      {expired ? (
        <div>
          <Button type="button" onClick={onRestart}>
            {t('accounts.secondFactor.restart')}
          </Button>
        </div>
      ) : (
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
          <TextField
            id="signin-totp-code"
            label={t('accounts.secondFactor.code')}
            supportText={t('accounts.secondFactor.codeSupport')}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            error={errors.code?.message}
            {...register('code')}
          />
          <div className="flex flex-wrap gap-4">
            <Button type="submit" aria-disabled={verify.isPending || undefined}>
              {verify.isPending ? t('session.submitting') : t('accounts.secondFactor.submit')}
            </Button>
            <Button type="button" variant="text" onClick={onRestart}>
              {t('accounts.secondFactor.restart')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
