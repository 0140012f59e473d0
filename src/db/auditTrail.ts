import { createHash, randomUUID } from 'node:crypto';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { AuditAction } from '../domain/auditActions.ts';
import { now } from '../domain/clock.ts';
import { currentAuditScope } from './auditScope.ts';
import { compiledOnce } from './compiledOnce.ts';
import { parseJsonColumn } from './jsonColumn.ts';
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

/** What an audit event says was done, to what and on which ground (after who did it), of `audit_events as e`. */
export const auditEventWhatColumns = [
  'e.ip',
  'e.action',
  'e.resource_type',
  'e.resource_id',
  'e.person_id',
  'e.case_id',
  'e.legal_basis',
  'e.details',
] as const;

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

type HashedFields = Omit<
  AuditEventTable,
  'seq' | 'hash' | 'details' | 'occurred_at' | 'chain' | 'prev_hash'
> & {
  occurred_at: Date;
  details: Record<string, unknown>;
};

/** The event's canonical content: what its hash (legacy) or its seal (ADR 0009) covers. */
function eventContent(event: HashedFields): Record<string, unknown> {
  return {
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
  };
}

/**
 * The hash of an event written before ADR 0009: SHA-256 over the previous hash in its chain and
 * the event's canonical content. Such events carry it in their own row.
 */
export function auditHash(event: HashedFields & { prev_hash: string }): string {
  return createHash('sha256')
    .update(event.prev_hash)
    .update('\n')
    .update(canonical(eventContent(event)))
    .digest('hex');
}

/**
 * The hash of a seal (ADR 0009): SHA-256 over the previous seal's hash, the seal's position and the
 * event's sequence number and canonical content.
 */
export function sealHash(prevHash: string, position: string, event: HashedFields & { seq: string }): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonical({ position, seq: event.seq, event: eventContent(event) }))
    .digest('hex');
}

/** Chains per tenant of the events written before ADR 0009 (ADR 0004); verified, no longer extended. */
export const AUDIT_CHAINS = 32;
const commitMode = new WeakMap<object, 'async' | 'sync'>();

/** The seal chain an event belongs to: its tenant, or 'none' for events without one. */
export const scopeOf = (tenantId: string | null) => tenantId ?? 'none';

/** Actions that record a look at data rather than a change. */
export function isReadAction(action: AuditAction): boolean {
  return /\.(read|list|search|timeline|compare|accessLog)$/.test(action);
}

/** Sealers in this process (auditSealer.ts), told that an event was written so they seal it soon. */
const auditListeners = new Set<() => void>();
export function onAuditRecorded(listener: () => void): () => void {
  auditListeners.add(listener);
  return () => auditListeners.delete(listener);
}

/** An event's columns as recordAudit fills them in, and the seal chain it waits in. */
type EventValues = Omit<Insertable<AuditEventTable>, 'seq' | 'chain' | 'prev_hash' | 'hash'> & {
  scope: string;
};
const eventValues = {
  id: true,
  tenant_id: true,
  occurred_at: true,
  actor_user_id: true,
  actor_organization_id: true,
  actor_login_id: true,
  ip: true,
  action: true,
  resource_type: true,
  resource_id: true,
  person_id: true,
  case_id: true,
  legal_basis: true,
  details: true,
  scope: true,
} as const;

/**
 * The event and its line in `audit_pending` in one statement (every request runs it: compiled once);
 * with `synchronousCommit`, the statement also sets the transaction's `synchronous_commit` to it.
 */
function eventInsert(synchronousCommit: 'off' | undefined) {
  return compiledOnce(eventValues, (db, { scope, ...event }: EventValues) =>
    db
      .with('e', (db) =>
        // chain 0: the legacy chains' number (ADR 0004); sealed events are chained by their seal
        db
          .insertInto('audit_events')
          .values({ ...event, chain: 0 })
          .returning('seq'),
      )
      .with('c', (db) =>
        db.selectNoFrom(
          (synchronousCommit
            ? sql<string>`set_config('synchronous_commit', ${synchronousCommit}, true)`
            : sql<string>`null`
          ).as('v'),
        ),
      )
      .insertInto('audit_pending')
      .columns(['seq', 'scope'])
      .expression((eb) =>
        eb.selectFrom(['e', 'c']).select(['e.seq', sql<string>`${scope}::text`.as('scope')]),
      ),
  );
}
const insertEvent = eventInsert(undefined);
const insertEventCommittingLater = eventInsert('off');

/**
 * Append one audit event inside the caller's transaction: one INSERT of the event and of its line
 * in `audit_pending`, taking no lock that outlives the statement (no chain head is touched). The
 * sealer chains it shortly after commit (ADR 0009): the event exists if and only if the
 * transaction commits, and once sealed any alteration or removal shows in `kasane audit verify`.
 */
