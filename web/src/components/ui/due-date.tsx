import { useTranslation } from 'react-i18next';
import { type DueDate, dueStatus, isMoved } from '../../../../src/domain/dueDates.ts';
import { Badge } from './badge.tsx';
import { DateText } from './date-text.tsx';

/**
 * A due date as every screen shows it (src/domain/dueDates.ts): the effective business day with
 * its weekday, and the nominal date beside it when a closed day moved it back
 * (令和8年11月27日(金) 〔本来は11月28日(土)〕).
 */
export function DueDateText({ due, withGregorian }: { due: DueDate; withGregorian?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <span className="whitespace-nowrap">
        <DateText value={due.dueOn} withWeekday withGregorian={withGregorian} />
      </span>
      {isMoved(due) ? (
        <span className="text-std-16N-170 text-solid-gray-700">
          {t('ui.due.nominalBefore')}
          <span className="whitespace-nowrap">
            <DateText value={due.nominalOn} withWeekday />
          </span>
          {t('ui.due.nominalAfter')}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Where a due date stands today, in words: 「期限超過 12日」, 「本日が期限」 or 「あと3日」 (`upcoming`
 * only when asked: most lists show nothing for what is not yet due).
 */
export function DueStatusBadge({
  dueOn,
  today,
  showUpcoming,
}: {
  dueOn: string;
  today: string;
  showUpcoming?: boolean;
}) {
  const { t } = useTranslation();
  const status = dueStatus(dueOn, today);
  switch (status.kind) {
    case 'overdue':
      return <Badge tone="warning">{t('ui.due.overdue', { count: status.days })}</Badge>;
    case 'today':
      return <Badge tone="warning">{t('ui.due.today')}</Badge>;
    case 'upcoming':
      return showUpcoming ? (
        <Badge tone="neutral">{t('ui.due.upcoming', { count: status.days })}</Badge>
      ) : null;
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}
