import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  type Statistics,
  statisticsExportQuerySchema,
  statisticsQuerySchema,
  statisticsSchema,
} from '../../contract/statistics.ts';
import { organizationName } from '../../db/organizations.ts';
import { planForEachExecution } from '../../db/preparedStatements.ts';
import type { DB } from '../../db/schema.ts';
import { loadStatistics, loadTotals, type RawTotals, type StatisticsScope } from '../../db/statistics.ts';
import {
  closureReasons,
  consultationChannels,
  consultationTopics,
  householdFlags,
  issueAreas,
} from '../../domain/codeLists.ts';
import { formatFiscalYear } from '../../domain/fiscalYear.ts';
import {
  type Count,
  median,
  monthLabel,
  SUPPRESSED,
  shown,
  shownCells,
  statisticsPeriod,
} from '../../domain/statistics.ts';
import type { Actor } from '../actor.ts';
import { type DocumentSection, renderDocument, type TableDocument, tableSection } from '../documents.ts';
import { sendDownload } from '../download.ts';
import { exportRateLimit } from '../exportRateLimit.ts';
import { readErrors } from '../operation.ts';
import { HttpProblem } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';

const handoverOutcomes = [
  { code: 'accepted', label: '受理' },
  { code: 'returned', label: '差戻し' },
  { code: 'pending', label: '判断待ち' },
];

/** The coordinating section and the plan officer count the whole city; other organisations what they take part in. */
function scopeOf(actor: Actor): StatisticsScope {
  return actor.permissions.has('case.coordinate') || actor.permissions.has('plan.manage')
    ? { kind: 'city', tenantId: actor.tenantId }
    : { kind: 'organization', viewer: actor };
}

type Code = { code: string; label: string };

function cells(codes: readonly Code[], counts: Map<string, number>, suppress: boolean) {
  const values = shownCells(
    codes.map((c) => counts.get(c.code) ?? 0),
    suppress,
  );
  return codes.map((c, i) => ({ code: c.code, label: c.label, count: values[i] ?? 0 }));
}

async function organizationCodes(
  tx: Transaction<DB>,
  tenantId: string,
  ids: Iterable<string>,
): Promise<Code[]> {
  const list = [...new Set(ids)];
  if (list.length === 0) return [];
  const rows = await tx
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', list)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ code: r.id, label: r.name }));
}

function totals(raw: RawTotals, suppress: boolean): Statistics['totals'] {
  const s = (n: number) => shown(n, suppress);
  return {
    consultations: s(raw.consultations),
    handovers: s(raw.handovers),
    casesAccepted: s(raw.casesAccepted),
    supportMeetingsHeld: s(raw.meetingsHeld.article106_6),
    multilayerMeetingsHeld: s(raw.meetingsHeld.consent),
    plansNew: s(raw.plansNew),
    plansRevised: s(raw.plansRevised),
    closures: s(raw.closures),
    suspensions: s(raw.suspensions),
    openAtEnd: s(raw.openAtEnd),
  };
}

