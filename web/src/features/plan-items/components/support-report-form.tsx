import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MyPlanItem } from '../../../../../src/contract/plans.ts';
import {
  type SupportReportInput,
  supportReportInputSchema,
} from '../../../../../src/contract/supportReports.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import { reportResults } from '../../../../../src/domain/codeLists.ts';
import { CodeRadios } from '../../../components/code-radios.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormErrorSummary } from '../../../components/ui/error-summary.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { FormDoneOnField } from '../../../components/ui/form-date-field.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useCreateSupportReport } from '../api/create-support-report.ts';
import '../../../lib/i18n/casework.bundle.ts';

type Values = z.input<typeof supportReportInputSchema>;
const fields: readonly FieldPath<Values>[] = ['supportedOn', 'content', 'result', 'planItemId'];

/** 支援報告 for one item: 実施日 (和暦, not in the future), 内容, 結果. */
export function SupportReportForm({
  item,
  onSaved,
  onClose,
}: {
  item: MyPlanItem;
  onSaved: (content: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSupportReport();
  const today = clock.today();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useServerCheckedForm<Values, SupportReportInput>({
    resolver: zodResolver(supportReportInputSchema),
    defaultValues: { planItemId: item.id, supportedOn: today, content: '' },
    serverError: create.error,
    serverFields: fields,
  });
  const { register, handleSubmit, errors, unplaced, invalid, registerField, bindField } = form;
  const field = useFieldWiring(registerField, { idPrefix: 'support-report', textPrefix: 'planItems' });
  const dateField = useFieldWiring(bindField, { idPrefix: 'support-report', textPrefix: 'planItems' });

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const submit = handleSubmit((input) => {
    if (create.isPending) return;
    create
      .mutateAsync(input)
      .then(() => onSaved(item.content))
      .catch(() => undefined); // the error is shown from the mutation's state
  });

  return (
    <section
      aria-labelledby="support-report-heading"
      className="flex flex-col gap-6 rounded-12 border-2 border-blue-900 p-6"
    >
      <div className="flex flex-col gap-2">
        <h2
          id="support-report-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-std-24B-150 text-solid-gray-900"
        >
          {t('planItems.formHeading', { content: item.content })}
        </h2>
        <p>
          {t('planItems.formLead', {
            caseNumber: item.caseNumber,
            name: item.personName,
            version: item.planVersion,
          })}
        </p>
      </div>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[48rem] flex-col gap-8">
        <FormErrorSummary error={create.error} unplaced={unplaced} invalid={invalid} />
        <FormDoneOnField {...dateField('supportedOn')} />
        <TextareaField
          {...field('content', { id: 'support-report-content', text: 'content2', support: 'contentSupport' })}
          required
          rows={5}
        />
        <RadioGroup legend={t('planItems.result')} required error={errors.result?.message}>
          <CodeRadios codes={reportResults} idPrefix="support-report-result" field={register('result')} />
        </RadioGroup>
        <FormActions>
          <SubmitButton busy={create.isPending}>{t('planItems.submit')}</SubmitButton>
          <Button variant="text" onClick={onClose}>
            {t('planItems.close')}
          </Button>
        </FormActions>
      </form>
    </section>
  );
}
