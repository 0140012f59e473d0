import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Statistics } from '../../../../../src/contract/statistics.ts';
import { today } from '../../../../../src/domain/clock.ts';
import { fiscalYearOf, formatFiscalYear } from '../../../../../src/domain/fiscalYear.ts';
import { fiscalMonths } from '../../../../../src/domain/statistics.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataTable, TableHead } from '../../../components/ui/data-table.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Options, SelectField } from '../../../components/ui/select-field.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { downloadFile } from '../../../lib/download.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { type StatisticsPeriod, statisticsQuery, useStatistics } from '../api/get-statistics.ts';
import '../../../lib/i18n/resources.bundle.ts';
import '../../../lib/i18n/stats.bundle.ts';

type Count = Statistics['totals']['consultations'];
const numeric = (value: Count) => (typeof value === 'number' ? value : 0);

const totalKeys = [
  'consultations',
  'handovers',
  'casesAccepted',
  'supportMeetingsHeld',
  'multilayerMeetingsHeld',
  'plansNew',
  'plansRevised',
  'closures',
  'suspensions',
  'openAtEnd',
] as const;

const seriesKeys = ['consultations', 'casesAccepted', 'meetingsHeld', 'closures'] as const;

/**
 * 統計・実績 (`/statistics?fiscalYear=&from=&to=`): the 年度 (or a range of its months) report set with the previous 年度 beside it,
 * month-by-month trend charts (each drawn from the data table under it), the breakdowns, and
 * downloads as xlsx, CSV and PDF.
 */
