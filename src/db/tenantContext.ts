import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The tenant whose data the current piece of work may touch. The access gate
 * (`src/server/authentication.ts`) enters it for every authenticated request; the database layer
 * (`tenantScopedDriver.ts`) reads it whenever a connection is acquired and runs that connection as
 * the restricted role with row-level security on this tenant. Outside any tenant scope (sign-in,
 * health, migrations, seeds, the CLI) the database is used as its owner.
 */
interface TenantScope {
  tenantId: string;
}

const storage = new AsyncLocalStorage<TenantScope>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Run `work` (and everything it awaits or starts) as `tenantId`. */
export function runAsTenant<T>(tenantId: string, work: () => T): T {
  // The id is written into a SET statement by the driver: refuse anything that is not a uuid.
  if (!UUID.test(tenantId)) throw new Error(`not a tenant id: ${JSON.stringify(tenantId)}`);
  return storage.run({ tenantId }, work);
}

/** The tenant of the current scope, or undefined when running as the owner. */
export function currentTenant(): string | undefined {
  return storage.getStore()?.tenantId;
}

/**
 * Run `work` as the owner, outside any tenant scope, even when called from inside one: background
 * work a request sets off (the audit sealer's timers) must not inherit the request's tenant.
 */
export function runAsOwner<T>(work: () => T): T {
  return storage.exit(work);
}
