import type { Selectable, Transaction } from 'kysely';
import type { AssessmentInput } from '../contract/assessments.ts';
import type { Executor } from './executor.ts';
import { insertNewRowReturning } from './newRow.ts';
import type { AssessmentRelation, AssessmentTable, DB } from './schema.ts';

export type AssessmentRow = Selectable<AssessmentTable>;

/** The latest version of a case's 課題整理, if any. The caller has checked the case is visible. */
export async function latestAssessment(
  db: Executor,
  tenantId: string,
  caseId: string,
): Promise<AssessmentRow | undefined> {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Save a 課題整理 as the case's next version; earlier versions stay as they were. The caller holds
 * the case row's lock, so the version numbers of concurrent saves do not collide.
 */
export async function insertAssessment(
  tx: Transaction<DB>,
  values: { tenantId: string; caseId: string; recordedBy: string; input: AssessmentInput },
): Promise<AssessmentRow> {
  const last = await tx
    .selectFrom('assessments')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('case_id', '=', values.caseId)
    .executeTakeFirst();
  const { input } = values;
  const relations: AssessmentRelation[] = input.relations.map((r) => ({
    from: r.from,
    to: r.to,
    kind: r.kind,
    ...(r.note ? { note: r.note } : {}),
  }));
  return insertNewRowReturning(tx, 'assessments', {
    tenant_id: values.tenantId,
    case_id: values.caseId,
    version: Number(last?.version ?? 0) + 1,
    issues: input.issues,
    household_flags: input.householdFlags,
    summary: input.summary || null,
    wishes: input.wishes || null,
    strengths: input.strengths || null,
    relations: JSON.stringify(relations),
    recorded_by: values.recordedBy,
  });
}
