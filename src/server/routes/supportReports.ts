import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import { pageQuerySchema } from '../../contract/pagination.ts';
import {
  type SupportReport,
  supportReportInputSchema,
  supportReportListSchema,
  supportReportSchema,
} from '../../contract/supportReports.ts';
import type { DB } from '../../db/schema.ts';
import { findReportableItem, insertReport, listReports, type ReportRow } from '../../db/supportReports.ts';
import { isOpenStage } from '../../domain/caseStage.ts';
import { labelOf, reportResults } from '../../domain/codeLists.ts';
import { happenedAt } from '../../domain/time.ts';
import { recordOnTimeline } from '../caseTimeline.ts';
import { operations } from '../operation.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { HttpProblem, orNotFound } from '../problem.ts';
import { tokyoToday } from './plans.ts';

function presentReport(row: ReportRow): SupportReport {
  return {
    id: row.id,
    caseId: row.case_id,
    planItemId: row.plan_item_id,
    planItemContent: row.plan_item_content,
    planVersion: row.plan_version,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    reportedBy: { id: row.reported_by, displayName: row.reporter_name },
    supportedOn: row.supported_on,
    content: row.content,
    result: row.result as SupportReport['result'],
    createdAt: row.created_at.toISOString(),
    abilities: {},
  };
}

export function supportReportRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['supportReports'] });

  op.post(
    '/api/support-reports',
    {
      operationId: 'supportReports.create',
      access: { permission: 'supportReport.create' },
      audit: ['supportReport.create'],
      summary: 'Report support given against a current plan item (支援報告)',
      body: supportReportInputSchema,
      response: { 201: supportReportSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      if (input.supportedOn > tokyoToday()) {
        throw new HttpProblem(
          400,
          'validation.invalid',
          '入力内容に誤りがあります。supportedOn: 支援した日に未来の日付は入力できません',
          [{ field: 'supportedOn', code: 'future', message: '支援した日に未来の日付は入力できません' }],
        );
      }
      const item = orNotFound(await findReportableItem(tx, actor, input.planItemId));
      if (
        actor.organizationId !== item.organization_id &&
        actor.organizationId !== item.coordinating_organization_id
      ) {
        throw new HttpProblem(
          403,
          'auth.forbidden',
          'この支援内容について報告できるのは、担当機関と重層事業担当だけです。',
        );
      }
      if (!isOpenStage(item.case_stage)) {
        throw new HttpProblem(409, 'case.notOpen', '終結または中断した事例には支援報告を登録できません。');
      }
      if (item.plan_status !== 'approved') {
        throw new HttpProblem(
          409,
          'planItem.notCurrent',
          `この支援内容は現在の支援プランのものではありません（第${item.plan_version}版は${item.plan_status === 'draft' ? '決定前の案' : '見直し済み'}です）。現在の版の支援内容に報告してください。`,
        );
      }
      const created = await insertReport(tx, {
        tenantId: actor.tenantId,
        caseId: item.case_id,
        organizationId: actor.organizationId,
        reportedBy: actor.userId,
        input,
      });
      await recordOnTimeline(tx, actor, item.case_id, {
        kind: 'supportReported',
        subjectId: created.id,
        summary: `${item.reporter_organization_name}が支援を報告（${labelOf(reportResults, input.result)}）：${item.content}`,
        details: {
          reportId: created.id,
          planItemId: item.id,
          organizationId: actor.organizationId,
          organizationName: item.reporter_organization_name,
          supportedOn: input.supportedOn,
          result: input.result,
        },
        occurredAt: happenedAt(input.supportedOn, created.createdAt),
      });
      // Last, so that the tenant's audit chain lock is held for as short a time as possible.
      await audit({
        action: 'supportReport.create',
        resourceType: 'supportReport',
        resourceId: created.id,
        personId: item.primary_person_id,
        caseId: item.case_id,
        legalBasis: 'consent',
        details: { planItemId: item.id, supportedOn: input.supportedOn, result: input.result },
      });
      return presentReport({
        id: created.id,
        case_id: item.case_id,
        plan_item_id: item.id,
        plan_item_content: item.content,
        plan_version: item.plan_version,
        organization_id: actor.organizationId,
        organization_name: item.reporter_organization_name,
        reported_by: actor.userId,
        reporter_name: actor.displayName,
        supported_on: input.supportedOn,
        content: input.content,
        result: input.result,
        created_at: created.createdAt,
      });
    },
  );

  op.get(
    '/api/cases/:id/support-reports',
    {
      operationId: 'supportReports.list',
      access: { permission: 'case.read' },
      audit: ['supportReport.list'],
      summary: 'Every organisation’s support reports on a case, newest first',
      params: idParamsSchema,
      querystring: pageQuerySchema,
      response: { 200: supportReportListSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const { limit, cursor } = request.query;
      const after = decodeCursor(cursor, ['date', 'uuid']);
      const kase = await visibleCase(request.params.id);
      const rows = await listReports(tx, actor, kase.id, {
        limit: limit + 1,
        after: after ? { supportedOn: after[0] as string, id: after[1] as string } : undefined,
      });
      const { page, nextCursor } = pageOf(rows, limit, (last) => [last.supported_on, last.id]);
      await audit({
        action: 'supportReport.list',
        resourceType: 'supportReport',
        personId: kase.primary_person_id,
        caseId: kase.id,
        details: { reportIds: page.map((row) => row.id) },
      });
      return {
        items: page.map(presentReport),
        nextCursor,
      };
    },
  );
}
