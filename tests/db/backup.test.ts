import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/db/auditTrail.ts';
import {
  type BackupManifest,
  backupDatabase,
  RestoreRefused,
  restoreDatabase,
  type TableSummary,
  tableChecksums,
} from '../../src/db/backup.ts';
import { createPGlite, type Database, openPostgres, wrapPGlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { seedDemoCases } from '../../src/server/demo/demoCases.ts';
import { testBackend } from '../support/backend.ts';
import { emptyPostgres } from '../support/emptyPostgres.ts';
import { emptyPGlite, freshDatabase } from '../support/testDatabase.ts';

/**
 * Backup and restore round trips: a database with the demo casework → backup → restore into a
 * fresh database, on the same kind of database and across (PGlite ↔ PostgreSQL), one of them by
 * the real CLI. Every table's rows come back identical and the audit trail verifies.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'bin/kasane.mjs');

/** A freshly migrated, unseeded database of either kind. */
async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') {
    const database = wrapPGlite(await emptyPGlite());
    await migrateToLatest(database.db);
    return database;
  }
  const created = await emptyPostgres('bk');
  const database = openPostgres(created.url, 2);
  await migrateToLatest(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/** The restore writes its own audit event (and queues it for its seal): the rest must be identical. */
const withoutAudit = (tables: TableSummary[]) =>
  tables.filter((t) => !['audit_events', 'audit_chain_heads', 'audit_pending'].includes(t.name));

/** The audit events of a database as (seq, id, hash), leaving out the restore's own events. */
async function auditChain(database: Database) {
  return database.db
    .selectFrom('audit_events')
    .select(['seq', 'id', 'hash', 'prev_hash', 'chain'])
    .where('action', '<>', 'backup.restore')
    .orderBy('seq')
    .execute();
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-backup-'));
let source: Database;
let app: FastifyInstance | undefined;
let before: TableSummary[];
let sourceChain: Awaited<ReturnType<typeof auditChain>>;
let manifest: BackupManifest;
const file = path.join(tmp, 'source.backup.gz');

beforeAll(async () => {
  source = await freshDatabase();
  app = await buildApp({ ...loadConfig({ ...process.env, LOG_LEVEL: 'error' }), port: 0 }, source);
  await seedDemoCases(app);
  // Closing the app seals every waiting audit event and stops the sealer, so the source stays still.
  await app.close();
  app = undefined;
  before = await tableChecksums(source.db);
  sourceChain = await auditChain(source);
  manifest = await backupDatabase(source.db, file, source.kind);
}, 240_000);

afterAll(async () => {
  await app?.close();
  await source?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`kasane backup (${testBackend()})`, () => {
  it('writes every table with its row count and checksum, as the database holds them', () => {
    expect(manifest.source).toBe(source.kind);
    expect(manifest.migrations.length).toBeGreaterThanOrEqual(5);
    expect(manifest.tables).toEqual(before);
    const rows = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    expect(rows.cases).toBeGreaterThan(5);
    expect(rows.audit_events).toBeGreaterThan(50);
    // parents before children, so a restore can insert in file order
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf('tenants')).toBeLessThan(order.indexOf('organizations'));
    expect(order.indexOf('persons')).toBeLessThan(order.indexOf('cases'));
    expect(order.indexOf('cases')).toBeLessThan(order.indexOf('support_plans'));
    expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('is audited in the source database, for its tenant', async () => {
    const event = await source.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'backup.create')
      .executeTakeFirstOrThrow();
    const details = (typeof event.details === 'string' ? JSON.parse(event.details) : event.details) as Record<
      string,
      unknown
    >;
    expect(event.tenant_id).not.toBeNull();
    expect(details).toMatchObject({
      file,
      rows: { cases: manifest.tables.find((t) => t.name === 'cases')?.rows },
    });
    expect(details.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditTrail(source.db)).toMatchObject({ ok: true });
  });
});

/**
 * The target holds what the source held: every table identical, the audit trail as it was (same
 * seq, id, hash, chain), then only the events of the `hops` restores on the way — one per restore in
 * every municipality's trail — and the chain verifies.
 */
async function expectIdentical(target: Database, hops = 1): Promise<void> {
  const after = await tableChecksums(target.db);
  expect(withoutAudit(after)).toEqual(withoutAudit(before));
  expect(after.map((t) => t.name)).toEqual(before.map((t) => t.name));
  const chain = await auditChain(target);
  expect(chain.slice(0, sourceChain.length)).toEqual(sourceChain);
  const added = await target.db
    .selectFrom('audit_events')
    .select(['action', 'tenant_id', 'seq'])
    .where('seq', '>', sourceChain.at(-1)?.seq ?? '0')
    .execute();
  // (a backup's own backup.create event is written after its snapshot, so it is not in the file)
  expect(new Set(added.map((e) => e.action))).toEqual(new Set(['backup.restore']));
  const restoreEvents = added;
  const tenants = await target.db.selectFrom('tenants').select('id').execute();
  expect(restoreEvents.map((e) => e.tenant_id).sort()).toEqual(
    tenants.flatMap((t) => Array.from({ length: hops }, () => t.id)).sort(),
  );
  expect(await verifyAuditTrail(target.db)).toMatchObject({ ok: true });
}

describe('kasane restore', () => {
  it(`restores ${testBackend()} → ${testBackend()}: every table identical, the audit trail verifies`, async () => {
    const target = await emptyDatabase(testBackend());
    try {
      const result = await restoreDatabase(target.db, file, { force: false });
      expect(result.replaced).toBeNull();
      await expectIdentical(target);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('restores across databases through the real CLI, PostgreSQL → PGlite → PostgreSQL, and `kasane audit verify` passes at each step', async ({
    skip,
  }) => {
    if (testBackend() === 'pglite')
      skip('the cross-database round trip runs in the PostgreSQL pass of npm test (DATABASE_URL set)');
    const cliRun = async (args: string[], env: Record<string, string>) =>
      (
        await run(process.execPath, [cli, ...args], {
          cwd: root,
          env: { ...process.env, LOG_LEVEL: 'error', ...env },
        })
      ).stdout;

    // PostgreSQL → PGlite: `kasane restore` into a new data directory
    const dataDir = path.join(tmp, 'restored');
    const embedded = { DATABASE_URL: '', KASANE_DATA_DIR: dataDir };
    expect(await cliRun(['restore', file], embedded)).toMatch(/every table matches its checksum/);
    expect(await cliRun(['audit', 'verify'], embedded)).toMatch(/Audit trail intact: \d+ events verified/);
    const restored = wrapPGlite(await createPGlite({ dataDir }));
    try {
      await expectIdentical(restored);
    } finally {
      await restored.close();
    }

    // PGlite → PostgreSQL: `kasane backup` of that directory, `kasane restore` into a database that
    // is not even migrated yet
    const again = path.join(tmp, 'from-pglite.backup.gz');
    expect(await cliRun(['backup', again], embedded)).toMatch(/Backup written/);
    const target = await emptyPostgres('bk');
    try {
      const server = { DATABASE_URL: target.url };
      expect(await cliRun(['restore', again], server)).toMatch(/every table matches its checksum/);
      expect(await cliRun(['audit', 'verify'], server)).toMatch(/Audit trail intact: \d+ events verified/);
      const database = openPostgres(target.url, 2);
      try {
        await expectIdentical(database, 2);
      } finally {
        await database.close();
      }
    } finally {
      await target.drop();
    }
  }, 300_000);

  it('refuses a database that holds data, unless --force, which replaces it and records what it replaced', async () => {
    const target = await emptyDatabase(testBackend());
    try {
      await restoreDatabase(target.db, file, { force: false });
      const events = await target.db.selectFrom('audit_events').select('id').execute();
      await expect(restoreDatabase(target.db, file, { force: false })).rejects.toThrow(RestoreRefused);
      await expect(restoreDatabase(target.db, file, { force: false })).rejects.toThrow(/not empty/);
      const forced = await restoreDatabase(target.db, file, { force: true });
      expect(forced.replaced?.auditEvents).toBe(events.length);
      const restoreEvent = await target.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'backup.restore')
        .executeTakeFirstOrThrow();
      const details = (
        typeof restoreEvent.details === 'string' ? JSON.parse(restoreEvent.details) : restoreEvent.details
      ) as { forced: boolean; replaced: { auditEvents: number; sealHeads: unknown[] } };
      expect(details.forced).toBe(true);
      expect(details.replaced.auditEvents).toBe(events.length);
      expect(details.replaced.sealHeads.length).toBeGreaterThan(0);
      await expectIdentical(target);
      // the append-only trigger is back on after the forced restore
      await expect(target.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('refuses a damaged backup and writes nothing', async () => {
    const damaged = path.join(tmp, 'damaged.backup.gz');
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('城山'));
    expect(at).toBeGreaterThan(0);
    lines[at] = (lines[at] as string).replace('城山', '城下');
    fs.writeFileSync(damaged, zlib.gzipSync(lines.join('\n')));
    const cut = path.join(tmp, 'cut.backup.gz');
    fs.writeFileSync(cut, zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const target = await emptyDatabase(testBackend());
    try {
      await expect(restoreDatabase(target.db, damaged, { force: false })).rejects.toThrow(/damaged/);
      await expect(restoreDatabase(target.db, cut, { force: false })).rejects.toThrow(/incomplete|damaged/);
      const counts = await tableChecksums(target.db);
      expect(counts.every((t) => t.rows === 0)).toBe(true);
    } finally {
      await target.close();
    }
  }, 120_000);
});
