import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationOutcomes } from '../../../../../src/contract/consultationFilter.ts';
import { consultationStatuses } from '../../../../../src/contract/statuses.ts';
import { consultationChannels, consultationTopics } from '../../../../../src/domain/codeLists.ts';
import { formatWareki, parseWareki } from '../../../../../src/domain/wareki.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { MessageOptions } from '../../../components/ui/message-options.tsx';
import { FilterSelectField, NamedOptions, Options } from '../../../components/ui/select-field.tsx';
import { WarekiDateField } from '../../../components/ui/wareki-date-field.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { filterBinder } from '../../../lib/filter-binder.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import type { ConsultationListFilter } from '../consultation-filter.ts';
import '../../../lib/i18n/casework.bundle.ts';

type Choices = Omit<ConsultationListFilter, 'from' | 'to'>;
type PeriodErrors = Partial<Record<'from' | 'to', string>>;

/** An ISO date from the address shown in 和暦 in the box; the box keeps whatever the person types. */
function warekiText(date: string | undefined): string {
  if (!date) return '';
  try {
    return formatWareki(date);
  } catch {
    return date;
  }
}

export type ConsultationFilterFormProps = {
  filter: ConsultationListFilter;
  /** The organisations to offer as 受付機関 (undefined while they load). */
  counters: { id: string; name: string }[] | undefined;
  onFilterChange: (filter: ConsultationListFilter) => void;
};

/**
 * 相談一覧's filter: 受付日 typed in 和暦 or 西暦 (read with the shared parseWareki, what it was read
 * as shown under each box), 受付機関, 相談経路, 相談内容, 対応 and 状態. Applied on 「検索する」; a period
 * that cannot be read or ends before it starts is named in an error summary and on the field.
 */
export function ConsultationFilterForm({ filter, counters, onFilterChange }: ConsultationFilterFormProps) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const [from, setFrom] = useState(() => warekiText(filter.from));
  const [to, setTo] = useState(() => warekiText(filter.to));
  const [choices, setChoices] = useState<Choices>(() => {
    const { from: _from, to: _to, ...rest } = filter;
    return rest;
  });
  const [errors, setErrors] = useState<PeriodErrors>({});
  const hasFilter = Object.values(filter).some((value) => value !== undefined);
  const choice = useFieldWiring(
    filterBinder(
      choices,
      (patch) => setChoices((current) => ({ ...current, ...patch })),
      t('consultations.filter.any'),
    ),
    { idPrefix: 'consultations', textPrefix: 'consultations' },
  );
  // a counter named in the address but no longer offered (disabled, or the list still loading) stays choosable
  const counterOptions =
    filter.organizationId && !counters?.some((c) => c.id === filter.organizationId)
      ? [...(counters ?? []), { id: filter.organizationId, name: t('consultations.filter.counterInAddress') }]
      : (counters ?? []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: PeriodErrors = {};
    const period: { from?: string; to?: string } = {};
    for (const [key, text] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (text.trim() === '') continue;
      const parsed = parseWareki(text);
      if (parsed.ok) period[key] = parsed.date;
      else next[key] = parsed.reason;
    }
    if (period.from && period.to && period.from > period.to) next.to = t('consultations.filter.periodOrder');
    setErrors(next);
    const first = (['from', 'to'] as const).find((key) => next[key]);
    if (first) {
      document.getElementById(`consultations-${first}`)?.focus();
      return;
    }
    const chosen = Object.fromEntries(Object.entries(choices).filter(([, value]) => value !== undefined));
    onFilterChange({ ...period, ...chosen });
  };

  const clear = () => {
    setFrom('');
    setTo('');
    setChoices({});
    setErrors({});
    onFilterChange({});
  };

  const errorMessages = (['from', 'to'] as const).flatMap((key) =>
    errors[key] ? [`${t(`consultations.filter.${key}`)}：${errors[key]}`] : [],
  );

  return (
    <search>
      <form
        noValidate
        onSubmit={submit}
        aria-label={t('consultations.filter.legend')}
        className="flex max-w-[64rem] flex-col gap-6"
      >
        {errorMessages.length > 0 ? (
          <ErrorSummary title={t('form.errorSummaryTitle')} messages={errorMessages} />
        ) : null}
        <div className="grid gap-6 md:grid-cols-2">
          <WarekiDateField
            id="consultations-from"
            label={t('consultations.filter.from')}
            supportText={t('consultations.filter.periodSupport')}
            typed={from}
            value={from}
            error={errors.from}
            onChange={(event) => setFrom(event.currentTarget.value)}
          />
          <WarekiDateField
            id="consultations-to"
            label={t('consultations.filter.to')}
            supportText={t('consultations.filter.periodSupport')}
            typed={to}
            value={to}
            error={errors.to}
            onChange={(event) => setTo(event.currentTarget.value)}
          />
          <FilterSelectField {...choice('organizationId', { text: 'counter' })}>
            <NamedOptions items={counterOptions} />
          </FilterSelectField>
          <FilterSelectField {...choice('channel')}>
            <Options
              items={consultationChannels}
              value={(channel) => channel.code}
              label={(channel) => codeName('consultationChannel', channel.code)}
            />
          </FilterSelectField>
          <FilterSelectField
            {...choice('topic', { id: 'consultations-topic', text: 'topics' })}
            supportText={t('consultations.filter.topicSupport')}
          >
            <Options
              items={consultationTopics}
              value={(topic) => topic.code}
              label={(topic) => codeName('consultationTopic', topic.code)}
            />
          </FilterSelectField>
          <FilterSelectField {...choice('outcome', { id: 'consultations-outcome', text: 'outcomeLabel' })}>
            <MessageOptions codes={consultationOutcomes} textPrefix="consultations.outcome" />
          </FilterSelectField>
          <FilterSelectField
            {...choice('status', { id: 'consultations-status', text: 'statusFilter' })}
            anyLabel={t('consultations.allStatuses')}
          >
            <MessageOptions codes={consultationStatuses} textPrefix="consultations.status" />
          </FilterSelectField>
        </div>
        <div className="flex flex-wrap gap-4">
          <Button type="submit">{t('consultations.filter.search')}</Button>
          {hasFilter ? (
            <Button variant="text" onClick={clear}>
              {t('consultations.filter.clear')}
            </Button>
          ) : null}
        </div>
      </form>
    </search>
  );
}
