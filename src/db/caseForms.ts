import type { Executor } from './executor.ts';
import { parseJsonColumn } from './jsonColumn.ts';
import type { MonitoringItemResult } from './schema.ts';

/**
 * Records the 帳票 print beside those the screens already load: a case's monitoring (one, or the
 * latest) with its plan's items (the support reports of a period are supportReports.ts's
 * reportsInPeriod). The caller has checked that the viewer may see the case.
 */
export async function monitoringForForm(
  db: Executor,
  tenantId: string,
  caseId: string,
  monitoringId: string | undefined,
) {
  let query = db
    .selectFrom('monitorings as m')
    .innerJoin('support_plans as sp', 'sp.id', 'm.plan_id')
    .innerJoin('users as u', 'u.id', 'm.recorded_by')
    .select([
      'm.id',
      'm.plan_id',
      'm.conducted_on',
      'm.item_results',
      'm.decision',
      'm.note',
      'm.next_monitoring_on',
      'sp.version as plan_version',
      'u.display_name as recorded_by_name',
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.case_id', '=', caseId);
  if (monitoringId) query = query.where('m.id', '=', monitoringId);
  const row = await query
    .orderBy('m.conducted_on', 'desc')
    .orderBy('m.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const items = await db
    .selectFrom('plan_items as pi')
    .innerJoin('organizations as o', 'o.id', 'pi.organization_id')
    .select(['pi.id', 'pi.content', 'o.name as organization_name'])
    .where('pi.tenant_id', '=', tenantId)
    .where('pi.plan_id', '=', row.plan_id)
    .orderBy('pi.position')
    .execute();
  const results = parseJsonColumn<MonitoringItemResult[]>(row.item_results);
  return { ...row, results, items };
}
