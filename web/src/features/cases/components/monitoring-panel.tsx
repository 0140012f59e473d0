import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, type FieldPath, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import { type MonitoringInput, monitoringInputSchema } from '../../../../../src/contract/monitorings.ts';
import type { Plan } from '../../../../../src/contract/plans.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import { closureReasons, itemProgress, monitoringDecisions } from '../../../../../src/domain/codeLists.ts';
import { CodeRadios } from '../../../components/code-radios.tsx';
import { RowFieldset } from '../../../components/row-fieldset.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CalendarDateField } from '../../../components/ui/calendar-date-field.tsx';
import { FormErrorSummary } from '../../../components/ui/error-summary.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { FormDoneOnField } from '../../../components/ui/form-date-field.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { CodeOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useCreateMonitoring } from '../api/create-monitoring.ts';
import { usePlans } from '../api/list-plans.ts';
import '../../../lib/i18n/casework.bundle.ts';

/** モニタリング: progress of every item of the current plan, and the decision with what it needs. */
export function MonitoringPanel({ kase, onGoToPlans }: { kase: CaseDetail; onGoToPlans: () => void }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const plans = usePlans(kase.id);
  const [notice, setNotice] = useState<{ message: string; revised: boolean } | null>(null);
  const current = plans.data?.find((plan) => plan.status === 'approved');
  return (
    <div className="flex flex-col gap-6">
      <h2 className="text-std-24B-150 text-solid-gray-900">{t('monitoring.heading')}</h2>
      {notice ? (
        <Alert tone="success" title={notice.message}>
          {notice.revised ? (
            <>
              <p>{t('monitoring.revised')}</p>
              <Button variant="outline" size="sm" className="mt-3" onClick={onGoToPlans}>
                {t('monitoring.goToPlans')}
              </Button>
            </>
          ) : null}
        </Alert>
      ) : null}
      {plans.isPending ? (
        <Loading />
      ) : plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : !kase.abilities.monitor ? (
        notice ? null : (
          <p>{t('monitoring.notAllowed')}</p>
        )
      ) : !current ? (
        <p>{t('monitoring.noPlan')}</p>
      ) : (
        <MonitoringForm
          kase={kase}
          plan={current}
          onStart={() => setNotice(null)}
          onSaved={(decision) =>
            setNotice({
              message: t('monitoring.saved', { decision: codeName('monitoringDecision', decision) }),
              revised: decision === 'revise',
            })
          }
        />
      )}
    </div>
  );
}

type Values = z.input<typeof monitoringInputSchema>;

/** Only what the chosen decision needs is sent: 継続 → next date, 終結 → reason and evaluation, 中断 → reason. */
const resolver: Resolver<Values, unknown, MonitoringInput> = (values, context, options) => {
  const pruned: Values = {
    ...values,
    itemResults: values.itemResults.map((result) => {
      const { note, ...rest } = result;
      return note ? { ...rest, note } : rest;
    }),
  };
  if (!pruned.note) delete pruned.note;
  if (pruned.decision !== 'continue') delete pruned.nextMonitoringOn;
  if (pruned.decision !== 'close') delete pruned.closure;
  if (pruned.decision !== 'suspend') delete pruned.suspensionReason;
  return zodResolver(monitoringInputSchema)(pruned, context, options);
};

function MonitoringForm({
  kase,
  plan,
  onStart,
  onSaved,
}: {
  kase: CaseDetail;
  plan: Plan;
  onStart: () => void;
  onSaved: (decision: MonitoringInput['decision']) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateMonitoring();
  const today = clock.today();
  const { register, control, handleSubmit, watch, errors, unplaced, invalid, registerField, bindField } =
    useServerCheckedForm<Values, MonitoringInput>({
      resolver,
      defaultValues: {
        conductedOn: today,
        itemResults: plan.items.map((item) => ({ planItemId: item.id, note: '' })) as Values['itemResults'],
        note: '',
        suspensionReason: '',
        closure: { evaluation: '' } as Values['closure'],
      },
      serverError: create.error,
      serverFields: () => {
        const fields: FieldPath<Values>[] = [
          'conductedOn',
          'decision',
          'note',
          'nextMonitoringOn',
          'closure.reason',
          'closure.evaluation',
          'closure',
          'suspensionReason',
          ...plan.items.flatMap((_item, index) => [
            `itemResults.${index}.progress` as const,
            `itemResults.${index}.note` as const,
          ]),
        ];
        return fields;
      },
    });
  const wire = useFieldWiring(registerField, { idPrefix: 'monitoring', textPrefix: 'monitoring' });
  const dateField = useFieldWiring(bindField, { idPrefix: 'monitoring', textPrefix: 'monitoring' });
  const decision = watch('decision');

  const submit = handleSubmit((input) => {
    if (create.isPending) return;
    onStart();
    // mutateAsync: the decision may end monitoring (and unmount this form) before the callback.
    create
      .mutateAsync({ caseId: kase.id, input })
      .then((saved) => onSaved(saved.decision))
      .catch(() => undefined); // the error is shown from the mutation's state
  });

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="flex max-w-[56rem] flex-col gap-8 print:hidden"
    >
      <p>{t('monitoring.lead', { version: plan.version })}</p>
      <FormErrorSummary error={create.error} unplaced={unplaced} invalid={invalid} />

      <FormDoneOnField {...dateField('conductedOn')} />

      {plan.items.map((item, index) => (
        <RowFieldset
          key={item.id}
          legend={t('monitoring.itemLegend', {
            index: item.position,
            content: item.content,
            organization: item.organizationName,
          })}
        >
          <RadioGroup
            legend={t('monitoring.progress')}
            required
            inline
            error={errors.itemResults?.[index]?.progress?.message}
          >
            <CodeRadios
              codes={itemProgress}
              idPrefix={`monitoring-item-${index}`}
              field={register(`itemResults.${index}.progress`)}
            />
          </RadioGroup>
          <TextField
            id={`monitoring-item-${index}-note`}
            label={t('monitoring.itemNote')}
            error={errors.itemResults?.[index]?.note?.message}
            {...register(`itemResults.${index}.note`)}
          />
        </RowFieldset>
      ))}

      <RadioGroup legend={t('monitoring.decision')} required error={errors.decision?.message}>
        <CodeRadios codes={monitoringDecisions} idPrefix="monitoring-decision" field={register('decision')} />
      </RadioGroup>

      {decision === 'continue' ? (
        <Controller
          control={control}
          name="nextMonitoringOn"
          render={({ field }) => (
            <CalendarDateField
              id="monitoring-next"
              label={t('monitoring.nextMonitoringOn')}
              required
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              error={errors.nextMonitoringOn?.message}
            />
          )}
        />
      ) : null}
      {decision === 'close' ? (
        <>
          <SelectField
            id="monitoring-closure-reason"
            label={t('monitoring.closureReason')}
            required
            error={errors.closure?.reason?.message ?? errors.closure?.message}
            {...register('closure.reason')}
          >
            <option value="">{t('monitoring.choose')}</option>
            <CodeOptions codes={closureReasons} />
          </SelectField>
          <TextareaField {...wire('closure.evaluation', { text: 'closureEvaluation' })} required rows={4} />
        </>
      ) : null}
      {decision === 'suspend' ? <TextareaField {...wire('suspensionReason')} required rows={3} /> : null}

      <TextareaField {...wire('note')} rows={4} />

      <FormActions>
        <SubmitButton busy={create.isPending}>{t('monitoring.submit')}</SubmitButton>
      </FormActions>
    </form>
  );
}
