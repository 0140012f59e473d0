import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { progressNoteInputSchema } from '../../../../../src/contract/progressNotes.ts';
import { today } from '../../../../../src/domain/clock.ts';
import { progressNoteKinds } from '../../../../../src/domain/codeLists.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { FormDateTimeField } from '../../../components/ui/form-date-field.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { CodeOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useCreateProgressNote } from '../api/progress-notes.ts';
import '../../../lib/i18n/forms.bundle.ts';

type Values = z.input<typeof progressNoteInputSchema>;
type Output = z.output<typeof progressNoteInputSchema>;

/**
 * 支援経過の記入 (progressNotes.create): when the visit, call, accompaniment or meeting happened,
 * its kind, with whom and what — by any organisation taking part. It lands in the timeline at the
 * time it happened.
 */
export function ProgressNoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const create = useCreateProgressNote(caseId);
  const [saved, setSaved] = useState(false);
  const form = useServerCheckedForm<Values, Output>({
    resolver: zodResolver(progressNoteInputSchema),
    defaultValues: { occurredAt: '', kind: 'homeVisit', counterpart: '', content: '' },
    serverError: create.error,
    serverFields: ['occurredAt', 'kind', 'counterpart', 'content'],
  });
  const { control, handleSubmit, reset, unplaced, invalid, registerField } = form;
  const field = useFieldWiring(registerField, {
    idPrefix: 'progress-note',
    textPrefix: 'forms.progressNotes',
  });
  const submit = handleSubmit((input) => {
    if (create.isPending) return;
    setSaved(false);
    create.mutate(
      { ...input, ...(input.counterpart ? {} : { counterpart: undefined }) },
      {
        onSuccess: () => {
          setSaved(true);
          reset({ occurredAt: '', kind: input.kind, counterpart: '', content: '' });
        },
      },
    );
  });
  return (
    <Section
      id="progress-note-heading"
      title={t('forms.progressNotes.heading')}
      level={3}
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-6 print:hidden"
    >
      <p>{t('forms.progressNotes.lead')}</p>
      {saved ? <Alert tone="success" title={t('forms.progressNotes.saved')} /> : null}
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[48rem] flex-col gap-6">
        {create.error ? (
          <ErrorSummary title={problemMessage(create.error, t)} messages={unplaced} />
        ) : invalid ? (
          <ErrorSummary title={t('form.errorSummaryTitle')} messages={[]} />
        ) : null}
        <FormDateTimeField
          control={control}
          name="occurredAt"
          id="progress-note-occurred-at"
          legend={t('forms.progressNotes.occurredAt')}
          required
          notAfter={today()}
        />
        <SelectField {...field('kind')} required>
          <CodeOptions codes={progressNoteKinds} />
        </SelectField>
        <TextField {...field('counterpart', { support: 'counterpartSupport' })} />
        <TextareaField {...field('content')} required rows={5} />
        <div>
          <Button type="submit" aria-disabled={create.isPending || undefined}>
            {t('forms.progressNotes.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
