import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  type AuditEvent,
  type AuditEventFilter,
  auditEventExportQuerySchema,
  auditEventListQuerySchema,
  auditEventListSchema,
  auditSubjectListSchema,
  auditSubjectQuerySchema,
} from '../../contract/auditEvents.ts';
import { problemSchema } from '../../contract/problem.ts';
import { countAuditEvents, listAuditEvents, searchAuditSubjects } from '../../db/auditEvents.ts';
import { planForEachExecution } from '../../db/preparedStatements.ts';
import type { DB } from '../../db/schema.ts';
import { auditActionName, auditResourceTypeName } from '../../domain/auditActions.ts';
import { caseSearchTerms } from '../../domain/caseSearch.ts';
import { today } from '../../domain/clock.ts';
import { legalBases } from '../../domain/codeLists.ts';
import { formatTokyoDateTime } from '../../domain/time.ts';
import { personNameOf, presentAuditEvent } from '../auditPresenter.ts';
import { encodeCsv } from '../csv.ts';
import { csvContentType } from '../documents.ts';
import { sendDownload } from '../download.ts';
import { exportRateLimit } from '../exportRateLimit.ts';
import { readErrors } from '../operation.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { HttpProblem } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';

const BATCH = 5_000;

/** The filter as it is recorded in the trail (only what was given). */
function filterDetails(filter: AuditEventFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

function filterOf<T extends AuditEventFilter>(query: T): AuditEventFilter {
  const { userId, organizationId, personId, caseId, action, from, to } = query;
  return { userId, organizationId, personId, caseId, action, from, to };
}

const legalBasisLabels = new Map<string, string>([
  ...legalBases.map((b) => [b.code, b.label] as [string, string]),
  ['intake', '相談受付'],
  ['coordination', '重層事業担当部署の調整'],
]);

export const auditCsvHeader = [
  '時刻（日本時間）',
  'ログインID',
  '利用者',
  '所属',
  '操作',
  '操作コード',
  '対象の種類',
  '対象ID',
  '対象の名前',
  '本人',
  '本人ID',
  '事例番号',
  '事例ID',
  '法的根拠',
  '目的・理由',
  '接続元',
  '詳細',
];

/** One event as a CSV line, with the same names the screen shows (codes kept beside them). */
export function auditCsvLine(event: AuditEvent): string[] {
  return [
    formatTokyoDateTime(new Date(event.occurredAt), { seconds: true }),
    event.user?.loginId ?? '',
    event.user?.displayName ?? '',
    event.organization?.name ?? '',
    auditActionName(event.action),
    event.action,
    auditResourceTypeName(event.resourceType),
    event.resourceId ?? '',
    event.resourceName ?? '',
    // a disposed person's events keep the id; the name is gone with the person (docs/retention.md)
    event.person ? (event.personDisposed ? '（廃棄済み）' : (event.person.name ?? '（削除済み）')) : '',
    event.personId ?? '',
    event.case ? (event.case.caseNumber ?? '（削除済み）') : '',
    event.caseId ?? '',
    event.legalBasis ? (legalBasisLabels.get(event.legalBasis) ?? event.legalBasis) : '',
    event.purpose ?? '',
    event.ip ?? '',
    JSON.stringify(event.details),
  ];
}

/** `maxExportRows`: an export larger than this is refused (KASANE_AUDIT_EXPORT_MAX_ROWS, default 100 000). */
export function auditEventRoutes(
  app: FastifyInstance,
  db: Kysely<DB>,
  options: { maxExportRows: number },
): void {
  const maxRows = options.maxExportRows;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit-events',
    {
      config: { access: { permission: 'audit.read', records: 'tenant' }, audit: ['auditEvent.list'] },
      schema: {
        operationId: 'auditEvents.list',
        summary:
          'The audit trail, newest first, filtered by user, organisation, person, case, action and period',
        description:
          'Period dates are calendar dates in Asia/Tokyo (`to` inclusive). `action` may repeat or be ' +
          'comma-separated. Viewing the trail is itself audited with the filters used.',
        tags: ['audit'],
        querystring: auditEventListQuerySchema,
        response: { 200: auditEventListSchema, ...readErrors },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const filter = filterOf(request.query);
      const after = decodeCursor(cursor, ['integer']);
      const rows = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        await planForEachExecution(tx);
        const found = await listAuditEvents(tx, actor.tenantId, filter, {
          limit: limit + 1,
          beforeSeq: after ? String(after[0]) : undefined,
        });
        await audit({
          action: 'auditEvent.list',
          resourceType: 'auditEvent',
          details: {
            filter: filterDetails(filter),
            cursor: cursor ?? null,
            count: Math.min(found.length, limit),
          },
        });
        return found;
      });
      const { page, nextCursor } = pageOf(rows, limit, (last) => [Number(last.seq)]);
      return {
        items: page.map(presentAuditEvent),
        nextCursor,
      };
    },
  );

  r.get(
    '/api/audit-events/subjects',
    {
      config: { access: { permission: 'audit.read', records: 'tenant' }, audit: ['auditSubject.search'] },
      schema: {
        operationId: 'auditEvents.subjects',
        summary:
          'Persons and cases named in the audit trail, by 氏名, フリガナ or 事例番号 (the filter pickers)',
        description:
          'Only persons and cases that audit events already name, and only what the audit log shows of ' +
          "them: a person's name; a case's number and its person's name. At most 10 of each. Audited.",
        tags: ['audit'],
        querystring: auditSubjectQuerySchema,
        response: { 200: auditSubjectListSchema, ...readErrors },
      },
    },
    async (request) => {
      const terms = caseSearchTerms(request.query.q);
      const rows = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const found = await searchAuditSubjects(tx, actor.tenantId, terms, 10);
        await audit({
          action: 'auditSubject.search',
          resourceType: 'auditEvent',
          details: { q: request.query.q, count: found.length },
        });
        return found;
      });
      return {
        persons: rows
          .filter((row) => row.kind === 'person')
          .map((row) => ({ id: row.id, name: personNameOf(row) ?? '' })),
        cases: rows
          .filter((row) => row.kind === 'case')
          .map((row) => ({ id: row.id, caseNumber: row.case_number ?? '', personName: personNameOf(row) })),
      };
    },
  );

  r.get(
    '/api/audit-events/export',
    {
      config: { access: { permission: 'audit.read', records: 'tenant' }, audit: ['auditEvent.export'] },
      preHandler: exportRateLimit,
      schema: {
        operationId: 'auditEvents.export',
        summary: 'The filtered audit trail as CSV (UTF-8 with BOM, or Shift_JIS for older Excel)',
        description: `At most ${maxRows} rows (otherwise 400: narrow the filter); the export is audited and rate-limited per user.`,
        tags: ['audit'],
        querystring: auditEventExportQuerySchema,
        response: { 200: z.any(), ...readErrors, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const { encoding, format } = request.query;
      const filter = filterOf(request.query);
      const lines = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        await planForEachExecution(tx);
        const count = await countAuditEvents(tx, actor.tenantId, filter, maxRows);
        if (count > maxRows) {
          throw new HttpProblem(
            400,
            'export.tooLarge',
            `出力できるのは${maxRows.toLocaleString('ja-JP')}件までですが、条件に合う記録はそれより多くあります。期間・操作などの条件を絞り込んでください。`,
            [{ field: 'クエリ.from', code: 'tooLarge', message: '期間などの条件を絞り込んでください' }],
          );
        }
        const out: string[][] = [auditCsvHeader];
        let beforeSeq: string | undefined;
        for (;;) {
          const rows = await listAuditEvents(tx, actor.tenantId, filter, { limit: BATCH, beforeSeq });
          for (const row of rows) out.push(auditCsvLine(presentAuditEvent(row)));
          if (rows.length < BATCH) break;
          beforeSeq = rows.at(-1)?.seq;
        }
        await audit({
          action: 'auditEvent.export',
          resourceType: 'auditEvent',
          details: { filter: filterDetails(filter), format, encoding, rows: out.length - 1 },
        });
        return out;
      });
      const stamp = today().replaceAll('-', '');
      return sendDownload(reply, {
        body: encodeCsv(lines, encoding),
        contentType: csvContentType(encoding),
        fileName: `監査ログ_${stamp}.csv`,
      });
    },
  );
}
