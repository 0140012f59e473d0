import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type Consent,
  type ConsentWithdrawInput,
  consentWithdrawInputSchema,
} from '../../../../../src/contract/consents.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { CalendarDateField } from '../../../components/ui/calendar-date-field.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useWithdrawConsent } from '../api/withdraw-consent.ts';
import '../../../lib/i18n/casework.bundle.ts';

type Values = z.input<typeof consentWithdrawInputSchema>;

/** 同意の撤回: the day and the reason; on confirming, organisations there only by it lose the case at once. */
export function ConsentWithdrawDialog({
  caseId,
  consent,
  onClose,
  onWithdrawn,
}: {
  caseId: string;
  consent: Consent | null;
  onClose: () => void;
  onWithdrawn: (consent: Consent) => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent(caseId);
  const today = clock.today();
  const form = useServerCheckedForm<Values, ConsentWithdrawInput>({
    resolver: zodResolver(consentWithdrawInputSchema),
    defaultValues: { withdrawnOn: today, reason: '' },
    serverError: withdraw.error,
    serverFields: ['withdrawnOn', 'reason'],
  });
  const { reset } = form;
  const field = useFieldWiring(form.registerField, {
    idPrefix: 'consent-withdrawal',
    textPrefix: 'consentWithdrawal',
  });
  const consentId = consent?.id;
  useEffect(() => {
    if (consentId) reset({ withdrawnOn: today, reason: '' });
  }, [consentId, reset, today]);
  const submit = form.handleSubmit((input) => {
    if (!consent || withdraw.isPending) return;
    withdraw
      .mutateAsync({ consentId: consent.id, input })
      .then((result) => {
        withdraw.reset();
        onWithdrawn(result);
      })
      .catch(() => undefined);
  });
  return (
    <FormDialog
      open={consent !== null}
      title={t('consentWithdrawal.dialogTitle')}
      description={t('consentWithdrawal.dialogLead', {
        organizations: consent?.organizations.map((o) => o.name).join('、') ?? '',
      })}
      submitLabel={t('consentWithdrawal.submit')}
      cancelLabel={t('common.cancel')}
      busy={withdraw.isPending}
      error={
        withdraw.error ? (
          <Alert tone="error" title={t('consentWithdrawal.failed')}>
            <p>{problemMessage(withdraw.error, t)}</p>
          </Alert>
        ) : null
      }
      onSubmit={(event) => void submit(event)}
      onCancel={() => {
        withdraw.reset();
        onClose();
      }}
    >
      <Controller
        control={form.control}
        name="withdrawnOn"
        render={({ field, fieldState }) => (
          <CalendarDateField
            id="consent-withdrawn-on"
            label={t('consentWithdrawal.withdrawnOn')}
            supportText={t('consentWithdrawal.withdrawnOnSupport')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            notAfter={today}
            error={fieldState.error?.message}
            inputRef={field.ref}
          />
        )}
      />
      <TextareaField {...field('reason', { support: 'reasonSupport' })} required rows={3} />
    </FormDialog>
  );
}