export function StatisticsPage({
  fiscalYear,
  from,
  to,
  onPeriodChange,
}: {
  fiscalYear: number | undefined;
  /** First and last month counted (YYYY-MM inside the 年度); the whole 年度 when absent. */
  from?: string | undefined;
  to?: string | undefined;
  onPeriodChange: (period: StatisticsPeriod) => void;
}) {
  const { t } = useTranslation();
  const current = fiscalYearOf(today());
  const year = fiscalYear ?? current;
  const months = fiscalMonths(year);
  // a month outside the 年度 (left over from another year) counts as not chosen
  const period: StatisticsPeriod = {
    fiscalYear: year,
    from: from && months.includes(from) ? from : undefined,
    to: to && months.includes(to) ? to : undefined,
  };
  const stats = useStatistics(period);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const years = Array.from({ length: 6 }, (_, i) => current - i);

  const download = async (format: 'xlsx' | 'csv' | 'pdf') => {
    setBusy(true);
    setDownloadError(null);
    try {
      await downloadFile(
        `/api/statistics/export?${statisticsQuery(period)}&format=${format}`,
        `statistics.${format}`,
      );
    } catch (error) {
      setDownloadError(problemMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading lead={t('stats.statistics.lead')}>{t('stats.statistics.heading')}</PageHeading>
      <div className="flex flex-col gap-10">
        <div className="flex flex-wrap items-end gap-x-8 gap-y-4">
          <div className="w-full max-w-[16rem]">
            <SelectField
              id="statistics-year"
              label={t('stats.statistics.fiscalYear')}
              value={String(year)}
              onChange={(event) => onPeriodChange({ fiscalYear: Number(event.currentTarget.value) })}
            >
              <Options items={years} value={String} label={(y) => formatFiscalYear(y)} />
            </SelectField>
          </div>
          {(['from', 'to'] as const).map((end) => (
            <div key={end} className="w-full max-w-[12rem]">
              <SelectField
                id={`statistics-${end}`}
                label={t(`stats.statistics.${end}Month`)}
                value={period[end] ?? ''}
                onChange={(event) => {
                  const value = event.currentTarget.value || undefined;
                  const next = { ...period, [end]: value };
                  // keep the range in order: moving one end past the other moves both
                  if (next.from && next.to && next.from > next.to) {
                    if (end === 'from') next.to = next.from;
                    else next.from = next.to;
                  }
                  onPeriodChange(next);
                }}
              >
                <option value="">
                  {t(end === 'from' ? 'stats.statistics.yearStart' : 'stats.statistics.yearEnd')}
                </option>
                <Options
                  items={months}
                  value={(month) => month}
                  label={(month) =>
                    t('stats.statistics.monthOption', {
                      year: Number(month.slice(0, 4)),
                      month: Number(month.slice(5)),
                    })
                  }
                />
              </SelectField>
            </div>
          ))}
          <div className="flex flex-wrap gap-3">
            {(['xlsx', 'csv', 'pdf'] as const).map((format) => (
              <Button
                key={format}
                variant="outline"
                aria-disabled={busy || undefined}
                onClick={() => void (busy ? undefined : download(format))}
              >
                {t(`stats.statistics.download.${format}`)}
              </Button>
            ))}
          </div>
        </div>
        {downloadError ? <Alert tone="error" title={downloadError} /> : null}
        {stats.isPending ? (
          <Loading />
        ) : stats.isError ? (
          <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
        ) : (
          <StatisticsBody stats={stats.data} />
        )}
      </div>
    </>
  );
}

function StatisticsBody({ stats }: { stats: Statistics }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="text-std-16N-170 text-solid-gray-800">
        {stats.scope === 'city' ? t('stats.statistics.scopeCity') : t('stats.statistics.scopeOrganization')}
        {stats.suppressed ? ` ${t('stats.statistics.suppressedNote')}` : ''}
      </p>
      <Table caption={t('stats.statistics.totalsCaption', { year: stats.fiscalYearLabel })}>
        <TableHead
          columns={[t('stats.statistics.item'), stats.fiscalYearLabel, stats.previous.fiscalYearLabel]}
        />
        <tbody>
          {totalKeys.map((key) => (
            <tr key={key}>
              <Th scope="row">{t(`stats.statistics.totals.${key}`)}</Th>
              <Td>{String(stats.totals[key])}</Td>
              <Td>{String(stats.previous.totals[key])}</Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <Section id="statistics-trends" title={t('stats.statistics.trends')} className="flex flex-col gap-6">
        {seriesKeys.map((key) => (
          <TrendChart key={key} stats={stats} series={key} />
        ))}
        <Table caption={t('stats.statistics.trendTable')}>
          <thead>
            <tr>
              <Th scope="col">{t('stats.statistics.month')}</Th>
              {seriesKeys.map((key) => (
                <Th key={key} scope="col">
                  {t(`stats.statistics.series.${key}`)}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stats.monthly.map((m) => (
              <tr key={m.month}>
                <Th scope="row">{m.label}</Th>
                {seriesKeys.map((key) => (
                  <Td key={key}>{String(m[key])}</Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>

      <Breakdown caption={t('stats.statistics.byOrganization')} cells={stats.consultations.byOrganization} />
      <Breakdown caption={t('stats.statistics.byChannel')} cells={stats.consultations.byChannel} />
      <Breakdown caption={t('stats.statistics.byMainTopic')} cells={stats.consultations.byMainTopic} />
      <Breakdown caption={t('stats.statistics.byTopic')} cells={stats.consultations.byTopic} />
      <Breakdown
        caption={t('stats.statistics.handoversByOrganization')}
        cells={stats.handovers.byOrganization}
      />
      <Breakdown
        caption={t('stats.statistics.handoversByOutcome', {
          median: stats.handovers.medianDaysWaiting ?? '—',
        })}
        cells={stats.handovers.byOutcome}
      />
      <Breakdown
        caption={t('stats.statistics.meetingCases')}
        cells={[
          {
            code: 'article106_6',
            label: t('stats.statistics.supportMeeting'),
            count: stats.meetings.supportMeetingCases,
          },
          {
            code: 'consent',
            label: t('stats.statistics.multilayerMeeting'),
            count: stats.meetings.multilayerMeetingCases,
          },
        ]}
      />
      <Breakdown
        caption={t('stats.statistics.linkage')}
        cells={[
          {
            code: 'participationSupport',
            label: t('stats.statistics.participationSupport'),
            count: stats.linkage.participationSupport,
          },
          { code: 'outreach', label: t('stats.statistics.outreach'), count: stats.linkage.outreach },
        ]}
      />
      <Breakdown
        caption={t('stats.statistics.participation')}
        cells={countCells(
          ['participants', 'hosts', 'started', 'ended'] as const,
          (code) => t(`stats.statistics.participationItems.${code}`),
          stats.participation,
        )}
      />
      <Breakdown
        caption={t('stats.statistics.outreachHeading')}
        cells={countCells(
          ['persons', 'attempts', 'linkedToCase'] as const,
          (code) => t(`stats.statistics.outreachItems.${code}`),
          stats.outreach,
        )}
      />
      <Breakdown
        caption={t('stats.statistics.community')}
        cells={countCells(
          ['bases', 'participants', 'organizations', 'sessions'] as const,
          (code) => t(`resources.community.totals.${code}`),
          stats.community,
        )}
      />
      <Breakdown caption={t('stats.statistics.closuresByReason')} cells={stats.closuresByReason} />
      <Breakdown caption={t('stats.statistics.householdPatterns')} cells={stats.householdPatterns} />
      <Breakdown caption={t('stats.statistics.issueAreas')} cells={stats.issueAreas} />
    </>
  );
}

/** Breakdown cells for named counts: each code with its label and its count. */
function countCells<Code extends string>(
  codes: readonly Code[],
  label: (code: Code) => string,
  counts: Record<Code, Count>,
): { code: string; label: string; count: Count }[] {
  return codes.map((code) => ({ code, label: label(code), count: counts[code] }));
}

function Breakdown({
  caption,
  cells,
}: {
  caption: string;
  cells: { code: string; label: string; count: Count }[];
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      columns={[t('stats.statistics.item'), t('stats.statistics.count')]}
      rows={cells}
      empty={t('stats.statistics.none')}
    >
      {(c) => (
        <tr key={c.code}>
          <Th scope="row">{c.label}</Th>
          <Td>{String(c.count)}</Td>
        </tr>
      )}
    </DataTable>
  );
}

/**
 * A month-by-month bar chart drawn as SVG from the same numbers as the trend table below it. The
 * figure is named and described (values are in the table, which screen readers read instead).
 */
function TrendChart({ stats, series }: { stats: Statistics; series: (typeof seriesKeys)[number] }) {
  const { t } = useTranslation();
  const values = stats.monthly.map((m) => numeric(m[series]));
  const max = Math.max(1, ...values);
  const width = 48 * values.length;
  const height = 160;
  const title = t(`stats.statistics.series.${series}`);
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-std-17B-170 text-solid-gray-900">
        {t('stats.statistics.chartOf', { title })}
      </figcaption>
      <svg
        role="img"
        aria-label={t('stats.statistics.chartLabel', { title, total: values.reduce((a, b) => a + b, 0) })}
        viewBox={`0 0 ${width} ${height + 24}`}
        className="h-auto w-full max-w-[40rem]"
      >
        {values.map((value, i) => {
          const barHeight = Math.round((value / max) * height);
          const month = stats.monthly[i];
          return (
            <g key={month?.month ?? i}>
              <rect
                x={i * 48 + 8}
                y={height - barHeight}
                width={32}
                height={barHeight}
                className="fill-blue-900"
              />
              <text
                x={i * 48 + 24}
                y={height + 18}
                textAnchor="middle"
                className="fill-solid-gray-800 text-[12px]"
              >
                {month?.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
