import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/** Ids a request names, to be checked against the rows of the tenant in `table` before they are stored. */
export interface IdLookup {
  table: 'organizations' | 'resources' | 'programmes';
  tenantId: string;
  ids: readonly string[];
  /** For organisations: only active ones count. */
  activeOnly?: boolean;
}

/** Which of the ids are rows of the tenant in the table. */
export async function knownIds(db: Executor, lookup: IdLookup): Promise<Set<string>> {
  const unique = [...new Set(lookup.ids)];
  if (unique.length === 0) return new Set();
  let query = db
    .selectFrom(lookup.table)
    .select('id')
    .where('tenant_id', '=', lookup.tenantId)
    .where('id', 'in', unique);
  if (lookup.activeOnly) query = query.where(sql<boolean>`disabled_at IS NULL`);
  return new Set((await query.execute()).map((row) => row.id));
}

/** Which of the ids are not rows of the tenant in the table. */
export async function unknownIds(db: Executor, lookup: IdLookup): Promise<Set<string>> {
  const found = await knownIds(db, lookup);
  return new Set(lookup.ids.filter((id) => !found.has(id)));
}
