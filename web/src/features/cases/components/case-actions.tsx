import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import type { FieldPath, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type CaseDetail,
  type CloseCaseInput,
  caseReasonInputSchema,
  closeCaseInputSchema,
} from '../../../../../src/contract/cases.ts';
import { closureReasons } from '../../../../../src/domain/codeLists.ts';
import type { ActionDialogProps } from '../../../components/action-dialog-props.ts';
import { MutationFormDialog } from '../../../components/mutation-form-dialog.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CodeOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useCloseCase } from '../api/close-case.ts';
import { useOrganizationOptions } from '../api/list-organization-options.ts';
import { useReopenCase } from '../api/reopen-case.ts';
import { useSuspendCase } from '../api/suspend-case.ts';
import '../../../lib/i18n/casework.bundle.ts';

type Action = 'close' | 'suspend' | 'reopen';

/** 終結・中断・再開, each behind a dialog; a button only when `abilities` says the server would accept it. */
export function CaseActions({ kase, onDone }: { kase: CaseDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const actions: { action: Action; label: string }[] = [
    ...(kase.abilities.close ? [{ action: 'close' as const, label: t('cases.actions.close') }] : []),
    ...(kase.abilities.suspend ? [{ action: 'suspend' as const, label: t('cases.actions.suspend') }] : []),
    ...(kase.abilities.reopen ? [{ action: 'reopen' as const, label: t('cases.actions.reopen') }] : []),
  ];
  if (actions.length === 0) return null;
  const finish = (message: string) => {
    setOpen(null);
    onDone(message);
  };
  return (
    <>
      <div className="flex flex-wrap gap-4 print:hidden">
        {actions.map(({ action, label }) => (
          <Button key={action} variant="outline" onClick={() => setOpen(action)}>
            {label}
          </Button>
        ))}
      </div>
      {open === 'close' ? (
        <CloseDialog kase={kase} onCancel={() => setOpen(null)} onDone={finish} />
      ) : open ? (
        <ReasonDialog kase={kase} action={open} onCancel={() => setOpen(null)} onDone={finish} />
      ) : null}
    </>
  );
}

type CloseValues = z.input<typeof closeCaseInputSchema>;
const closeFields: readonly FieldPath<CloseValues>[] = ['reason', 'evaluation', 'leadOrganizationId'];

/** 主担当機関 is asked for only with 「主担当機関による支援へ移行」; otherwise it is left out. */
const closeResolver: Resolver<CloseValues, unknown, CloseCaseInput> = (values, context, options) => {
  const pruned: CloseValues = { ...values };
  if (pruned.reason !== 'leadAgencyContinues' || !pruned.leadOrganizationId) delete pruned.leadOrganizationId;
  return zodResolver(closeCaseInputSchema)(pruned, context, options);
};

function CloseDialog({
  kase,
  onCancel,
  onDone,
}: {
  kase: CaseDetail;
} & ActionDialogProps) {
  const { t } = useTranslation();
  const close = useCloseCase();
  const organizations = useOrganizationOptions();
  const { handleSubmit, watch, registerField } = useServerCheckedForm<CloseValues, CloseCaseInput>({
    resolver: closeResolver,
    defaultValues: { evaluation: '' },
    serverError: close.error,
    serverFields: closeFields,
  });
  const field = useFieldWiring(registerField, { idPrefix: 'case-close', textPrefix: 'cases.actions' });
  const reason = watch('reason');
  const submit = handleSubmit((input) => {
    if (close.isPending) return;
    close.mutateAsync({ caseId: kase.id, input }).then(
      () => onDone(t('cases.actions.closed')),
      () => undefined, // the refusal is shown from the mutation's state
    );
  });
  return (
    <MutationFormDialog
      mutation={close}
      open
      title={t('cases.actions.closeTitle')}
      description={t('cases.actions.closeBody', { caseNumber: kase.caseNumber })}
      submitLabel={t('cases.actions.close')}
      onSubmit={(event) => void submit(event)}
      onCancel={onCancel}
    >
      <SelectField {...field('reason')} required>
        <option value="">{t('cases.actions.reasonPlaceholder')}</option>
        <CodeOptions codes={closureReasons} />
      </SelectField>
      {reason === 'leadAgencyContinues' ? (
        <SelectField {...field('leadOrganizationId', { text: 'lead', support: 'leadSupport' })} required>
          <option value="">{t('cases.actions.leadPlaceholder')}</option>
          {(organizations.data ?? [])
            .filter((organization) => organization.id !== kase.coordinatingOrganization.id)
            .map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
        </SelectField>
      ) : null}
      <TextareaField {...field('evaluation', { support: 'evaluationSupport' })} required rows={5} />
    </MutationFormDialog>
  );
}

type ReasonValues = z.input<typeof caseReasonInputSchema>;

function ReasonDialog({
  kase,
  action,
  onCancel,
  onDone,
}: {
  kase: CaseDetail;
  action: 'suspend' | 'reopen';
} & ActionDialogProps) {
  const { t } = useTranslation();
  const suspend = useSuspendCase();
  const reopen = useReopenCase();
  const mutation = action === 'suspend' ? suspend : reopen;
  const form = useServerCheckedForm<ReasonValues, z.output<typeof caseReasonInputSchema>>({
    resolver: zodResolver(caseReasonInputSchema),
    defaultValues: { reason: '' },
    serverError: mutation.error,
    serverFields: ['reason'],
  });
  const { handleSubmit, registerField } = form;
  const submit = handleSubmit((input) => {
    if (mutation.isPending) return;
    mutation.mutateAsync({ caseId: kase.id, input }).then(
      () => onDone(action === 'suspend' ? t('cases.actions.suspended') : t('cases.actions.reopened')),
      () => undefined, // the refusal is shown from the mutation's state
    );
  });
  return (
    <MutationFormDialog
      mutation={mutation}
      open
      title={action === 'suspend' ? t('cases.actions.suspendTitle') : t('cases.actions.reopenTitle')}
      description={
        action === 'suspend'
          ? t('cases.actions.suspendBody', { caseNumber: kase.caseNumber })
          : t('cases.actions.reopenBody', { caseNumber: kase.caseNumber })
      }
      submitLabel={action === 'suspend' ? t('cases.actions.suspend') : t('cases.actions.reopen')}
      onSubmit={(event) => void submit(event)}
      onCancel={onCancel}
    >
      <TextareaField
        id={`case-${action}-reason`}
        label={action === 'suspend' ? t('cases.actions.suspendReason') : t('cases.actions.reopenReason')}
        required
        rows={4}
        {...registerField('reason')}
      />
    </MutationFormDialog>
  );
}
