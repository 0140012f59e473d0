import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import { now } from '../../../../../src/domain/clock.ts';
import { AuditedPrintButton } from '../../../components/ui/audited-print-button.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { ShowMore } from '../../../components/ui/show-more.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { formatDateTime } from '../../../lib/wareki.ts';
import { ProgressNoteForm } from '../../forms/components/progress-note-form.tsx';
import { useCaseTimeline } from '../api/get-case-timeline.ts';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/forms.bundle.ts';

const knownKinds = new Set([
  'caseAccepted',
  'assessmentSaved',
  'consentRecorded',
  'meetingScheduled',
  'meetingHeld',
  'confidentialityAcknowledged',
  'planDrafted',
  'planApproved',
  'supportReported',
  'monitored',
  'closed',
  'suspended',
  'reopened',
  'stageChanged',
  'assigneeChanged',
  'progressNoted',
  'householdUpdated',
] as const);
type KnownKind = typeof knownKinds extends Set<infer K> ? K : never;

/**
 * 経過 (支援経過記録): every organisation's entries, newest first, with 和暦 date and time. Printing
 * gives the 支援経過記録 with the case number and person on top.
 */
export function TimelinePanel({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const timeline = useCaseTimeline(kase.id);
  // Any organisation taking part in the case writes progress notes (the server checks the same).
  const canWrite = useCan('supportReport.create');
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const person = kase.persons.find((p) => p.isPrimary);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-2">
          <h2 className="text-std-24B-150 text-solid-gray-900">
            <span className="print:hidden">{t('cases.timeline.heading')}</span>
            <span className="hidden print:inline">{t('cases.timeline.printTitle')}</span>
          </h2>
          <p className="hidden print:block">
            {kase.caseNumber} {person?.name ?? ''}（{person?.kana ?? ''}）／
            {t('cases.timeline.printedAt', { date: formatDateTime(now(), language) })}
          </p>
          <p className="print:hidden">{t('cases.timeline.lead')}</p>
        </div>
        <div className="flex flex-col items-start gap-2 print:hidden">
          <AuditedPrintButton
            resource={{ resourceType: 'caseTimeline', resourceId: kase.id }}
            label={t('cases.timeline.print')}
          />
        </div>
      </div>
      {canWrite && kase.stage !== 'closed' ? <ProgressNoteForm caseId={kase.id} /> : null}
      <p className="text-std-16N-170 text-solid-gray-700 print:hidden">{t('cases.timeline.printNote')}</p>
      {timeline.isPending ? (
        <Loading />
      ) : timeline.isError ? (
        <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : entries.length === 0 ? (
        <p>{t('cases.timeline.empty')}</p>
      ) : (
        <ol
          aria-label={t('cases.timeline.listLabel')}
          className="flex flex-col border-l-4 border-solid-gray-420"
        >
          {entries.map((entry) => (
            <li
              key={entry.id}
              className="relative break-inside-avoid border-b border-solid-gray-420 py-4 pl-6"
            >
              <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                <time
                  dateTime={entry.occurredAt}
                  className="text-std-16B-170 whitespace-nowrap text-solid-gray-900"
                >
                  {formatDateTime(entry.occurredAt, language)}
                </time>
                {Math.abs(Date.parse(entry.recordedAt) - Date.parse(entry.occurredAt)) > 60_000 ? (
                  <span className="text-dns-14N-130 text-solid-gray-700">
                    {t('forms.progressNotes.recordedAt', {
                      date: formatDateTime(entry.recordedAt, language),
                    })}
                  </span>
                ) : null}
                {knownKinds.has(entry.kind as KnownKind) ? (
                  <span className="rounded-4 border border-solid-gray-600 px-2 text-dns-14B-130 text-solid-gray-800">
                    {t(`cases.eventKind.${entry.kind as KnownKind}`)}
                  </span>
                ) : null}
              </div>
              <p className="mt-1 text-std-16N-170 whitespace-pre-wrap text-solid-gray-900">{entry.summary}</p>
              <p className="mt-1 text-std-16N-170 text-solid-gray-700">
                {t('cases.timeline.by', {
                  organization: entry.actor.organization?.name ?? t('cases.timeline.system'),
                  user: entry.actor.user?.name ?? '',
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
      <ShowMore
        query={timeline}
        label={t('cases.more')}
        loadingLabel={t('cases.loadingMore')}
        className="print:hidden"
      />
    </div>
  );
}
