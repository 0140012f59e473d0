import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Consultation, consultationCloseSchema } from '../../../../../src/contract/consultations.ts';
import { handoverInputSchema } from '../../../../../src/contract/handovers.ts';
import { referralInputSchema } from '../../../../../src/contract/referrals.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { AuditedPrintButton } from '../../../components/ui/audited-print-button.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';
import { useMe } from '../../../lib/me-context.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useCloseConsultation } from '../api/close-consultation.ts';
import { useCreateHandover } from '../api/create-handover.ts';
import { useCreateReferral } from '../api/create-referral.ts';
import { useReferralTargets } from '../api/list-referral-targets.ts';
import { referralChoices } from './outcome-fields.tsx';
import '../../../lib/i18n/casework.bundle.ts';

type Done = (message: string) => void;

function ServerError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return error ? <Alert tone="error" title={problemMessage(error, t)} /> : null;
}

type ActionTexts = 'consultations.closeAction' | 'consultations.handoverAction' | 'consultations.referAction';

/** The button and its confirmation dialog, shared by the three actions; `texts` names their i18n keys. */
function ActionFrame({
  texts,
  open,
  onOpen,
  mutation,
  onConfirm,
  onCancel,
  children,
}: {
  texts: ActionTexts;
  open: boolean;
  onOpen: () => void;
  mutation: { isPending: boolean; error: unknown };
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button variant="outline" onClick={onOpen}>
        {t(`${texts}.button`)}
      </Button>
      <ConfirmDialog
        open={open}
        title={t(`${texts}.title`)}
        confirmLabel={t(`${texts}.confirm`)}
        cancelLabel={t('common.cancel')}
        busy={mutation.isPending}
        error={<ServerError error={mutation.error} />}
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        <div className="flex flex-col gap-4">{children}</div>
      </ConfirmDialog>
    </>
  );
}

/** 対応終了, with an optional note. */
function CloseAction({ consultation, onDone }: { consultation: Consultation; onDone: Done }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useCloseConsultation();
  const form = useForm<
    z.input<typeof consultationCloseSchema>,
    unknown,
    z.output<typeof consultationCloseSchema>
  >({
    resolver: zodResolver(consultationCloseSchema),
    defaultValues: { note: '' },
  });
  const cancel = () => {
    setOpen(false);
    close.reset();
    form.reset();
  };
  const confirm = form.handleSubmit((values) => {
    if (close.isPending) return;
    close.mutate(
      { id: consultation.id, note: values.note ?? '' },
      {
        onSuccess: () => {
          setOpen(false);
          onDone(t('consultations.closeAction.done'));
        },
      },
    );
  });
  return (
    <ActionFrame
      texts="consultations.closeAction"
      open={open}
      onOpen={() => setOpen(true)}
      mutation={close}
      onConfirm={() => void confirm()}
      onCancel={cancel}
    >
      <p>{t('consultations.closeAction.body')}</p>
      <TextareaField
        id="consultation-close-note"
        label={t('consultations.closeAction.note')}
        supportText={t('consultations.closeAction.noteSupport')}
        rows={4}
        error={form.formState.errors.note?.message}
        {...form.register('note')}
      />
    </ActionFrame>
  );
}

type HandoverValues = z.input<typeof handoverInputSchema>;

/** 重層事業へ引継ぎ for a consultation already recorded (after a return or a declined referral). */
function HandoverAction({ consultation, onDone }: { consultation: Consultation; onDone: Done }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const create = useCreateHandover();
  const form = useForm<HandoverValues, unknown, z.output<typeof handoverInputSchema>>({
    resolver: zodResolver(handoverInputSchema),
    defaultValues: { consultationId: consultation.id, reason: '', servicesTried: '' },
  });
  const { errors } = form.formState;
  const cancel = () => {
    setOpen(false);
    create.reset();
    form.reset();
  };
  const confirm = form.handleSubmit((values) => {
    if (create.isPending) return;
    create.mutate(values, {
      onSuccess: () => {
        setOpen(false);
        form.reset();
        onDone(t('consultations.handoverAction.done'));
      },
      onError: (error) =>
        applyServerFieldErrors(error, ['reason', 'servicesTried'], form.setError, form.setFocus),
    });
  });
  return (
    <ActionFrame
      texts="consultations.handoverAction"
      open={open}
      onOpen={() => setOpen(true)}
      mutation={create}
      onConfirm={() => void confirm()}
      onCancel={cancel}
    >
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
  const [open, setOpen] = useState(false);
  const create = useCreateReferral();
  const targets = useReferralTargets({ enabled: open });
  const form = useForm<ReferralValues, unknown, z.output<typeof referralInputSchema>>({
    resolver: zodResolver(referralInputSchema),
    defaultValues: { consultationId: consultation.id, toOrganizationId: '', note: '' },
  });
  const { errors } = form.formState;
  const cancel = () => {
    setOpen(false);
    create.reset();
    form.reset();
  };
  const confirm = form.handleSubmit((values) => {
    if (create.isPending) return;
    create.mutate(values, {
      onSuccess: (referral) => {
        setOpen(false);
        form.reset();
        onDone(t('consultations.referAction.done', { name: referral.toOrganization.name }));
      },
      onError: (error) =>
        applyServerFieldErrors(error, ['toOrganizationId', 'note'], form.setError, form.setFocus),
    });
  });
  return (
    <ActionFrame
      texts="consultations.referAction"
      open={open}
      onOpen={() => setOpen(true)}
      mutation={create}
      onConfirm={() => void confirm()}
      onCancel={cancel}
    >
      <SelectField
        id="consultation-refer-organization"
        label={t('consultations.form.outcome.toOrganization')}
        required
        error={errors.toOrganizationId?.message}
        {...form.register('toOrganizationId')}
      >
        <option value="">{targets.isPending ? t('common.loading') : t('consultations.form.choose')}</option>
        {referralChoices(targets.data ?? [], me.organization.id).map((target) => (
          <option key={target.id} value={target.id}>
            {target.name}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id="consultation-refer-note"
        label={t('consultations.form.outcome.note')}
        supportText={t('consultations.form.outcome.noteSupport')}
        rows={3}
        error={errors.note?.message}
        {...form.register('note')}
      />
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
