import type { Transaction } from 'kysely';
import type { AuditAction } from '../domain/auditActions.ts';
import { recordAudit } from './auditTrail.ts';
import type { Executor } from './executor.ts';
import { insertNewRow } from './newRow.ts';
import type { DB } from './schema.ts';

/** Create a municipality (tenant); returns its id. */
export async function insertTenant(
  tx: Transaction<DB>,
  tenant: { code: string; name: string },
): Promise<string> {
  return insertNewRow(tx, 'tenants', { code: tenant.code, name: tenant.name });
}

/** Record what was done to a whole municipality by no one signed in (seeding it, `kasane init`). */
export async function recordTenantSetup(
  tx: Transaction<DB>,
  tenantId: string,
  action: Extract<AuditAction, 'tenant.seed' | 'tenant.init'>,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(
    tx,
    { tenantId, actor: null, ip: null },
    { action, resourceType: 'tenant', resourceId: tenantId, details },
  );
}

/** The municipality's name, as forms, files and answers print it. */
export async function tenantName(db: Executor, tenantId: string): Promise<string> {
  const tenant = await db
    .selectFrom('tenants')
    .select('name')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return tenant.name;
}

/**
 * The ids of at most `limit` municipalities, the oldest first: the one with this 地方公共団体コード, or
 * without a code any of them.
 */
export async function tenantIdsByCode(
  db: Executor,
  code: string | undefined,
  limit: number,
): Promise<string[]> {
  let tenants = db.selectFrom('tenants').select('id').orderBy('created_at').limit(limit);
  if (code) tenants = tenants.where('code', '=', code);
  return (await tenants.execute()).map((tenant) => tenant.id);
}
