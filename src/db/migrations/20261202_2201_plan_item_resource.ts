import { type Kysely, sql } from 'kysely';

/**
 * Issue #12: a plan item may name a resource of the 社会資源 directory (the place where the support
 * happens: a 居場所, a 就労体験 host …). The resource is directory data, shared across the tenant; the
 * item stays case data, seen only by the organisations taking part in its case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('plan_items')
    .addColumn('resource_id', 'uuid', (c) => c.references('resources.id'))
    .execute();
  await sql`CREATE INDEX plan_items_resource_idx ON plan_items (tenant_id, resource_id) WHERE resource_id IS NOT NULL`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
