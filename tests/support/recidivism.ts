import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { addAssessment, createCase, type DemoDirectory } from './factories.ts';

/** A case whose latest assessment carries the given issue codes (e.g. a 刑事司法 one). */
export async function createAssessedCase(
  db: Kysely<DB>,
  dir: DemoDirectory,
  issues: string[],
  options: { closedOn?: string } = {},
): Promise<string> {
  const { caseId } = await createCase(db, dir, options.closedOn ? { stage: 'closed' } : {});
  await addAssessment(db, dir, caseId, { issues, summary: '（試験）課題整理' });
  if (options.closedOn) {
    await db
      .updateTable('cases')
      .set({ closed_on: options.closedOn, closure_reason: 'resolved' })
      .where('id', '=', caseId)
      .execute();
  }
  return caseId;
}

/** The current plan's challenge ids by number (課題番号). */
export async function challengeIds(db: Kysely<DB>, tenantId: string): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('challenges')
    .select(['id', 'position'])
    .where('tenant_id', '=', tenantId)
    .execute();
  return new Map(rows.map((r) => [r.position, r.id]));
}

export async function latestAudit(db: Kysely<DB>, action: string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}
