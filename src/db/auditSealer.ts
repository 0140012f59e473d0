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

/** Events sealed between two vacuums of the queue (see {@link vacuumAuditQueue}). */
const VACUUM_EVERY = 10_000;

/**
 * Seal every event committed and waiting in `audit_pending`; returns how many were sealed. Runs as
 * the database owner. Several sealers (several app instances on one database) may run at once: each
 * scope's head row is locked while its chain is extended, so they take turns per scope. Events that
 * commit while a pass runs are left to the next one (a new event sets one off; so does the idle timer).
 */
export async function sealAuditTrail(db: Kysely<DB>): Promise<number> {
  let total = 0;
  for (;;) {
    const scopes = await db.selectFrom('audit_pending').select('scope').distinct().execute();
    let full = false;
    for (const { scope } of scopes) {
      const sealed = await sealScope(db, scope);
      total += sealed;
      full ||= sealed === BATCH;
    }
    // a scope with more waiting than one batch goes on; queue lines whose event is gone stay (verify reports those)
    if (!full) return total;
  }
}

/** Seal one batch of a scope's waiting events in one transaction: three statements inside it. */
async function sealScope(db: Kysely<DB>, scope: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    // Upsert-and-return locks the head row (creating it at the genesis hash the first time). A seal
    // lost in a crash leaves its events in the queue, to be sealed again: the commit needs no flush.
    const { rows: heads } = await sql<{ position: string; hash: string }>`
      WITH head AS (
        INSERT INTO audit_seal_heads (scope, position, hash) VALUES (${scope}, 0, ${GENESIS_HASH})
        ON CONFLICT (scope) DO UPDATE SET scope = excluded.scope
        RETURNING position, hash)
      SELECT head.position, head.hash, set_config('synchronous_commit', 'off', true) AS commit_mode FROM head`.execute(
      tx,
    );
    const head = heads[0];
    if (!head) throw new Error(`the seal head of ${scope} was not returned`);
    // read after the lock: a sealer that held it before has deleted what it sealed
    const events = await tx
      .selectFrom('audit_pending as p')
      .innerJoin('audit_events as e', 'e.seq', 'p.seq')
      .selectAll('e')
      .where('p.scope', '=', scope)
      .orderBy('p.seq')
      .limit(BATCH)
      .execute();
    if (events.length === 0) return 0;
    let position = BigInt(head.position);
    let previous = head.hash;
    const seals = events.map((event) => {
      position += 1n;
      const details = parseJsonColumn<Record<string, unknown>>(event.details);
      const hash = sealHash(previous, String(position), { ...event, details });
      const seal = { position: String(position), eventSeq: event.seq, previous, hash };
      previous = hash;
      return seal;
    });
    // the seals, the queue lines they empty and the new head, in one statement of constant text
    await sql`
      WITH sealed AS (
        INSERT INTO audit_seals (scope, position, event_seq, prev_hash, hash)
        SELECT ${scope}, s.position, s.event_seq, s.prev_hash, s.hash
          FROM unnest(${seals.map((x) => x.position)}::bigint[], ${seals.map((x) => x.eventSeq)}::bigint[],
                      ${seals.map((x) => x.previous)}::text[], ${seals.map((x) => x.hash)}::text[])
               AS s(position, event_seq, prev_hash, hash)
        RETURNING event_seq),
      emptied AS (DELETE FROM audit_pending WHERE seq IN (SELECT event_seq FROM sealed))
      UPDATE audit_seal_heads SET position = ${String(position)}, hash = ${previous} WHERE scope = ${scope}`.execute(
      tx,
    );
    return seals.length;
  });
}

/**
 * Reclaim the queue's dead rows. Every event passes through `audit_pending` once (inserted by its
 * request, deleted by the pass that seals it), and each pass reads the whole queue, so its dead rows
 * are read again on every pass until a vacuum reclaims them. PostgreSQL's autovacuum does so when it
 * is on; the embedded database has no autovacuum at all (PGlite runs PostgreSQL as a single user),
 * and neither do servers that turn it off. Without this the queue grows by a page about every hundred
 * events for the life of the database, and with it the cost of every pass. A vacuum that finds the
 * table in use by another one (a second app instance) skips it.
 */
export async function vacuumAuditQueue(db: Kysely<DB>): Promise<void> {
  await runAsOwner(() => sql`VACUUM (SKIP_LOCKED) audit_pending`.execute(db));
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
  options: {
    delayMs?: number;
    idleMs?: number;
    /** Vacuum the queue after this many events sealed, and after the first pass that seals any (`Infinity`: never). */
    vacuumEvery?: number;
    onError?: (error: unknown) => void;
  } = {},
): AuditSealer {
  const delayMs = options.delayMs ?? 50;
  const idleMs = options.idleMs ?? 2000;
  const vacuumEvery = options.vacuumEvery ?? VACUUM_EVERY;
  const onError = options.onError ?? (() => {});
  let soon: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;
  // Full at start, so that the first pass that seals anything also vacuums: a server restarted more
  // often than every `vacuumEvery` events (a small office's PC, every evening) would otherwise never.
  let sealedSinceVacuum = Number.isFinite(vacuumEvery) ? vacuumEvery : 0;

  // Timers set off inside a request inherit its tenant scope: the sealer runs as the owner.
  const pass = () =>
    runAsOwner(async () => {
      const sealed = await sealAuditTrail(db);
      if (sealed === 0) return sealed;
      sealedSinceVacuum += sealed;
      if (sealedSinceVacuum >= vacuumEvery) {
        sealedSinceVacuum = 0;
        await vacuumAuditQueue(db);
      }
      return sealed;
    }).catch((error) => {
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
