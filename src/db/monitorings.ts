import type { Transaction } from 'kysely';
import type { MonitoringInput } from '../contract/monitorings.ts';
import { now } from '../domain/clock.ts';
import { insertNewRow } from './newRow.ts';
import type { DB } from './schema.ts';

/** Record one monitoring of a case against its current plan; returns its id and creation time. */
export async function insertMonitoring(
  tx: Transaction<DB>,
  values: { tenantId: string; caseId: string; planId: string; recordedBy: string; input: MonitoringInput },
): Promise<{ id: string; createdAt: Date }> {
  const { input } = values;
  const createdAt = now();
  const id = await insertNewRow(tx, 'monitorings', {
    tenant_id: values.tenantId,
    case_id: values.caseId,
    plan_id: values.planId,
    conducted_on: input.conductedOn,
    item_results: JSON.stringify(
      input.itemResults.map((result) => ({
        planItemId: result.planItemId,
        progress: result.progress,
        ...(result.note ? { note: result.note } : {}),
      })),
    ),
    decision: input.decision,
    note: input.note || null,
    next_monitoring_on: input.decision === 'continue' ? (input.nextMonitoringOn ?? null) : null,
    closure_reason: input.decision === 'close' ? (input.closure?.reason ?? null) : null,
    closure_evaluation: input.decision === 'close' ? (input.closure?.evaluation ?? null) : null,
    suspension_reason: input.decision === 'suspend' ? (input.suspensionReason ?? null) : null,
    recorded_by: values.recordedBy,
    created_at: createdAt,
  });
  return { id, createdAt };
}

/** Store on the case what the monitoring decided: the next date, or the closure. */
export async function applyMonitoringToCase(
  tx: Transaction<DB>,
  values: { tenantId: string; caseId: string; input: MonitoringInput },
): Promise<void> {
  const { input } = values;
  await tx
    .updateTable('cases')
    .set({
      next_monitoring_on: input.decision === 'continue' ? (input.nextMonitoringOn ?? null) : null,
      ...(input.decision === 'close'
        ? {
            closed_on: input.conductedOn,
            closure_reason: input.closure?.reason ?? null,
            closure_evaluation: input.closure?.evaluation ?? null,
          }
        : {}),
      updated_at: now(),
    })
    .where('tenant_id', '=', values.tenantId)
    .where('id', '=', values.caseId)
    .execute();
}
