import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { ScriptConnection } from './tenantScopedDriver.ts';

/** A FIFO lock: `lock()` resolves with the release function once every earlier holder has released. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    return previous.then(() => release);
  }
}

/** Same value shapes as on PostgreSQL through `pg` (database.ts): dates and bigints as strings. */
const identity = (value: string) => value;
const parsers = { 1082: identity, 20: identity };

class PGliteConnection implements DatabaseConnection, ScriptConnection {
  readonly #pg: PGlite;

  constructor(pg: PGlite) {
    this.#pg = pg;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#pg.query<R>(query.sql, query.parameters as unknown[], {
      rowMode: 'object',
      parsers,
    });
    return {
      rows: result.rows ?? [],
      numAffectedRows: result.affectedRows != null ? BigInt(result.affectedRows) : undefined,
    };
  }

  /** Several statements in one call (the tenant scope's SET LOCALs with BEGIN). */
  async executeScript(script: string): Promise<void> {
    await this.#pg.exec(script);
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; Kysely only needs the method to exist.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries');
  }
}

/**
 * PGlite has one session. Kysely's "connections" all share it, so without a lock an autocommit
 * query from one request would run inside another request's open transaction (and be lost on its
 * rollback: the `kysely-pglite` bug, see docs/adr/0001-embedded-pglite-default.md). This driver hands the session to one holder at
 * a time and keeps it held from BEGIN to COMMIT/ROLLBACK.
 */
class SerializedPGliteDriver implements Driver {
  readonly #pg: PGlite;
  readonly #mutex = new Mutex();
  /** The one session, handed to one holder at a time (the same object, like a pooled connection). */
  readonly #connection: PGliteConnection;
  #release: (() => void) | undefined;

  constructor(pg: PGlite) {
    this.#pg = pg;
    this.#connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {
    await this.#pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.lock();
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let statement = 'BEGIN';
    if (settings.isolationLevel) statement += ` ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}`;
    if (settings.accessMode) statement += ` ${settings.accessMode.toUpperCase()}`;
    await connection.executeQuery(CompiledQuery.raw(statement));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async destroy(): Promise<void> {
    if (!this.#pg.closed) await this.#pg.close();
  }
}

/** A Kysely dialect over one PGlite instance that serialises every query and whole transactions. */
export function pgliteDialect(pg: PGlite): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new SerializedPGliteDriver(pg),
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface is declared over Kysely<any>.
    createIntrospector: (db: Kysely<any>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