export async function recordAudit(
  tx: Transaction<DB>,
  context: AuditContext,
  input: AuditEventInput,
): Promise<void> {
  // the operation's audit promise is kept (src/db/auditScope.ts)
  currentAuditScope()?.recorded.add(input.action);
  // A read-only transaction's audit events commit with it, atomically, but without waiting for
  // the WAL flush: a PostgreSQL crash may lose the last fraction of a second of read events, never
  // a change or its event (a transaction that records any change commits synchronously; ADR 0005).
  // Without this every page view would cost a disk flush. The setting rides on the INSERT below
  // (set_config … true is SET LOCAL), so it costs no round trip of its own.
  const mode = commitMode.get(tx);
  let setCommit: 'off' | undefined;
  if (isReadAction(input.action)) {
    if (mode === undefined) {
      setCommit = 'off';
      commitMode.set(tx, 'async');
    }
  } else if (mode !== 'sync') {
    if (mode === 'async') await sql`SET LOCAL synchronous_commit TO ON`.execute(tx);
    commitMode.set(tx, 'sync');
  }
  await (setCommit ? insertEventCommittingLater : insertEvent)(tx, {
    id: randomUUID(),
    tenant_id: context.tenantId,
    occurred_at: now(),
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
    details: JSON.stringify(input.details ?? {}),
    scope: scopeOf(context.tenantId),
  });
  for (const listener of auditListeners) listener();
}

export interface Unsealed {
  /** Events committed and waiting for their seal (the running server seals them within seconds). */
  count: number;
  oldest: Date | null;
}

export type AuditVerification =
  | { ok: true; events: number; unsealed: Unsealed }
  | {
      ok: false;
      events: number;
      unsealed: Unsealed;
      firstBad: { seq: string; id: string; reason: string };
    };

const parseDetails = (details: unknown) => parseJsonColumn<Record<string, unknown>>(details);

/**
 * Check the whole trail and name the first event (lowest seq) that does not hold:
 *
 * - events written before ADR 0009 in their 32 chains per tenant (ADR 0004): an altered event fails
 *   its own hash, a removed or inserted one breaks the link of the event after it, and removing a
 *   chain's newest events leaves its end short of its head;
 * - sealed events in their tenant's seal chain: a seal whose event was altered or removed, a seal
 *   removed or inserted (the positions or links break), the newest seals removed (the chain ends
 *   short of its head);
 * - events neither sealed nor waiting for their seal (inserted behind Kasane's back, or their queue
 *   line removed), and queue lines whose event is gone (an event removed before it was sealed).
 *
 * Events waiting for their seal are not an error: they are reported as the unsealed tail.
 *
 * The whole check reads one snapshot (a read-only REPEATABLE READ transaction), so it can run beside
 * a live server: a seal committed while the chains are walked is neither half seen nor taken for a
 * chain that outruns its head.
 */
export function verifyAuditTrail(db: Kysely<DB>): Promise<AuditVerification> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((snapshot) => verifySnapshot(snapshot));
}

async function verifySnapshot(db: Kysely<DB>): Promise<AuditVerification> {
  let count = 0;
  let firstBad: { seq: string; id: string; reason: string } | undefined;
  const report = (bad: { seq: string; id: string; reason: string }) => {
    if (!firstBad || BigInt(bad.seq) < BigInt(firstBad.seq)) firstBad = bad;
  };
  count += await verifyLegacyChains(db, report);
  count += await verifySealChains(db, report);

  // Events that no seal covers: waiting in the queue (the unsealed tail), or not (forged or unqueued).
  const { rows: strays } = await sql<{ seq: string; id: string; pending: boolean }>`
    SELECT e.seq, e.id, (p.seq IS NOT NULL) AS pending
      FROM audit_events e
      LEFT JOIN audit_seals s ON s.event_seq = e.seq
      LEFT JOIN audit_pending p ON p.seq = e.seq
     WHERE e.hash IS NULL AND s.event_seq IS NULL AND p.seq IS NULL
     ORDER BY e.seq LIMIT 1`.execute(db);
  for (const stray of strays)
    report({
      seq: stray.seq,
      id: stray.id,
      reason: 'neither sealed nor waiting for its seal: written behind Kasane, or its queue line removed',
    });
  const { rows: orphans } = await sql<{ seq: string }>`
    SELECT p.seq FROM audit_pending p LEFT JOIN audit_events e ON e.seq = p.seq
     WHERE e.seq IS NULL ORDER BY p.seq LIMIT 1`.execute(db);
  for (const orphan of orphans)
    report({ seq: orphan.seq, id: '(missing)', reason: 'removed while waiting for its seal' });
  const tail = await sql<{ n: string; oldest: Date | null }>`
    SELECT count(*) AS n, min(e.occurred_at) AS oldest
      FROM audit_pending p JOIN audit_events e ON e.seq = p.seq`.execute(db);
  const unsealed = { count: Number(tail.rows[0]?.n ?? 0), oldest: tail.rows[0]?.oldest ?? null };

  return firstBad ? { ok: false, events: count, unsealed, firstBad } : { ok: true, events: count, unsealed };
}

