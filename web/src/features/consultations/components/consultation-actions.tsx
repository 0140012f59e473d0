import { zodResolver } from '@hookform/resolvers/zod';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { type FieldPath, type FieldValues, type UseFormReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Consultation, consultationCloseSchema } from '../../../../../src/contract/consultations.ts';
import { handoverInputSchema } from '../../../../../src/contract/handovers.ts';
import { referralInputSchema } from '../../../../../src/contract/referrals.ts';
import { AuditedPrintButton } from '../../../components/ui/audited-print-button.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { NamedOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { applyServerFieldErrors, fieldRegistrar } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useMe } from '../../../lib/me-context.tsx';
import { useCloseConsultation } from '../api/close-consultation.ts';
import { useCreateHandover } from '../api/create-handover.ts';
import { useCreateReferral } from '../api/create-referral.ts';
import { useReferralTargets } from '../api/list-referral-targets.ts';
import { referralChoices } from './outcome-fields.tsx';
import '../../../lib/i18n/casework.bundle.ts';

type Done = (message: string) => void;

type ActionTexts = 'consultations.closeAction' | 'consultations.handoverAction' | 'consultations.referAction';

/**
 * An action's dialog and its form: `cancel` closes it and forgets the attempt and the values;
 * `confirm` sends the valid values once at a time: when the server accepts, the dialog closes, the
 * form empties and `onSuccess` has the answer; when it refuses, the field errors it names go onto
 * `fields` (the rest shows above the form).
 */
function useActionDialog<Values extends FieldValues, Output, Variables, Result>({
  form,
  mutation,
  variables,
  fields = [],
  onSuccess,
}: {
  form: UseFormReturn<Values, unknown, Output>;
  mutation: UseMutationResult<Result, Error, Variables>;
  variables: (values: Output) => Variables;
  fields?: readonly FieldPath<Values>[];
  onSuccess: (result: Result) => void;
}) {
  const [open, setOpen] = useState(false);
  const cancel = () => {
    setOpen(false);
    mutation.reset();
    form.reset();
  };
  const confirm = form.handleSubmit((values) => {
    if (mutation.isPending) return;
    mutation.mutate(variables(values), {
      onSuccess: (result) => {
        setOpen(false);
        form.reset();
        onSuccess(result);
      },
      onError: (error) => applyServerFieldErrors(error, fields, form.setError, form.setFocus),
    });
  });
  return { open, show: () => setOpen(true), cancel, confirm, mutation };
}

/** The button and its confirmation dialog, shared by the three actions; `texts` names their i18n keys. */
function ActionFrame({
  texts,
  dialog,
  children,
}: {
  texts: ActionTexts;
  dialog: {
    open: boolean;
    show: () => void;
    cancel: () => void;
    confirm: () => Promise<void>;
    mutation: { isPending: boolean; error: unknown };
  };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button variant="outline" onClick={dialog.show}>
        {t(`${texts}.button`)}
      </Button>
      <ConfirmDialog
        open={dialog.open}
        title={t(`${texts}.title`)}
        confirmLabel={t(`${texts}.confirm`)}
        busy={dialog.mutation.isPending}
        error={<ProblemAlert error={dialog.mutation.error} />}
        onConfirm={() => void dialog.confirm()}
        onCancel={dialog.cancel}
      >
        <div className="flex flex-col gap-4">{children}</div>
      </ConfirmDialog>
    </>
  );
}

/** 対応終了, with an optional note. */
function CloseAction({ consultation, onDone }: { consultation: Consultation; onDone: Done }) {
  const { t } = useTranslation();
  const form = useForm<
    z.input<typeof consultationCloseSchema>,
    unknown,
    z.output<typeof consultationCloseSchema>
  >({
    resolver: zodResolver(consultationCloseSchema),
    defaultValues: { note: '' },
  });
  const dialog = useActionDialog({
    form,
    mutation: useCloseConsultation(),
    variables: (values) => ({ id: consultation.id, note: values.note ?? '' }),
    onSuccess: () => onDone(t('consultations.closeAction.done')),
  });
  const field = useFieldWiring(fieldRegistrar(form.register, form.formState.errors), {
    idPrefix: 'consultation-close',
    textPrefix: 'consultations.closeAction',
  });
  return (
    <ActionFrame texts="consultations.closeAction" dialog={dialog}>
      <p>{t('consultations.closeAction.body')}</p>
      <TextareaField {...field('note', { support: 'noteSupport' })} rows={4} />
    </ActionFrame>
  );
}

