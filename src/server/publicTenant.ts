import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { tenantIdsByCode } from '../db/tenants.ts';
import { notFound } from './problem.ts';

/**
 * The municipality a read without sign-in serves (the public HSDS directory, the public programme
 * catalogue): the one with this code, or without a code the installation's only one; 404 otherwise.
 */
export async function publicTenantId(db: Kysely<DB>, tenantCode: string | undefined): Promise<string> {
  const found = await tenantIdsByCode(db, tenantCode, 2);
  const [only] = found;
  if (found.length !== 1 || !only) throw notFound();
  return only;
}
