import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type SignIn, signInSchema } from '../../../../../src/contract/session.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { PasswordField } from '../../../components/ui/password-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldRegistrar } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useSignIn } from '../api/sign-in.ts';
import { SecondFactorStep } from './second-factor-step.tsx';

export type SignInReason = 'expired' | 'signedOut';

export type SignInPageProps = {
  /** Why the user is here: the session timed out, or they signed out. */
  reason?: SignInReason | undefined;
  onSignedIn: () => void;
};

/** The sign-in form. Shows the server's reason (bad credentials, lockout) as text. */
export function SignInPage({ reason, onSignedIn }: SignInPageProps) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [secondFactor, setSecondFactor] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignIn>({ resolver: zodResolver(signInSchema), defaultValues: { loginId: '', password: '' } });
  const field = useFieldWiring(fieldRegistrar(register, errors), {
    idPrefix: 'signin',
    textPrefix: 'session',
  });

  const onSubmit = handleSubmit((values) => {
    if (signIn.isPending) return;
    signIn.mutate(values, {
      onSuccess: (result) => (result.kind === 'signedIn' ? onSignedIn() : setSecondFactor(true)),
    });
  });

  if (secondFactor) {
    return (
      <SecondFactorStep
        onSignedIn={onSignedIn}
        onRestart={() => {
          signIn.reset();
          setSecondFactor(false);
        }}
      />
    );
  }

  return (
    <div className="mx-auto flex w-full max-w-[36rem] flex-col gap-6">
      <PageHeading documentTitle={t('session.pageTitle')} lead={t('session.lead')}>
        {t('session.heading')}
      </PageHeading>

      {signIn.isError ? (
        <Alert tone="error" title={t('session.failedTitle')}>
          <p>{problemMessage(signIn.error, t)}</p>
        </Alert>
      ) : reason === 'expired' ? (
        <Alert tone="warning" title={t('session.expiredTitle')}>
          <p>{t('session.expired')}</p>
        </Alert>
      ) : reason === 'signedOut' ? (
        <Alert tone="info" title={t('session.signedOut')} />
      ) : null}

      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
        <TextField
          {...field('loginId')}
          required
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <PasswordField {...field('password')} purpose="current" required />
        <div>
          <Button type="submit" aria-disabled={signIn.isPending || undefined}>
            {signIn.isPending ? t('session.submitting') : t('session.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
