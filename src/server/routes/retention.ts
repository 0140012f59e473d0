import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { idParamsSchema } from '../../contract/common.ts';
import {
  disposalApproveSchema,
  disposalCandidatesSchema,
  disposalExportQuerySchema,
  disposalRecordListSchema,
  disposalRecordSchema,
  retentionHoldSchema,
  retentionRulesInputSchema,
  retentionRulesSchema,
} from '../../contract/retention.ts';
import { planForEachExecution } from '../../db/preparedStatements.ts';
import {
  describeDisposal,
  disposeRecords,
  heldCases,
  insertDisposal,
  listDisposals,
  loadDisposalInput,
  retentionRulesOf,
  type StoredRetentionRules,
  saveRetentionRules,
  setRetentionHold,
} from '../../db/retention.ts';
import type { DB } from '../../db/schema.ts';
import { today } from '../../domain/clock.ts';
import { planDisposal, type RetentionRules, refusedSelection } from '../../domain/retention.ts';
import { formatTokyoDateTime } from '../../domain/time.ts';
import { encodeCsv } from '../csv.ts';
import { csvContentType } from '../documents.ts';
import { sendDownload } from '../download.ts';
import { operations } from '../operation.ts';
import { HttpProblem, orNotFound } from '../problem.ts';

/** The first key of the transaction-scoped advisory lock that serialises a city's disposals. */
const DISPOSAL_LOCK_CLASS = 0x4b53_4450;

const rulesOnly = (r: RetentionRules): RetentionRules => ({
  caseYears: r.caseYears,
  consultationYears: r.consultationYears,
  personYears: r.personYears,
});
const presentRules = (r: StoredRetentionRules) => ({
  ...rulesOnly(r),
  isDefault: r.isDefault,
  updatedAt: r.updatedAt?.toISOString() ?? null,
  updatedBy: r.updatedBy,
});
const fullName = (family: string | null, given: string | null) =>
  family === null ? null : `${family} ${given ?? ''}`.trim();

type DisposalRow = Awaited<ReturnType<typeof listDisposals>>[number];
const presentDisposal = (d: DisposalRow): z.infer<typeof disposalRecordSchema> => ({
  id: d.id,
  approvedAt: d.approved_at.toISOString(),
  approvedBy: { id: d.approved_by, displayName: d.display_name },
  asOf: d.as_of,
  caseCount: d.case_count,
  consultationCount: d.consultation_count,
  personCount: d.person_count,
  caseNumbers: d.case_numbers,
  rules: rulesOnly(d.rules),
});

/**
 * 保存期間・廃棄 (docs/retention.md): the city's retention periods (IT or the coordinating section),
 * the disposal list and its approval (the coordinating section), holds on cases, and the record
 * of what was disposed (the auditor).
 */
