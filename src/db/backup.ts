import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import { now } from '../domain/clock.ts';
import { recordAudit } from './auditTrail.ts';
import type { Executor } from './executor.ts';
import type { DB } from './schema.ts';

/**
 * Backup and restore in one portable, logical format, the same for PGlite and PostgreSQL (so a
 * backup of one restores into the other):
 *
 * a gzip'd file of JSON lines — a header (format, source, migrations applied), then per table a
 * line with its columns and types, one JSON array per row (every value in PostgreSQL's text form, or
 * null), and a line with the table's row count and SHA-256 over its row lines; last, the manifest
 * (migrations, and per table the row count and checksum). Tables come in foreign-key order and rows
 * in primary-key order, so the checksum of a table is the same wherever its rows are identical.
 */
export const BACKUP_FORMAT = 'kasane-backup';
export const BACKUP_VERSION = 1;

export interface ColumnInfo {
  name: string;
  type: string;
  identity: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Primary-key columns, with whether each sorts by collation (text: sorted as "C" everywhere). */
  key: { name: string; collatable: boolean }[];
}

export interface TableSummary {
  name: string;
  rows: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  source: string;
  migrations: string[];
  tables: TableSummary[];
}

const isMigrationTable = (table: string) => table.startsWith('kasane_migration');
/**
 * Tables derived from others by triggers, kept in the same transaction as every write (the
 * consultations', handovers' and cases' monthly tallies, migrations 20261203_0102 and 20261205_2001;
 * the cases each organisation takes part in by stage, 20261205_2201; the cases' latest 課題整理,
 * 20261206_1101):
 * not backed up, rebuilt by their triggers as a restore inserts the rows they count, and emptied with
 * everything else by a forced restore.
 */
export const derivedTables = [
  'consultation_tallies',
  'handover_tallies',
  'case_tallies',
  'visible_case_tallies',
  'assessment_tallies',
];
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** A row as a backup file holds it and its checksum hashes it: its columns' text as one JSON line. */
const backupLine = (row: (string | null)[]) => `${JSON.stringify(row)}\n`;

