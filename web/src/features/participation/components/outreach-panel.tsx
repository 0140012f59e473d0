import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  outreachContactInputSchema,
  outreachMethods,
  outreachRelationships,
  outreachResults,
} from '../../../../../src/contract/outreach.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import type { ActionDialogProps } from '../../../components/action-dialog-props.ts';
import { MutationFormDialog } from '../../../components/mutation-form-dialog.tsx';
import { QueryDataTable } from '../../../components/query-data-table.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { FormDateField, FormDoneOnField } from '../../../components/ui/form-date-field.tsx';
import { MessageOptions } from '../../../components/ui/message-options.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Td } from '../../../components/ui/table.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { applyServerFieldErrors, fieldBinder, fieldRegistrar } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import { type OutreachTarget, useCreateOutreachContact, useOutreachContacts } from '../api/outreach.ts';
import '../../../lib/i18n/participation.bundle.ts';

type Values = z.input<typeof outreachContactInputSchema>;
type Input = z.output<typeof outreachContactInputSchema>;

/** An empty note is left out and an empty next attempt is none. */
const resolver: Resolver<Values, unknown, Input> = (values, context, options) => {
  const pruned: Values = { ...values, nextAttemptOn: values.nextAttemptOn || null };
  if (!pruned.note) delete pruned.note;
  return zodResolver(outreachContactInputSchema)(pruned, context, options);
};

/**
 * アウトリーチ: the contact attempts with someone who has not consented yet or cannot come, on a
 * consultation (before a case) or on a case (with those its consultation had), newest first.
 */
export function OutreachPanel({
  target,
  headingLevel = 2,
}: {
  target: OutreachTarget;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const canRecord = useCan('outreach.record');
  const contacts = useOutreachContacts(target);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Section id="outreach-heading" title={t('participation.outreach.heading')} level={headingLevel}>
      <p>
        {'consultationId' in target
          ? t('participation.outreach.consultationLead')
          : t('participation.outreach.lead')}
      </p>
      {saved ? <Alert tone="success" title={saved} /> : null}
      {canRecord ? (
        <div className="print:hidden">
          <Button
            variant="outline"
            onClick={() => {
              setSaved(null);
              setOpen(true);
            }}
          >
            {t('participation.outreach.add')}
          </Button>
        </div>
      ) : null}
      <QueryDataTable
        query={contacts}
        caption={t('participation.outreach.caption')}
        columns={textsUnder(t, 'participation.outreach', [
          'attemptedOn',
          'method',
          'result',
          'relationship',
          'nextAttemptOn',
          'note',
          'organization',
        ])}
        empty={t('participation.outreach.empty')}
      >
        {(contact) => (
          <tr key={contact.id}>
            <DateCell value={contact.attemptedOn} rowHeader />
            <Td>{t(`participation.outreach.methods.${contact.method}`)}</Td>
            <Td>{t(`participation.outreach.results.${contact.result}`)}</Td>
            <Td>{t(`participation.outreach.relationships.${contact.relationship}`)}</Td>
            <Td>
              {contact.nextAttemptOn ? (
                <span className="flex flex-wrap items-center gap-2">
                  <DateText value={contact.nextAttemptOn} />
                  {contact.overdue ? (
                    <Badge tone="warning">{t('participation.outreach.overdue')}</Badge>
                  ) : null}
                </span>
              ) : (
                t('common.none')
              )}
            </Td>
            <Td className="whitespace-pre-wrap">{contact.note ?? ''}</Td>
            <Td>{contact.organization.name}</Td>
          </tr>
        )}
      </QueryDataTable>
      {open ? (
        <OutreachDialog
          target={target}
          onCancel={() => setOpen(false)}
          onDone={(message) => {
            setOpen(false);
            setSaved(message);
          }}
        />
      ) : null}
    </Section>
  );
}

function OutreachDialog({
  target,
  onCancel,
  onDone,
}: {
  target: OutreachTarget;
} & ActionDialogProps) {
  const { t } = useTranslation();
  const create = useCreateOutreachContact();
  const today = clock.today();
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<Values, unknown, Input>({
    resolver,
    defaultValues: {
      ...target,
      attemptedOn: today,
      relationship: 'none',
      note: '',
      nextAttemptOn: '',
    } as Values,
  });
  const field = useFieldWiring(fieldRegistrar(register, errors), {
    idPrefix: 'outreach',
    textPrefix: 'participation.outreach',
  });
  const dateField = useFieldWiring(fieldBinder(control), {
    idPrefix: 'outreach',
    textPrefix: 'participation.outreach',
  });
  const submit = handleSubmit((input) => {
    if (create.isPending) return;
    create.mutateAsync(input).then(
      (contact) =>
        onDone(
          t('participation.outreach.saved', {
            method: t(`participation.outreach.methods.${contact.method}`),
            result: t(`participation.outreach.results.${contact.result}`),
          }),
        ),
      (error: unknown) =>
        applyServerFieldErrors<Values>(
          error,
          ['attemptedOn', 'method', 'result', 'relationship', 'note', 'nextAttemptOn'],
          setError,
          setFocus,
        ),
    );
  });
  return (
    <MutationFormDialog
      mutation={create}
      open
      title={t('participation.outreach.dialogTitle')}
      description={t('participation.outreach.dialogDescription')}
      submitLabel={t('participation.outreach.submit')}
      cancelLabel={t('participation.outreach.cancel')}
      onSubmit={(event) => void submit(event)}
      onCancel={onCancel}
    >
      <FormDoneOnField {...dateField('attemptedOn')} />
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <SelectField {...field('method')} required>
          <option value="">{t('participation.outreach.choose')}</option>
          <MessageOptions codes={outreachMethods} textPrefix="participation.outreach.methods" />
        </SelectField>
        <SelectField {...field('result')} required>
          <option value="">{t('participation.outreach.choose')}</option>
          <MessageOptions codes={outreachResults} textPrefix="participation.outreach.results" />
        </SelectField>
      </div>
      <SelectField {...field('relationship')} required>
        <MessageOptions codes={outreachRelationships} textPrefix="participation.outreach.relationships" />
      </SelectField>
      <TextareaField {...field('note')} rows={3} />
      <FormDateField {...dateField('nextAttemptOn')} />
    </MutationFormDialog>
  );
}
