import { createHash, randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditAction } from '../domain/auditActions.ts';
import { currentAuditScope } from './auditScope.ts';
import type { AuditEventTable, DB } from './schema.ts';

/** Who is acting, from where. Every write path takes one: audit cannot be skipped by forgetting it. */
export interface AuditContext {
  /** null only for events that belong to no tenant (a failed sign-in with an unknown login id). */
  tenantId: string | null;
  actor: { userId: string; organizationId: string; loginId: string } | null;
  ip: string | null;
}

/** The audit vocabulary lives in src/domain; re-exported for the many writers that import it from here. */
export type { AuditAction };

export interface AuditEventInput {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  personId?: string | null;
  caseId?: string | null;
  legalBasis?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the hash survives jsonb's key reordering. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type HashedFields = Omit<AuditEventTable, 'seq' | 'hash' | 'details' | 'occurred_at' | 'chain'> & {
  occurred_at: Date;
  details: Record<string, unknown>;
};

/** The hash of one event: SHA-256 over the previous hash and the event's canonical content. */
export function auditHash(event: HashedFields): string {
  const content = canonical({
    id: event.id,
    tenant_id: event.tenant_id,
    occurred_at: event.occurred_at.toISOString(),
    actor_user_id: event.actor_user_id,
    actor_organization_id: event.actor_organization_id,
    actor_login_id: event.actor_login_id,
    ip: event.ip,
    action: event.action,
    resource_type: event.resource_type,
    resource_id: event.resource_id,
    person_id: event.person_id,
    case_id: event.case_id,
    legal_basis: event.legal_basis,
    details: event.details,
  });
  return createHash('sha256').update(event.prev_hash).update('\n').update(content).digest('hex');
}

/**
 * Chains per tenant. Extending a chain holds its lock until the transaction commits (through the
 * disk flush), so one chain would let only one writer commit at a time; several chains let that
 * many commit together while each stays a strict, verifiable sequence.
 */
export const AUDIT_CHAINS = 32;
const chainOfTransaction = new WeakMap<object, number>();
const commitMode = new WeakMap<object, 'async' | 'sync'>();

/** One chain per transaction, so a transaction that writes several events takes one lock only (no deadlock). */
function chainFor(tx: object): number {
  let chain = chainOfTransaction.get(tx);
  if (chain === undefined) {
    chain = Math.floor(Math.random() * AUDIT_CHAINS);
    chainOfTransaction.set(tx, chain);
  }
  return chain;
}

const scopeOf = (tenantId: string | null) => tenantId ?? 'none';

/** Actions that record a look at data rather than a change. */
export function isReadAction(action: AuditAction): boolean {
  return /\.(read|list|search|timeline|compare|accessLog)$/.test(action);
}

/**
 * Append one audit event inside the caller's transaction, extending one of the tenant's hash
 * chains. The chain's head row stays locked until commit, so call this as late as possible in the
 * transaction.
 */