/** Every table of the schema except the migration bookkeeping and derived tables, parents before children. */
export async function backupTables(db: Executor): Promise<TableInfo[]> {
  const { rows: columns } = await sql<{
    table: string;
    column: string;
    type: string;
    identity: boolean;
    key_position: number | null;
    collatable: boolean;
  }>`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attidentity <> '' AS identity,
           array_position(i.indkey::int2[], a.attnum) AS key_position,
           t.typcollation <> 0 AS collatable
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
     ORDER BY c.relname, a.attnum`.execute(db);
  const { rows: references } = await sql<{ child: string; parent: string }>`
    SELECT DISTINCT c.relname AS child, p.relname AS parent
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_class p ON p.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND k.conrelid <> k.confrelid`.execute(db);

  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    if (isMigrationTable(c.table) || derivedTables.includes(c.table)) continue;
    const table = tables.get(c.table) ?? { name: c.table, columns: [], key: [] };
    table.columns.push({ name: c.column, type: c.type, identity: c.identity });
    if (c.key_position !== null) table.key[c.key_position - 1] = { name: c.column, collatable: c.collatable };
    tables.set(c.table, table);
  }
  // Parents first (a table referring to itself is not ordered here; none does today).
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle through ${name}`);
    state.set(name, 'visiting');
    for (const r of references) if (r.child === name && tables.has(r.parent)) visit(r.parent);
    state.set(name, 'done');
    const table = tables.get(name);
    if (table) ordered.push(table);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered;
}

/** Text output that is the same on every server: UTC timestamps, ISO dates, hex bytea. */
async function portableTextOutput(tx: Transaction<DB>): Promise<void> {
  await sql`SET LOCAL TimeZone = 'UTC'`.execute(tx);
  await sql`SET LOCAL DateStyle = 'ISO, YMD'`.execute(tx);
  await sql`SET LOCAL IntervalStyle = 'postgres'`.execute(tx);
  await sql`SET LOCAL extra_float_digits = 1`.execute(tx);
  await sql`SET LOCAL bytea_output = 'hex'`.execute(tx);
}

/** Read a table's rows in key order, each as an array of text values, in batches through a cursor. */
async function* tableRows(tx: Transaction<DB>, table: TableInfo): AsyncGenerator<(string | null)[][]> {
  const select = table.columns.map((c) => `${ident(c.name)}::text`).join(', ');
  const order = (
    table.key.length ? table.key : table.columns.map((c) => ({ name: c.name, collatable: true }))
  )
    .map((k) => (k.collatable ? `${ident(k.name)}::text COLLATE "C"` : ident(k.name)))
    .join(', ');
  await sql
    .raw(
      `DECLARE kasane_backup NO SCROLL CURSOR FOR SELECT ${select} FROM ${ident(table.name)} ORDER BY ${order}`,
    )
    .execute(tx);
  try {
    for (;;) {
      const { rows } = await sql
        .raw<Record<string, string | null>>('FETCH 2000 FROM kasane_backup')
        .execute(tx);
      if (rows.length === 0) break;
      // columns come back in select order; their names may repeat nothing, so values() keeps it
      yield rows.map((row) => Object.values(row));
    }
  } finally {
    await sql.raw('CLOSE kasane_backup').execute(tx);
  }
}

async function appliedMigrations(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kasane_migrations ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

/** A table's row count and checksum as it is now: each row's JSON line hashed, as a backup writes it. */
async function summariseTable(tx: Transaction<DB>, table: TableInfo): Promise<TableSummary> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const batch of tableRows(tx, table))
    for (const row of batch) {
      hash.update(backupLine(row));
      rows++;
    }
  return { name: table.name, rows, sha256: hash.digest('hex') };
}

/**
 * Every table's row count and checksum, computed exactly as a backup computes them. A restore
 * compares these with the manifest; tests compare two databases with them.
 */
export async function tableChecksums(db: Kysely<DB>): Promise<TableSummary[]> {
  return db.transaction().execute(async (tx) => {
    await portableTextOutput(tx);
    const summaries: TableSummary[] = [];
    for (const table of await backupTables(tx)) summaries.push(await summariseTable(tx, table));
    return summaries;
  });
}

/** Who ran a CLI command, for the audit trail (there is no signed-in user). */
function operatingSystemUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The audit context of a CLI command: no user; the event names the operating-system user. */
async function recordMaintenance(
  tx: Transaction<DB>,
  action: 'backup.create' | 'backup.restore',
  details: Record<string, unknown>,
): Promise<void> {
  const tenants = await tx.selectFrom('tenants').select('id').orderBy('id').execute();
  // One event in every tenant's trail, so each municipality's auditor sees it.
  for (const tenant of tenants.length ? tenants : [{ id: null }])
    await recordAudit(
      tx,
      { tenantId: tenant.id, actor: null, ip: null },
      {
        action,
        resourceType: 'database',
        details: { ...details, operatingSystemUser: operatingSystemUser(), host: os.hostname() },
      },
    );
}

/**
 * Write a backup of the whole database to `file`, from one REPEATABLE READ snapshot (consistent
 * while the server keeps running), then record `backup.create` in the audit trail.
 */
export async function backupDatabase(db: Kysely<DB>, file: string, source: string): Promise<BackupManifest> {
  const gzip = zlib.createGzip();
  const output = fs.createWriteStream(file, { mode: 0o600 });
  const written = pipeline(gzip, output);
  const write = (value: unknown) =>
    new Promise<void>((resolve, reject) =>
      gzip.write(`${JSON.stringify(value)}\n`, (error) => (error ? reject(error) : resolve())),
    );
  let manifest: BackupManifest;
  try {
    manifest = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        await portableTextOutput(tx);
        const migrations = await appliedMigrations(tx);
        const header = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: now().toISOString(),
          source,
          migrations,
        } as const;
        await write(header);
        const tables: TableSummary[] = [];
        for (const table of await backupTables(tx)) {
          await write({ table: table.name, columns: table.columns });
          const hash = createHash('sha256');
          let rows = 0;
          for await (const batch of tableRows(tx, table)) {
            let chunk = '';
            for (const row of batch) {
              const line = backupLine(row);
              hash.update(line);
              chunk += line;
              rows++;
            }
            await new Promise<void>((resolve, reject) =>
              gzip.write(chunk, (error) => (error ? reject(error) : resolve())),
            );
          }
          const summary = { name: table.name, rows, sha256: hash.digest('hex') };
          await write({ end: table.name, rows, sha256: summary.sha256 });
          tables.push(summary);
        }
        const complete: BackupManifest = { ...header, tables };
        await write({ manifest: complete });
        return complete;
      });
  } finally {
    gzip.end();
  }
  await written;
  const fileSha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  await db.transaction().execute((tx) =>
    recordMaintenance(tx, 'backup.create', {
      file,
      fileSha256,
      migrations: manifest.migrations.length,
      rows: Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows])),
    }),
  );
  return manifest;
}

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

type Line =
  | { format: string; version: number; migrations: string[]; source: string; createdAt: string }
  | { table: string; columns: ColumnInfo[] }
  | { end: string; rows: number; sha256: string }
  | { manifest: BackupManifest }
  | (string | null)[];

async function* backupLines(file: string): AsyncGenerator<Line> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) if (line) yield JSON.parse(line) as Line;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Rows and audit events that were in the database before a forced restore replaced them. */
  replaced: { rows: number; auditEvents: number } | null;
}

/**
 * Restore a backup in one transaction. The database must be migrated to exactly the backup's
 * migrations and hold no rows — unless `force`, which replaces everything it holds. Every table's
 * checksum is verified against the manifest before commit, and `backup.restore` is recorded.
 *
 * The audit trail's append-only trigger only refuses UPDATE, DELETE and TRUNCATE, so restoring into
 * an empty database never bypasses it (the events are inserted as they were, hash chains intact).
 * Only `force` must empty a non-empty audit trail: it disables the trigger inside the restore's own
 * transaction (no other session ever sees it disabled: ALTER TABLE holds an exclusive lock until
 * commit), re-enables it before commit, and the restore's audit event records how many events and
 * which chain heads were replaced.
 */
export async function restoreDatabase(
  db: Kysely<DB>,
  file: string,
  options: { force: boolean },
): Promise<RestoreResult> {
  return db.transaction().execute(async (tx) => {
    const tables = await backupTables(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const migrations = await appliedMigrations(tx);

    let rowsBefore = 0;
    for (const table of tables) {
      const { rows } = await sql
        .raw<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(table.name)}`)
        .execute(tx);
      rowsBefore += rows[0]?.n ?? 0;
    }
    let replaced: RestoreResult['replaced'] = null;
    let replacedHeads: { scope: string; chain: number; last_seq: string; hash: string }[] = [];
    let replacedSealHeads: { scope: string; position: string; hash: string }[] = [];
    if (rowsBefore > 0) {
      if (!options.force)
        throw new RestoreRefused(
          `The database is not empty (${rowsBefore} rows). Restore into a freshly migrated, unseeded database, or pass --force to replace everything it holds.`,
        );
      const auditEvents = await tx
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      replacedHeads = await tx
        .selectFrom('audit_chain_heads')
        .selectAll()
        .orderBy('scope')
        .orderBy('chain')
        .execute();
      replacedSealHeads = await tx.selectFrom('audit_seal_heads').selectAll().orderBy('scope').execute();
      replaced = { rows: rowsBefore, auditEvents: Number(auditEvents.n) };
      await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(tx);
      await sql`ALTER TABLE audit_seals DISABLE TRIGGER audit_seals_append_only`.execute(tx);
      await sql
        .raw(`TRUNCATE ${[...tables.map((t) => t.name), ...derivedTables].map(ident).join(', ')}`)
        .execute(tx);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(tx);
      await sql`ALTER TABLE audit_seals ENABLE TRIGGER audit_seals_append_only`.execute(tx);
    }

    let manifest: BackupManifest | undefined;
    let header: Extract<Line, { format: string }> | undefined;
    let current:
      | { table: TableInfo; columns: ColumnInfo[]; hash: ReturnType<typeof createHash>; rows: number }
      | undefined;
    let batch: (string | null)[][] = [];
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const { table, columns } = current;
      const identity = columns.some((c) => c.identity);
      const values = columns.map((c, i) => `(r->>${i})::${c.type}`).join(', ');
      await sql`${sql.raw(
        `INSERT INTO ${ident(table.name)} (${columns.map((c) => ident(c.name)).join(', ')})${identity ? ' OVERRIDING SYSTEM VALUE' : ''} SELECT ${values} FROM jsonb_array_elements(`,
      )}CAST(${JSON.stringify(batch)} AS text)::jsonb${sql.raw(') AS r')}`.execute(tx);
      batch = [];
    };
    const summaries = new Map<string, TableSummary>();

    for await (const line of backupLines(file)) {
      if (Array.isArray(line)) {
        if (!current) throw new RestoreRefused('Not a Kasane backup: a row outside any table.');
        current.hash.update(`${JSON.stringify(line)}\n`);
        current.rows++;
        batch.push(line);
        if (batch.length >= 500) await flush();
      } else if ('format' in line) {
        if (line.format !== BACKUP_FORMAT || line.version !== BACKUP_VERSION)
          throw new RestoreRefused(
            `Not a Kasane backup of a version this Kasane reads (${line.format} ${line.version}).`,
          );
        if (JSON.stringify(line.migrations) !== JSON.stringify(migrations))
          throw new RestoreRefused(
            `The backup was taken at schema ${line.migrations.at(-1) ?? '(none)'} but this database is at ${migrations.at(-1) ?? '(none)'}: restore it with the Kasane version that made it, then upgrade.`,
          );
        header = line;
      } else if ('table' in line) {
        if (!header) throw new RestoreRefused('Not a Kasane backup: no header.');
        const table = byName.get(line.table);
        if (!table) throw new RestoreRefused(`The backup has a table this database does not: ${line.table}.`);
        const expected = table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
        const found = line.columns.map((c) => `${c.name} ${c.type}`).join(', ');
        if (expected !== found)
          throw new RestoreRefused(
            `The columns of ${line.table} differ: backup (${found}), database (${expected}).`,
          );
        current = { table, columns: line.columns, hash: createHash('sha256'), rows: 0 };
      } else if ('end' in line) {
        await flush();
        if (!current || current.table.name !== line.end)
          throw new RestoreRefused('Not a Kasane backup: a table ends unopened.');
        const sha256 = current.hash.digest('hex');
        if (current.rows !== line.rows || sha256 !== line.sha256)
          throw new RestoreRefused(`The backup is damaged: table ${line.end} does not match its checksum.`);
        summaries.set(line.end, { name: line.end, rows: line.rows, sha256 });
        current = undefined;
      } else if ('manifest' in line) {
        manifest = line.manifest;
      }
    }
    if (!manifest || !header)
      throw new RestoreRefused('The backup is incomplete: it has no manifest (cut short?).');
    for (const table of manifest.tables) {
      const read = summaries.get(table.name);
      if (!read || read.rows !== table.rows || read.sha256 !== table.sha256)
        throw new RestoreRefused(`The backup is damaged: table ${table.name} does not match the manifest.`);
    }

    // Identity columns continue after the restored values.
    for (const table of tables)
      for (const column of table.columns.filter((c) => c.identity))
        await sql
          .raw(
            `SELECT setval(pg_get_serial_sequence('${ident(table.name)}', '${column.name}'), coalesce(max(${ident(column.name)}), 0) + 1, false) FROM ${ident(table.name)}`,
          )
          .execute(tx);

    // What is in the database now is exactly what the backup held.
    await portableTextOutput(tx);
    for (const table of tables) {
      const { rows, sha256 } = await summariseTable(tx, table);
      const expected = summaries.get(table.name) ?? { rows: 0, sha256: createHash('sha256').digest('hex') };
      if (rows !== expected.rows || sha256 !== expected.sha256)
        throw new Error(`Restore check failed: table ${table.name} differs from the backup after loading.`);
    }
    await sql`SET LOCAL TimeZone TO DEFAULT`.execute(tx);

    await recordMaintenance(tx, 'backup.restore', {
      file,
      backupCreatedAt: manifest.createdAt,
      backupSource: manifest.source,
      rows: Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows])),
      forced: options.force,
      // A forced restore replaced a trail: say how long it was and where its chains ended.
      replaced: replaced ? { ...replaced, chainHeads: replacedHeads, sealHeads: replacedSealHeads } : null,
      appendOnlyTriggerDisabledInTransaction: replaced !== null,
    });
    return { manifest, replaced };
  });
}
