import { type Kysely, sql } from 'kysely';
import { GENESIS_HASH, onAuditRecorded, sealHash } from './auditTrail.ts';
import { parseJsonColumn } from './jsonColumn.ts';
import type { DB } from './schema.ts';
import { runAsOwner } from './tenantContext.ts';

/**
 * The sealer of the audit trail (docs/adr/0009): requests append events and queue them in
 * `audit_pending` without taking any lock; the sealer chains them, shortly after they commit, into
 * their tenant's seal chain. Only the sealer extends a chain, under its head row's lock, so request
 * transactions never wait on one another for the trail.
 */

/** Events sealed per transaction. */
const BATCH = 2000;

/**
 * Seal every event committed and waiting in `audit_pending`; returns how many were sealed. Runs as
 * the database owner. Several sealers (several app instances on one database) may run at once: each
 * scope's head row is locked while its chain is extended, so they take turns per scope.
 */
export async function sealAuditTrail(db: Kysely<DB>): Promise<number> {
  let total = 0;
  for (;;) {
    const scopes = await db.selectFrom('audit_pending').select('scope').distinct().execute();
    let sealed = 0;
    for (const { scope } of scopes) sealed += await sealScope(db, scope);
    total += sealed;
    // nothing left, or only queue lines whose event is gone (verify reports those)
    if (sealed === 0) return total;
  }
}

async function sealScope(db: Kysely<DB>, scope: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    // A seal lost in a crash leaves its events in the queue, to be sealed again: no flush needed.
    await sql`SET LOCAL synchronous_commit TO OFF`.execute(tx);
    // Upsert-and-return locks the head row (creating it at the genesis hash the first time).
    const head = await tx
      .insertInto('audit_seal_heads')
      .values({ scope, position: '0', hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('scope').doUpdateSet({ scope }))
      .returning(['position', 'hash'])
      .executeTakeFirstOrThrow();
    const pending = await tx
      .selectFrom('audit_pending')
      .select('seq')
      .where('scope', '=', scope)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (pending.length === 0) return 0;
    const events = await tx
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', sql<string>`ANY(${`{${pending.map((p) => p.seq).join(',')}}`}::bigint[])`)
      .orderBy('seq')
      .execute();
    if (events.length === 0) return 0;
    let position = BigInt(head.position);
    let previous = head.hash;
    const seals = events.map((event) => {
      position += 1n;
      const details = parseJsonColumn<Record<string, unknown>>(event.details);
      const hash = sealHash(previous, String(position), { ...event, details });
      const seal = { scope, position: String(position), event_seq: event.seq, prev_hash: previous, hash };
      previous = hash;
      return seal;
    });
    await tx.insertInto('audit_seals').values(seals).execute();
    await tx
      .deleteFrom('audit_pending')
      .where('seq', '=', sql<string>`ANY(${`{${events.map((e) => e.seq).join(',')}}`}::bigint[])`)
      .execute();
    await tx
      .updateTable('audit_seal_heads')
      .set({ position: String(position), hash: previous })
      .where('scope', '=', scope)
      .execute();
    return seals.length;
  });
}

export interface AuditSealer {
  /** Seal now (after a pass already running). */
  sealNow(): Promise<number>;
  /** Stop the timers, wait for a running pass, and seal what is left. */
  stop(): Promise<void>;
}

/**
 * Seal in the background: `delayMs` after an event is written in this process (passes coalesce),
 * and every `idleMs` for events other processes wrote or whose transaction committed after a pass.
 */
export function startAuditSealer(
  db: Kysely<DB>,
  options: { delayMs?: number; idleMs?: number; onError?: (error: unknown) => void } = {},
): AuditSealer {
  const delayMs = options.delayMs ?? 50;
  const idleMs = options.idleMs ?? 2000;
  const onError = options.onError ?? (() => {});
  let soon: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  // Timers set off inside a request inherit its tenant scope: the sealer runs as the owner.
  const pass = () =>
    runAsOwner(() => sealAuditTrail(db)).catch((error) => {
      onError(error);
      return 0;
    });
  const run = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = undefined;
      if (again && !stopped) {
        again = false;
        kick();
      }
    });
    return running;
  };
  const kick = () => {
    if (stopped || soon) return;
    soon = setTimeout(() => {
      soon = undefined;
      void run();
    }, delayMs);
    soon.unref();
  };
  const idle = setInterval(() => void run(), idleMs);
  idle.unref();
  const unsubscribe = onAuditRecorded(kick);
  kick(); // what an earlier run left unsealed

  return {
    async sealNow() {
      await running;
      return run();
    },
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(idle);
      if (soon) clearTimeout(soon);
      soon = undefined;
      await running;
      await pass();
    },
  };
}
