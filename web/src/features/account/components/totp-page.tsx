import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TotpCode, type TotpEnrolment, totpCodeSchema } from '../../../../../src/contract/accounts.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useActivateTotp } from '../api/activate-totp.ts';
import { useDisableTotp } from '../api/disable-totp.ts';
import { useEnrollTotp } from '../api/enroll-totp.ts';
import { useTotpStatus } from '../api/get-totp.ts';
import '../../../lib/i18n/account.bundle.ts';

/** Groups of four characters, so a secret can be read out and typed without losing one's place. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

function CodeForm({
  id,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  id: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: TotpCode) => void;
}) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TotpCode>({ resolver: zodResolver(totpCodeSchema), defaultValues: { code: '' } });
  const serverError = error ? problemMessage(error, t) : undefined;
  return (
    <form
      noValidate
      onSubmit={handleSubmit((values) => !pending && onSubmit(values))}
      className="flex flex-col gap-6"
    >
      <TextField
        id={id}
        label={t('accounts.totp.code')}
        supportText={t('accounts.totp.codeSupport')}
        required
        inputMode="numeric"
        autoComplete="one-time-code"
        error={errors.code?.message ?? serverError}
        {...register('code')}
      />
      <div>
        <Button type="submit" aria-disabled={pending || undefined}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** 2段階認証の設定 (`/account/totp`): enrol with an authenticator app, see recovery codes once, turn off. */
export function TotpPage() {
  const { t } = useTranslation();
  const status = useTotpStatus();
  const enroll = useEnrollTotp();
  const activate = useActivateTotp();
  const disable = useDisableTotp();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  return (
    <>
      <PageHeading documentTitle={t('accounts.totp.title')} lead={t('accounts.totp.lead')}>
        {t('accounts.totp.title')}
      </PageHeading>
      <div className="flex max-w-[48rem] flex-col gap-8">
        {status.data?.required && !status.data.enabled ? (
          <Alert tone="warning" live={false} title={t('accounts.totp.requiredTitle')}>
            <p>{t('accounts.totp.required')}</p>
          </Alert>
        ) : null}
        {recoveryCodes ? (
          <section aria-labelledby="recovery-heading" className="flex flex-col gap-4">
            <Alert tone="success" title={t('accounts.totp.activated')} />
            <h2 id="recovery-heading" className="text-std-20B-150">
              {t('accounts.totp.recoveryHeading')}
            </h2>
            <p>{t('accounts.totp.recoveryLead')}</p>
            <ul
              aria-label={t('accounts.totp.recoveryHeading')}
              className="grid grid-cols-2 gap-2 font-mono text-std-17B-170"
            >
              {recoveryCodes.map((code) => (
                <li key={code}>{code}</li>
              ))}
            </ul>
            <div>
              <Button type="button" variant="outline" onClick={() => setRecoveryCodes(null)}>
                {t('accounts.totp.recoverySaved')}
              </Button>
            </div>
          </section>
        ) : status.isPending ? (
          <Loading />
        ) : status.isError ? (
          <QueryError error={status.error} onRetry={() => void status.refetch()} />
        ) : status.data.enabled ? (
          <Section
            id="totp-on-heading"
            title={t('accounts.totp.enabledHeading')}
            size="medium"
            className="flex flex-col gap-6"
          >
            <p>{t('accounts.totp.recoveryLeft', { count: status.data.recoveryCodesLeft })}</p>
            {status.data.abilities.disable ? (
              <CodeForm
                id="totp-disable-code"
                submitLabel={t('accounts.totp.disable')}
                pending={disable.isPending}
                error={disable.error}
                onSubmit={(values) => disable.mutate(values)}
              />
            ) : (
              <p>{t('accounts.totp.cannotDisable')}</p>
            )}
          </Section>
        ) : enrolment ? (
          <Section
            id="totp-enrol-heading"
            title={t('accounts.totp.enrolHeading')}
            size="medium"
            className="flex flex-col gap-6"
          >
            <ol className="list-decimal pl-6">
              <li>{t('accounts.totp.step1')}</li>
              <li>{t('accounts.totp.step2')}</li>
              <li>{t('accounts.totp.step3')}</li>
            </ol>
            <dl className="flex flex-col gap-2">
              <dt className="text-std-17B-170">{t('accounts.totp.secret')}</dt>
              <dd
                className="font-mono text-std-20B-150"
                data-testid="totp-secret"
                data-secret={enrolment.secret}
              >
                {grouped(enrolment.secret)}
              </dd>
              <dt className="text-std-17B-170">{t('accounts.totp.uri')}</dt>
              <dd className="break-all font-mono text-std-16N-170">{enrolment.otpauthUri}</dd>
            </dl>
            <CodeForm
              id="totp-activate-code"
              submitLabel={t('accounts.totp.activate')}
              pending={activate.isPending}
              error={activate.error}
              onSubmit={(values) =>
                activate.mutate(values, {
                  onSuccess: ({ recoveryCodes: codes }) => {
                    setEnrolment(null);
                    setRecoveryCodes(codes);
                  },
                })
              }
            />
          </Section>
        ) : (
          <Section
            id="totp-off-heading"
            title={t('accounts.totp.offHeading')}
            size="medium"
            className="flex flex-col gap-6"
          >
            <p>{t('accounts.totp.offLead')}</p>
            <ProblemAlert error={enroll.error} />
            <div>
              <Button
                type="button"
                aria-disabled={enroll.isPending || undefined}
                onClick={() => !enroll.isPending && enroll.mutate(undefined, { onSuccess: setEnrolment })}
              >
                {t('accounts.totp.start')}
              </Button>
            </div>
          </Section>
        )}
      </div>
    </>
  );
}