type Report = (bad: { seq: string; id: string; reason: string }) => void;

/** The chains of events written before ADR 0009, each event carrying its own hash (ADR 0004). */
async function verifyLegacyChains(db: Kysely<DB>, report: Report): Promise<number> {
  const heads = await db.selectFrom('audit_chain_heads').selectAll().execute();
  let count = 0;
  // Chains that have events but no head (a head row removed) are checked too.
  const chains = await db
    .selectFrom('audit_events')
    .select(['tenant_id', 'chain'])
    .where('hash', 'is not', null)
    .distinct()
    .execute();
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
        .where('hash', 'is not', null)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        count++;
        let reason: string | undefined;
        if (row.prev_hash !== previous)
          reason = 'chain broken: an event before it was removed, altered or inserted';
        else if (
          auditHash({ ...row, prev_hash: row.prev_hash, details: parseDetails(row.details) }) !== row.hash
        )
          reason = 'content altered';
        if (reason) {
          report({ seq: row.seq, id: row.id, reason });
          broken = true;
          break scan;
        }
        previous = row.hash ?? '';
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
  return count;
}

/** Every scope's seal chain, in position order, each seal against the event it covers (ADR 0009). */
async function verifySealChains(db: Kysely<DB>, report: Report): Promise<number> {
  const heads = await db.selectFrom('audit_seal_heads').selectAll().execute();
  const scopes = new Set([
    ...heads.map((h) => h.scope),
    ...(await db.selectFrom('audit_seals').select('scope').distinct().execute()).map((s) => s.scope),
  ]);
  let count = 0;
  for (const scope of scopes) {
    const head = heads.find((h) => h.scope === scope);
    let previous = GENESIS_HASH;
    let position = 0n;
    let lastSeq = '0';
    let broken = false;
    scan: for (;;) {
      const rows = await db
        .selectFrom('audit_seals as s')
        .leftJoin('audit_events as e', 'e.seq', 's.event_seq')
        .select([
          's.position',
          's.event_seq',
          's.prev_hash as seal_prev_hash',
          's.hash as seal_hash',
          'e.seq',
          'e.id',
          'e.tenant_id',
          'e.occurred_at',
          'e.actor_user_id',
          'e.actor_organization_id',
          'e.actor_login_id',
          ...auditEventWhatColumns,
          'e.hash',
        ])
        .where('s.scope', '=', scope)
        .where('s.position', '>', String(position))
        .orderBy('s.position')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        let reason: string | undefined;
        if (BigInt(row.position) !== position + 1n)
          reason = `seal ${position + 1n} of ${scope} is missing: a sealed event and its seal were removed`;
        else if (row.seal_prev_hash !== previous)
          reason = 'seal chain broken: a seal before it was altered or inserted';
        else if (row.seq === null || row.id === null || row.occurred_at === null)
          reason = 'sealed event removed';
        else if (row.hash !== null || scopeOf(row.tenant_id) !== scope)
          reason = 'seal does not match its event';
        else if (
          sealHash(previous, row.position, {
            ...row,
            seq: row.seq,
            id: row.id,
            occurred_at: row.occurred_at,
            action: row.action ?? '',
            resource_type: row.resource_type ?? '',
            details: parseDetails(row.details),
          }) !== row.seal_hash
        )
          reason = 'content altered';
        if (reason) {
          report({ seq: row.event_seq, id: row.id ?? '(missing)', reason });
          broken = true;
          break scan;
        }
        count++;
        previous = row.seal_hash;
        position = BigInt(row.position);
        lastSeq = row.event_seq;
      }
    }
    if (!broken && (!head || head.hash !== previous || BigInt(head.position) !== position)) {
      report({
        seq: lastSeq,
        id: '(missing)',
        reason: head
          ? `the seal chain of ${scope} ends at position ${position} but its head records ${head.position}: the newest sealed events were removed`
          : `the seal chain of ${scope} has no head: its head was removed`,
      });
    }
  }
  return count;
}