/** The report set for the caller: counted in its scope, small figures hidden where they must be. */
async function buildStatistics(
  tx: Transaction<DB>,
  actor: Actor,
  query: { fiscalYear: number; from?: string | undefined; to?: string | undefined },
): Promise<Statistics> {
  const result = statisticsPeriod(query.fiscalYear, query.from, query.to);
  if (!result.ok) {
    throw new HttpProblem(400, 'validation.invalid', result.reason, [
      { field: `クエリ.${result.field}`, code: 'invalid', message: result.reason },
    ]);
  }
  const period = result.period;
  await planForEachExecution(tx);
  const scope = scopeOf(actor);
  const suppress = scope.kind === 'organization';
  const raw = await loadStatistics(tx, scope, period);
  const previousPeriod = statisticsPeriod(query.fiscalYear - 1);
  if (!previousPeriod.ok) throw new Error('previous 年度 out of range');
  const previous = await loadTotals(tx, scope, previousPeriod.period);
  const organizations = await organizationCodes(tx, actor.tenantId, [
    ...raw.consultationsByOrganization.keys(),
    ...raw.handoversByOrganization.keys(),
  ]);
  const orgCells = (counts: Map<string, number>) =>
    cells(
      organizations.filter((o) => counts.has(o.code)),
      counts,
      suppress,
    );
  const monthly = (series: Map<string, number>) =>
    shownCells(
      period.months.map((m) => series.get(m) ?? 0),
      suppress,
    );
  const byMonth = {
    consultations: monthly(raw.consultationsByMonth),
    casesAccepted: monthly(raw.casesAcceptedByMonth),
    meetingsHeld: monthly(raw.meetingsByMonth),
    closures: monthly(raw.closuresByMonth),
  };
  const medianDays = median(raw.handoverDaysWaiting);
  const decided = [...raw.handoverDaysWaiting.values()].reduce((a, b) => a + b, 0);
  return {
    fiscalYear: query.fiscalYear,
    fiscalYearLabel: formatFiscalYear(query.fiscalYear),
    from: period.start,
    to: period.end,
    scope: scope.kind,
    suppressed: suppress,
    totals: totals(raw, suppress),
    consultations: {
      byOrganization: orgCells(raw.consultationsByOrganization),
      byChannel: cells(consultationChannels, raw.consultationsByChannel, suppress),
      byMainTopic: cells(consultationTopics, raw.consultationsByMainTopic, suppress),
      byTopic: cells(consultationTopics, raw.consultationsByTopic, suppress),
    },
    handovers: {
      byOrganization: orgCells(raw.handoversByOrganization),
      byOutcome: cells(handoverOutcomes, raw.handoversByOutcome, suppress),
      medianDaysWaiting: medianDays === null ? null : suppress && decided < 5 ? SUPPRESSED : medianDays,
    },
    meetings: {
      supportMeetingCases: shown(raw.casesDiscussed.article106_6, suppress),
      multilayerMeetingCases: shown(raw.casesDiscussed.consent, suppress),
    },
    linkage: {
      participationSupport: shown(raw.linkage.participationSupport, suppress),
      outreach: shown(raw.linkage.outreach, suppress),
    },
    participation: {
      participants: shown(raw.participation.participants, suppress),
      hosts: shown(raw.participation.hosts, suppress),
      started: shown(raw.participation.started, suppress),
      ended: shown(raw.participation.ended, suppress),
    },
    outreach: {
      persons: shown(raw.outreach.persons, suppress),
      attempts: shown(raw.outreach.attempts, suppress),
      linkedToCase: shown(raw.outreach.linkedToCase, suppress),
    },
    community: raw.community,
    closuresByReason: cells(closureReasons, raw.closuresByReason, suppress),
    householdPatterns: cells(householdFlags, raw.householdPatterns, suppress),
    issueAreas: cells(
      issueAreas.map((a) => ({ code: a.code, label: a.label })),
      raw.issueAreas,
      suppress,
    ),
    monthly: period.months.map((month, i) => ({
      month,
      label: monthLabel(month),
      consultations: byMonth.consultations[i] ?? 0,
      casesAccepted: byMonth.casesAccepted[i] ?? 0,
      meetingsHeld: byMonth.meetingsHeld[i] ?? 0,
      closures: byMonth.closures[i] ?? 0,
    })),
    previous: {
      fiscalYear: query.fiscalYear - 1,
      fiscalYearLabel: formatFiscalYear(query.fiscalYear - 1),
      totals: totals(previous, suppress),
    },
  };
}

const totalLabels: [keyof Statistics['totals'], string][] = [
  ['consultations', '新規相談受付件数'],
  ['handovers', '引継ぎ件数'],
  ['casesAccepted', '支援決定件数'],
  ['supportMeetingsHeld', '支援会議の開催回数'],
  ['multilayerMeetingsHeld', '重層的支援会議の開催回数'],
  ['plansNew', 'プラン作成件数（新規）'],
  ['plansRevised', 'プラン作成件数（見直し）'],
  ['closures', '終結件数'],
  ['suspensions', '中断件数'],
  ['openAtEnd', '継続中件数（期間末）'],
];
export const statisticsTotalLabels = Object.fromEntries(totalLabels) as Record<
  keyof Statistics['totals'],
  string
>;

const c = (value: Count | number | null) => (value === null ? '—' : String(value));