export function retentionRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['retention'] });

  op.get(
    '/api/retention',
    {
      operationId: 'retention.get',
      access: { permission: 'retention.manage' },
      audit: [],
      summary: "The city's retention period per record kind",
      response: { 200: retentionRulesSchema },
    },
    async ({ actor, tx }) => presentRules(await retentionRulesOf(tx, actor.tenantId)),
  );

  op.put(
    '/api/retention',
    {
      operationId: 'retention.update',
      access: { permission: 'retention.manage' },
      audit: ['retention.update'],
      summary: 'Set the retention periods (years, counted from 1 April after the 年度 a record ended)',
      body: retentionRulesInputSchema,
      response: { 200: retentionRulesSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const before = await retentionRulesOf(tx, actor.tenantId);
      await saveRetentionRules(tx, actor.tenantId, actor.userId, request.body);
      await audit({
        action: 'retention.update',
        resourceType: 'tenant',
        resourceId: actor.tenantId,
        details: { before: rulesOnly(before), after: rulesOnly(request.body) },
      });
      return presentRules(await retentionRulesOf(tx, actor.tenantId));
    },
  );

  op.get(
    '/api/disposals/candidates',
    {
      operationId: 'disposals.list',
      access: { permission: 'disposal.approve', records: 'tenant' },
      audit: ['disposal.list'],
      summary: 'The disposal list of today: expired cases, consultations and persons, and held cases',
      description:
        'Computed from the retention rules on the server clock; the names are shown for the review, and the look is audited.',
      response: { 200: disposalCandidatesSchema },
    },
    async ({ actor, tx, audit }) => {
      await planForEachExecution(tx);
      const asOf = today();
      const rules = await retentionRulesOf(tx, actor.tenantId);
      const plan = planDisposal(await loadDisposalInput(tx, actor.tenantId), rules, asOf);
      const shown = await describeDisposal(tx, actor.tenantId, plan);
      const held = await heldCases(tx, actor.tenantId);
      const fromOf = new Map(
        [...plan.cases, ...plan.consultations].map((x) => [x.id, x.disposableFrom] as const),
      );
      const reasonOf = new Map(plan.persons.map((p) => [p.id, p.reason] as const));
      await audit({
        action: 'disposal.list',
        resourceType: 'disposal',
        details: {
          asOf,
          cases: plan.cases.length,
          consultations: plan.consultations.length,
          persons: plan.persons.length,
        },
      });
      return {
        asOf,
        rules: rulesOnly(rules),
        cases: shown.cases.map((c) => ({
          id: c.id,
          caseNumber: c.case_number,
          personName: fullName(c.family_name, c.given_name),
          closedOn: c.closed_on ?? '',
          closureReason: c.closure_reason,
          disposableFrom: fromOf.get(c.id) ?? '',
          coordinatingOrganizationName: c.organization_name,
          consultationCount: Number(c.consultation_count ?? 0),
        })),
        consultations: shown.consultations.map((c) => ({
          id: c.id,
          receivedOn: c.received_on,
          closedOn: c.closed_on,
          personName: fullName(c.family_name, c.given_name),
          organizationName: c.organization_name,
          mainTopic: c.main_topic,
          disposableFrom: fromOf.get(c.id) ?? '',
        })),
        persons: shown.persons.map((p) => ({
          id: p.id,
          name: fullName(p.family_name, p.given_name) ?? '',
          reason: reasonOf.get(p.id) ?? 'lastRecord',
        })),
        held: held.map((h) => ({
          id: h.id,
          caseNumber: h.case_number,
          closedOn: h.closed_on,
          reason: h.retention_hold_reason ?? '',
        })),
      };
    },
  );

  op.post(
    '/api/disposals',
    {
      operationId: 'disposals.approve',
      access: { permission: 'disposal.approve', records: 'tenant' },
      audit: ['disposal.approve'],
      summary: 'Approve and carry out the disposal of the selected expired records, in one transaction',
      description:
        'Every selected id must be on the disposal list of today (else 409, nothing disposed). Persons named only by the disposed records go with them. Anonymous rows stay for the statistics; a tombstone event without personal data is written to the audit trail.',
      body: disposalApproveSchema,
      response: { 201: disposalRecordSchema },
    },
    async ({ request, actor, tx, audit }) => {
      // one disposal at a time per city: a second approval waits and recomputes the list
      await sql`SELECT pg_advisory_xact_lock(${DISPOSAL_LOCK_CLASS}, hashtext(${actor.tenantId}))`.execute(
        tx,
      );
      const asOf = today();
      const rules = await retentionRulesOf(tx, actor.tenantId);
      const input = await loadDisposalInput(tx, actor.tenantId);
      const plan = planDisposal(input, rules, asOf, request.body);
      const refused = refusedSelection(plan, request.body);
      const refusedCount = refused.caseIds.length + refused.consultationIds.length + refused.personIds.length;
      if (refusedCount > 0) {
        throw new HttpProblem(
          409,
          'disposal.notExpired',
          `選ばれた記録のうち${refusedCount}件は、今日の廃棄候補ではありません（保存期間中・保留中・支援中、または廃棄済み）。廃棄候補一覧を読み込み直してください。何も廃棄していません。`,
        );
      }
      const { caseNumbers } = await disposeRecords(tx, actor.tenantId, plan);
      const counts = {
        cases: plan.cases.length,
        consultations: plan.consultations.length,
        persons: plan.persons.length,
      };
      const { id } = await insertDisposal(tx, {
        tenantId: actor.tenantId,
        approvedBy: actor.userId,
        asOf,
        counts,
        caseNumbers,
        rules,
      });
      // the tombstone: counts and case numbers, never a name or a person's id
      await audit({
        action: 'disposal.approve',
        resourceType: 'disposal',
        resourceId: id,
        details: { asOf, counts, caseNumbers, rules: rulesOnly(rules) },
      });
      const rows = await listDisposals(tx, actor.tenantId);
      const row = rows.find((d) => d.id === id);
      if (!row) throw new Error('disposal row missing');
      return presentDisposal(row);
    },
  );

  op.put(
    '/api/cases/:id/retention-hold',
    {
      operationId: 'cases.holdRetention',
      access: { permission: 'disposal.approve', records: 'tenant' },
      audit: ['retention.hold'],
      summary: 'Hold a case off the disposal list (reason), or lift the hold (null)',
      params: idParamsSchema,
      body: retentionHoldSchema,
      response: { 200: z.object({ id: z.uuid(), reason: z.string().nullable() }) },
    },
    async ({ request, actor, tx, audit }) => {
      const { reason } = request.body;
      const changed = orNotFound(
        await setRetentionHold(tx, actor.tenantId, request.params.id, actor.userId, reason),
      );
      await audit({
        action: 'retention.hold',
        resourceType: 'case',
        resourceId: request.params.id,
        caseId: request.params.id,
        details: { caseNumber: changed.case_number, held: reason !== null },
      });
      return { id: request.params.id, reason };
    },
  );

  op.get(
    '/api/disposals',
    {
      operationId: 'disposals.report',
      access: { permission: 'audit.read', records: 'tenant' },
      audit: ['disposalRecord.list'],
      summary: "The auditor's record of every approved disposal (counts and case numbers, no personal data)",
      response: { 200: disposalRecordListSchema },
    },
    async ({ actor, tx, audit }) => {
      const rows = await listDisposals(tx, actor.tenantId);
      await audit({
        action: 'disposalRecord.list',
        resourceType: 'disposal',
        details: { rows: rows.length },
      });
      return { items: rows.map(presentDisposal) };
    },
  );

  op.get(
    '/api/disposals/export',
    {
      operationId: 'disposals.export',
      access: { permission: 'audit.read', records: 'tenant' },
      audit: ['disposalRecord.export'],
      summary: 'The record of disposals as CSV (UTF-8 with BOM, or Shift_JIS)',
      querystring: disposalExportQuerySchema,
      response: { 200: z.any() },
    },
    async ({ request, reply, actor, tx, audit }) => {
      const { encoding } = request.query;
      const rows = await listDisposals(tx, actor.tenantId);
      await audit({
        action: 'disposalRecord.export',
        resourceType: 'disposal',
        details: { rows: rows.length, encoding },
      });
      const lines = [
        [
          '承認日時（日本時間）',
          '承認者',
          '基準日',
          '支援ケース数',
          '相談記録数',
          '本人数',
          '保存期間（ケース・相談・本人、年）',
          'ケース番号',
        ],
        ...rows.map((d) => [
          formatTokyoDateTime(d.approved_at),
          d.display_name ?? '',
          d.as_of,
          String(d.case_count),
          String(d.consultation_count),
          String(d.person_count),
          `${d.rules.caseYears}・${d.rules.consultationYears}・${d.rules.personYears}`,
          d.case_numbers.join(' '),
        ]),
      ];
      const stamp = today().replaceAll('-', '');
      return sendDownload(reply, {
        body: encodeCsv(lines, encoding),
        contentType: csvContentType(encoding),
        fileName: `廃棄記録_${stamp}.csv`,
      });
    },
  );
}