export async function recordAudit(
  tx: Transaction<DB>,
  context: AuditContext,
  input: AuditEventInput,
): Promise<void> {
  const chain = chainFor(tx);
  const scope = scopeOf(context.tenantId);
  currentAuditScope()?.recorded.add(input.action);
  // A read-only transaction's audit events commit with it, atomically, but without waiting for
  // the WAL flush: a PostgreSQL crash may lose the last fraction of a second of read events, never
  // a change or its event (a transaction that records any change commits synchronously). Without
  // this every page view would cost a disk flush. See README "Audit trail".
  const mode = commitMode.get(tx);
  if (isReadAction(input.action)) {
    if (mode === undefined) {
      await sql`SET LOCAL synchronous_commit TO OFF`.execute(tx);
      commitMode.set(tx, 'async');
    }
  } else if (mode !== 'sync') {
    if (mode === 'async') await sql`SET LOCAL synchronous_commit TO ON`.execute(tx);
    commitMode.set(tx, 'sync');
  }
  // Upsert-and-return locks the head row (creating it at the genesis hash the first time).
  const head = await tx
    .insertInto('audit_chain_heads')
    .values({ scope, chain, last_seq: '0', hash: GENESIS_HASH })
    .onConflict((oc) => oc.columns(['scope', 'chain']).doUpdateSet({ scope }))
    .returning('hash')
    .executeTakeFirstOrThrow();
  const event: HashedFields = {
    id: randomUUID(),
    tenant_id: context.tenantId,
    occurred_at: new Date(),
    actor_user_id: context.actor?.userId ?? null,
    actor_organization_id: context.actor?.organizationId ?? null,
    actor_login_id: context.actor?.loginId ?? null,
    ip: context.ip,
    action: input.action,
    resource_type: input.resourceType,
    resource_id: input.resourceId ?? null,
    person_id: input.personId ?? null,
    case_id: input.caseId ?? null,
    legal_basis: input.legalBasis ?? null,
    details: input.details ?? {},
    prev_hash: head.hash,
  };
  const hash = auditHash(event);
  const inserted = await tx
    .insertInto('audit_events')
    .values({ ...event, chain, details: JSON.stringify(event.details), hash })
    .returning('seq')
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('audit_chain_heads')
    .set({ last_seq: inserted.seq, hash })
    .where('scope', '=', scope)
    .where('chain', '=', chain)
    .execute();
}

export type AuditVerification =
  | { ok: true; events: number }
  | { ok: false; events: number; firstBad: { seq: string; id: string; reason: string } };

/**
 * Walk every chain of every tenant in order and name the first event (lowest seq) whose link or
 * content does not hold: an altered event fails its own hash, a removed or inserted one breaks the
 * link of the event after it, and removing a chain's newest events leaves its end short of the head.
 */
export async function verifyAuditTrail(db: Kysely<DB>): Promise<AuditVerification> {
  const heads = await db.selectFrom('audit_chain_heads').selectAll().execute();
  let count = 0;
  let firstBad: { seq: string; id: string; reason: string } | undefined;
  const report = (bad: { seq: string; id: string; reason: string }) => {
    if (!firstBad || BigInt(bad.seq) < BigInt(firstBad.seq)) firstBad = bad;
  };
  // Chains that have events but no head (a head row removed) are checked too.
  const chains = await db.selectFrom('audit_events').select(['tenant_id', 'chain']).distinct().execute();
  const keys = new Map<string, { tenantId: string | null; chain: number }>();
  for (const c of chains)
    keys.set(`${scopeOf(c.tenant_id)}/${c.chain}`, { tenantId: c.tenant_id, chain: c.chain });
  for (const h of heads)
    keys.set(`${h.scope}/${h.chain}`, { tenantId: h.scope === 'none' ? null : h.scope, chain: h.chain });

  for (const [key, { tenantId, chain }] of keys) {
    const head = heads.find((h) => `${h.scope}/${h.chain}` === key);
    let previous = GENESIS_HASH;
    let after = '0';
    let broken = false;
    scan: for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where((eb) => (tenantId ? eb('tenant_id', '=', tenantId) : eb('tenant_id', 'is', null)))
        .where('chain', '=', chain)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        count++;
        const details = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<
          string,
          unknown
        >;
        let reason: string | undefined;
        if (row.prev_hash !== previous)
          reason = 'chain broken: an event before it was removed, altered or inserted';
        else if (auditHash({ ...row, details }) !== row.hash) reason = 'content altered';
        if (reason) {
          report({ seq: row.seq, id: row.id, reason });
          broken = true;
          break scan;
        }
        previous = row.hash;
        after = row.seq;
      }
    }
    if (!broken && (!head || head.hash !== previous || head.last_seq !== after)) {
      report({
        seq: head?.last_seq ?? after,
        id: '(missing)',
        reason: head
          ? `chain ${chain} ends at seq ${after} but its head records seq ${head.last_seq}: the newest events were removed`
          : `chain ${chain} has no head: the chain's head was removed`,
      });
    }
  }
  return firstBad ? { ok: false, events: count, firstBad } : { ok: true, events: count };
}