/** The report set as a document (CSV, xlsx, PDF share it, so they never disagree with the screen). */
function statisticsDocument(stats: Statistics, organizationName: string): TableDocument {
  const table = (
    heading: string,
    header: string,
    rows: { label: string; count: Count }[],
  ): DocumentSection => ({
    heading,
    columns: [
      { header, width: 36 },
      { header: '件数', width: 12 },
    ],
    rows: rows.map((r) => [r.label, c(r.count)]),
  });
  return {
    title: `統計・実績（${stats.fiscalYearLabel}）`,
    subtitle: [
      `期間：${stats.from} 〜 ${stats.to}`,
      stats.scope === 'city' ? '集計範囲：市全体' : `集計範囲：${organizationName}が参加している記録`,
    ],
    sections: [
      {
        heading: '主な件数と前年度比較',
        columns: [
          { header: '項目', width: 36 },
          { header: stats.fiscalYearLabel, width: 14 },
          { header: stats.previous.fiscalYearLabel, width: 14 },
        ],
        rows: totalLabels.map(([key, label]) => [label, c(stats.totals[key]), c(stats.previous.totals[key])]),
      },
      tableSection('月別の推移', stats.monthly, [
        { header: '月', width: 10, cell: (m) => m.label },
        { header: '新規相談', width: 12, cell: (m) => c(m.consultations) },
        { header: '支援決定', width: 12, cell: (m) => c(m.casesAccepted) },
        { header: '会議開催', width: 12, cell: (m) => c(m.meetingsHeld) },
        { header: '終結', width: 12, cell: (m) => c(m.closures) },
      ]),
      table('新規相談受付件数（受付機関別）', '受付機関', stats.consultations.byOrganization),
      table('新規相談受付件数（相談経路別）', '相談経路', stats.consultations.byChannel),
      table('新規相談受付件数（主な相談内容別）', '相談内容', stats.consultations.byMainTopic),
      table('新規相談受付件数（相談内容別・複数回答）', '相談内容', stats.consultations.byTopic),
      table('引継ぎ件数（引継ぎ元別）', '引継ぎ元', stats.handovers.byOrganization),
      table('引継ぎ件数（結果別）', '結果', [
        ...stats.handovers.byOutcome,
        { label: '受理・差戻しまでの日数（中央値）', count: stats.handovers.medianDaysWaiting ?? 0 },
      ]),
      table('会議で検討した事例数', '会議', [
        { label: '支援会議', count: stats.meetings.supportMeetingCases },
        { label: '重層的支援会議', count: stats.meetings.multilayerMeetingCases },
      ]),
      table('参加支援・アウトリーチへのつなぎ（事例数）', 'つなぎ先', [
        { label: '参加支援', count: stats.linkage.participationSupport },
        { label: 'アウトリーチ', count: stats.linkage.outreach },
      ]),
      table('参加支援', '項目', [
        { label: '支援対象者数', count: stats.participation.participants },
        { label: '協力事業者数', count: stats.participation.hosts },
        { label: '利用開始した参加支援', count: stats.participation.started },
        { label: '終了した参加支援', count: stats.participation.ended },
      ]),
      table('アウトリーチ等を通じた継続的支援', '項目', [
        { label: '対象者数（働きかけた人）', count: stats.outreach.persons },
        { label: '働きかけの回数', count: stats.outreach.attempts },
        { label: 'うち支援（事例）につながった人', count: stats.outreach.linkedToCase },
      ]),
      table('地域づくりに向けた支援（市全体）', '項目', [
        { label: '拠点数', count: stats.community.bases },
        { label: '参加者数（延べ）', count: stats.community.participants },
        { label: '参加機関数', count: stats.community.organizations },
        { label: '開催回数', count: stats.community.sessions },
      ]),
      table('終結件数（終結理由別）', '終結理由', stats.closuresByReason),
      table('世帯類型（期間中に対応した事例）', '世帯類型', stats.householdPatterns),
      table('課題の分野（期間中に対応した事例）', '分野', stats.issueAreas),
    ],
    notes: [
      ...(stats.suppressed
        ? [
            '1〜4件の数値は「5未満」と表示しています（合計から逆算できないよう、もう1つの項目も伏せる場合があります）。',
          ]
        : []),
      '相談内容別（複数回答）は1件の相談を複数の内容に数えます。',
      'かさね（重層的支援体制整備事業 支援管理）で作成',
    ],
  };
}

export function statisticsRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/statistics',
    {
      config: { access: { permission: 'statistics.read' }, audit: ['statistics.read'] },
      schema: {
        operationId: 'statistics.get',
        summary: '統計・実績：年度（と月の範囲）の報告項目、月別推移、前年度比較',
        description:
          '重層事業担当と計画担当は市全体、その他の機関は自機関が参加している記録から数えます。その場合、' +
          '1〜4件の数値は「5未満」になります（合計からの逆算を防ぐため、内訳で1項目だけ伏せる場合はもう1項目も伏せます）。',
        tags: ['statistics'],
        querystring: statisticsQuerySchema,
        response: { 200: statisticsSchema, ...readErrors },
      },
    },
    async (request) => {
      return requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const stats = await buildStatistics(tx, actor, request.query);
        await audit({
          action: 'statistics.read',
          resourceType: 'statistics',
          details: { fiscalYear: stats.fiscalYear, from: stats.from, to: stats.to, scope: stats.scope },
        });
        return stats;
      });
    },
  );

  r.get(
    '/api/statistics/export',
    {
      config: { access: { permission: 'statistics.read' }, audit: ['export'] },
      preHandler: exportRateLimit,
      schema: {
        operationId: 'statistics.export',
        summary: '統計・実績を xlsx・CSV（UTF-8 BOM 付き／Shift_JIS）・PDF で出力',
        tags: ['statistics'],
        querystring: statisticsExportQuerySchema,
        response: { 200: z.any(), ...readErrors },
      },
    },
    async (request, reply) => {
      const { format, encoding } = request.query;
      const document = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const stats = await buildStatistics(tx, actor, request.query);
        await audit({
          action: 'export',
          resourceType: 'statistics',
          details: {
            fiscalYear: stats.fiscalYear,
            from: stats.from,
            to: stats.to,
            scope: stats.scope,
            format,
            encoding: encoding ?? 'utf-8',
          },
        });
        const organization = await organizationName(tx, actor.tenantId, actor.organizationId);
        return { built: statisticsDocument(stats, organization ?? ''), label: stats.fiscalYearLabel };
      });
      const rendered = await renderDocument(document.built, format, `統計・実績_${document.label}`, encoding);
      return sendDownload(reply, rendered);
    },
  );
}