type HandoverValues = z.input<typeof handoverInputSchema>;

/** 重層事業へ引継ぎ for a consultation already recorded (after a return or a declined referral). */
function HandoverAction({ consultation, onDone }: { consultation: Consultation; onDone: Done }) {
  const { t } = useTranslation();
  const form = useForm<HandoverValues, unknown, z.output<typeof handoverInputSchema>>({
    resolver: zodResolver(handoverInputSchema),
    defaultValues: { consultationId: consultation.id, reason: '', servicesTried: '' },
  });
  const { errors } = form.formState;
  const dialog = useActionDialog({
    form,
    mutation: useCreateHandover(),
    variables: (values) => values,
    fields: ['reason', 'servicesTried'],
    onSuccess: () => onDone(t('consultations.handoverAction.done')),
  });
  return (
    <ActionFrame texts="consultations.handoverAction" dialog={dialog}>
      <p>{t('consultations.handoverAction.body')}</p>
      <TextareaField
        id="consultation-handover-reason"
        label={t('consultations.handoverReason')}
        supportText={t('consultations.form.outcome.reasonSupport')}
        required
        rows={4}
        error={errors.reason?.message}
        {...form.register('reason')}
      />
      <TextareaField
        id="consultation-handover-services"
        label={t('consultations.servicesTried')}
        supportText={t('consultations.form.outcome.servicesTriedSupport')}
        required
        rows={4}
        error={errors.servicesTried?.message}
        {...form.register('servicesTried')}
      />
    </ActionFrame>
  );
}

type ReferralValues = z.input<typeof referralInputSchema>;

/** 他機関へつなぐ for a consultation already recorded (needs the person's consent; the API says when). */
function ReferAction({ consultation, onDone }: { consultation: Consultation; onDone: Done }) {
  const { t } = useTranslation();
  const me = useMe();
  const form = useForm<ReferralValues, unknown, z.output<typeof referralInputSchema>>({
    resolver: zodResolver(referralInputSchema),
    defaultValues: { consultationId: consultation.id, toOrganizationId: '', note: '' },
  });
  const { errors } = form.formState;
  const dialog = useActionDialog({
    form,
    mutation: useCreateReferral(),
    variables: (values) => values,
    fields: ['toOrganizationId', 'note'],
    onSuccess: (referral) =>
      onDone(t('consultations.referAction.done', { name: referral.toOrganization.name })),
  });
  const targets = useReferralTargets({ enabled: dialog.open });
  const field = useFieldWiring(fieldRegistrar(form.register, errors), {
    idPrefix: 'consultation-refer',
    textPrefix: 'consultations.form.outcome',
  });
  return (
    <ActionFrame texts="consultations.referAction" dialog={dialog}>
      <SelectField
        {...field('toOrganizationId', { id: 'consultation-refer-organization', text: 'toOrganization' })}
        required
      >
        <option value="">{targets.isPending ? t('common.loading') : t('consultations.form.choose')}</option>
        <NamedOptions items={referralChoices(targets.data ?? [], me.organization.id)} />
      </SelectField>
      <TextareaField {...field('note', { support: 'noteSupport' })} rows={3} />
    </ActionFrame>
  );
}

/** The actions the API allows on this consultation (its `abilities`), and printing. */
export function ConsultationActions({ consultation, onDone }: { consultation: Consultation; onDone: Done }) {
  const { t } = useTranslation();
  const { abilities } = consultation;
  return (
    <div className="flex flex-wrap gap-4 print:hidden">
      {abilities.handOver ? <HandoverAction consultation={consultation} onDone={onDone} /> : null}
      {abilities.refer ? <ReferAction consultation={consultation} onDone={onDone} /> : null}
      {abilities.close ? <CloseAction consultation={consultation} onDone={onDone} /> : null}
      <AuditedPrintButton
        variant="text"
        resource={{ resourceType: 'consultation', resourceId: consultation.id }}
        label={t('consultations.print')}
      />
    </div>
  );
}
