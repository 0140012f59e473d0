import { sql, type Transaction } from 'kysely';
import type { SupportReportInput } from '../contract/supportReports.ts';
import { now } from '../domain/clock.ts';
import { caseVisible, type Viewer } from './access.ts';
import { type CaseHeader, caseHeaderColumns } from './caseHeader.ts';
import type { Executor } from './executor.ts';
import { insertNewRow } from './newRow.ts';
import type { DB } from './schema.ts';

/** A plan item as a report against it needs it, with its plan's state and its case's header. */
export interface ReportableItem extends CaseHeader {
  id: string;
  case_id: string;
  plan_id: string;
  organization_id: string;
  content: string;
  plan_status: 'draft' | 'approved' | 'superseded';
  plan_version: number;
  /** The name of the viewer's own organisation, which makes the report. */
  reporter_organization_name: string;
}

/**
 * The item to report against, if the viewer may see its case: one indexed statement (primary key
 * of plan_items, joined by primary keys) so that reporting stays cheap.
 */
export async function findReportableItem(
  db: Executor,
  viewer: Viewer,
  planItemId: string,
): Promise<ReportableItem | undefined> {
  return db
    .selectFrom('plan_items as pi')
    .innerJoin('support_plans as sp', 'sp.id', 'pi.plan_id')
    .innerJoin('cases as c', 'c.id', 'pi.case_id')
    .select([
      'pi.id',
      'pi.case_id',
      'pi.plan_id',
      'pi.organization_id',
      'pi.content',
      'sp.status as plan_status',
      'sp.version as plan_version',
      ...caseHeaderColumns,
      sql<string>`(SELECT ro.name FROM organizations ro WHERE ro.id = ${viewer.organizationId})`.as(
        'reporter_organization_name',
      ),
    ])
    .where('pi.tenant_id', '=', viewer.tenantId)
    .where('pi.id', '=', planItemId)
    .where(caseVisible(viewer, 'c.id'))
    .executeTakeFirst();
}

/** Insert one report; returns its id and creation time. */
export async function insertReport(
  tx: Transaction<DB>,
  values: {
    tenantId: string;
    caseId: string;
    organizationId: string;
    reportedBy: string;
    input: SupportReportInput;
  },
): Promise<{ id: string; createdAt: Date }> {
  const createdAt = now();
  const id = await insertNewRow(tx, 'support_reports', {
    tenant_id: values.tenantId,
    case_id: values.caseId,
    plan_item_id: values.input.planItemId,
    organization_id: values.organizationId,
    reported_by: values.reportedBy,
    supported_on: values.input.supportedOn,
    content: values.input.content,
    result: values.input.result,
    created_at: createdAt,
  });
  return { id, createdAt };
}

export interface ReportRow {
  id: string;
  case_id: string;
  plan_item_id: string;
  plan_item_content: string;
  plan_version: number;
  organization_id: string;
  organization_name: string;
  reported_by: string;
  reporter_name: string;
  supported_on: string;
  content: string;
  result: string;
  created_at: Date;
}

/** Support reports with the item each reports on, the reporting organisation and the reporter. */
function reportsQuery(db: Executor) {
  return db
    .selectFrom('support_reports as sr')
    .innerJoin('plan_items as pi', 'pi.id', 'sr.plan_item_id')
    .innerJoin('organizations as o', 'o.id', 'sr.organization_id')
    .innerJoin('users as u', 'u.id', 'sr.reported_by')
    .select([
      'sr.id',
      'sr.supported_on',
      'sr.content',
      'sr.result',
      'sr.created_at',
      'pi.content as plan_item_content',
      'o.name as organization_name',
      'u.display_name as reporter_name',
    ]);
}

/**
 * Every organisation's reports on a case the viewer may see, newest support date first; `after`
 * is the (supported on, id) of the last row of the previous page. Served by
 * support_reports_case_idx (case_id, supported_on DESC).
 */
export async function listReports(
  db: Executor,
  viewer: Viewer,
  caseId: string,
  page: { limit: number; after?: { supportedOn: string; id: string } | undefined },
): Promise<ReportRow[]> {
  let query = reportsQuery(db)
    .innerJoin('support_plans as sp', 'sp.id', 'pi.plan_id')
    .select([
      'sr.case_id',
      'sr.plan_item_id',
      'sp.version as plan_version',
      'sr.organization_id',
      'sr.reported_by',
    ])
    .where('sr.tenant_id', '=', viewer.tenantId)
    .where('sr.case_id', '=', caseId)
    .where(caseVisible(viewer, 'sr.case_id'));
  if (page.after) {
    const { supportedOn, id } = page.after;
    query = query.where(sql<boolean>`(sr.supported_on, sr.id) < (${supportedOn}::date, ${id}::uuid)`);
  }
  return query.orderBy('sr.supported_on', 'desc').orderBy('sr.id', 'desc').limit(page.limit).execute();
}

/**
 * Support reports of a case made on days from `from` to `to`, oldest first, for the 帳票. The caller
 * has checked that the viewer may see the case.
 */
export async function reportsInPeriod(
  db: Executor,
  tenantId: string,
  caseId: string,
  from: string,
  to: string,
) {
  return reportsQuery(db)
    .where('sr.tenant_id', '=', tenantId)
    .where('sr.case_id', '=', caseId)
    .where('sr.supported_on', '>=', from)
    .where('sr.supported_on', '<=', to)
    .orderBy('sr.supported_on')
    .orderBy(sql`sr.created_at`)
    .execute();
}
