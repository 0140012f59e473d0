import { messages, type PGlite, parse, protocol, types } from '@electric-sql/pglite';
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
import { statementName } from './preparedStatements.ts';
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

/**
 * Statements the session keeps prepared, at most: past that (lists of ids of varying length make new
 * texts) they are all deallocated at the next statement outside a transaction, so memory for plans
 * stays bounded, as on PostgreSQL (preparedStatements.ts).
 */
export const MAX_PREPARED_STATEMENTS = 500;

const { serialize } = protocol;
type BackendMessage = Parameters<typeof parse.parseResults>[0][number];

function joined(parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}

type Parser = (value: string, typeId: number) => unknown;
const CHANGES = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

/**
 * What `parse.parseResults` in object mode gives for the last statement: its rows, and the rows that
 * every statement inserted, updated or deleted. Each column's parser is looked up once per result and
 * each row built field by field; PGlite's version merges all the type parsers into a new object on
 * every call, looks a parser up for every value and builds every row from an array of pairs, which
 * made it a tenth of the CPU of the authorization matrix on the embedded database.
 */
function lastResult(
  received: BackendMessage[],
  sessionParsers: Record<number, Parser | undefined>,
): { rows: Record<string, unknown>[]; affectedRows: number } {
  let names: string[] = [];
  let typeIds: number[] = [];
  let columnParsers: (Parser | undefined)[] = [];
  let rows: Record<string, unknown>[] = [];
  let last: Record<string, unknown>[] = [];
  let affectedRows = 0;
  for (const message of received) {
    if (message.name === 'rowDescription') {
      const { fields } = message as messages.RowDescriptionMessage;
      names = fields.map((field) => field.name);
      typeIds = fields.map((field) => field.dataTypeID);
      columnParsers = typeIds.map(
        (id) => (parsers as Record<number, Parser>)[id] ?? sessionParsers[id] ?? types.parsers[id],
      );
    } else if (message.name === 'dataRow') {
      const row: Record<string, unknown> = {};
      const values = (message as messages.DataRowMessage).fields as (string | null)[];
      for (let i = 0; i < values.length; i++) {
        const value = values[i] ?? null;
        const parser = columnParsers[i];
        row[names[i] as string] = value === null || !parser ? value : parser(value, typeIds[i] as number);
      }
      rows.push(row);
    } else if (message.name === 'commandComplete') {
      const words = (message as messages.CommandCompleteMessage).text.split(' ');
      if (CHANGES.has(words[0] as string)) affectedRows += Number.parseInt(words.at(-1) as string, 10);
      last = rows;
      rows = [];
    }
  }
  return { rows: last, affectedRows };
}

/**
 * The one session, spoken to in the wire protocol (docs/adr/0010). A statement with parameters is
 * prepared under a name derived from its text the first time, then only bound and executed: one
 * message into the WebAssembly module per statement. `PGlite.query` parses and plans every statement
 * anew in five calls into the module, and planning Kasane's statements (joins, access predicates,
 * row-level-security policies) costs more than running them: the session lookup took 1.5 ms that way
 * and 0.1–0.2 ms prepared. Statements without parameters (transaction control, DDL) go as one simple
 * query.
 */
class PGliteConnection implements DatabaseConnection, ScriptConnection {
  readonly #pg: PGlite;
  /** Statement name → the type of each parameter, for the statements prepared in this session. */
  readonly #prepared = new Map<string, number[]>();
  /** Whether the session is outside a transaction block (the last ReadyForQuery said so). */
  #idle = true;

  constructor(pg: PGlite) {
    this.#pg = pg;
  }

  /** Forget what an earlier user of this PGlite session prepared (a test's recycled database). */
  async reset(): Promise<void> {
    await this.#send(serialize.query('DEALLOCATE ALL'));
    this.#prepared.clear();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const messages =
      query.parameters.length === 0
        ? await this.#send(serialize.query(query.sql))
        : await this.#execute(query.sql, query.parameters);
    const result = lastResult(messages, this.#pg.parsers);
    return { rows: result.rows as R[], numAffectedRows: BigInt(result.affectedRows) };
  }

  /** Several statements in one call (the tenant scope's SET LOCALs with BEGIN). */
  async executeScript(script: string): Promise<void> {
    await this.#send(serialize.query(script));
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; Kysely only needs the method to exist.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries');
  }

  async #execute(text: string, parameters: readonly unknown[]): Promise<BackendMessage[]> {
    const name = statementName(text);
    let types = this.#prepared.get(name);
    if (!types) {
      if (this.#idle && this.#prepared.size >= MAX_PREPARED_STATEMENTS) await this.reset();
      types = parse.parseDescribeStatementResults(
        await this.#send(
          joined([
            serialize.parse({ name, text }),
            serialize.describe({ type: 'S', name }),
            serialize.sync(),
          ]),
        ),
      );
      this.#prepared.set(name, types);
    }
    const statementTypes = types;
    const values = parameters.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = this.#pg.serializers[statementTypes[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    return this.#send(
      joined([
        serialize.bind({ statement: name, values: values as string[] }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
    );
  }

  /** One message into the session, its answers back; the statement's DatabaseError when it failed. */
  async #send(message: Uint8Array): Promise<BackendMessage[]> {
    return this.#pg._runExclusiveQuery(async () => {
      const answers = await this.#pg.execProtocolStream(message, { syncToFs: false, throwOnError: false });
      // the session answers ReadyForQuery after an error too: whether it is in a transaction is known
      const ready = answers.findLast((answer) => answer instanceof messages.ReadyForQueryMessage);
      this.#idle = ready?.status === 'I';
      const error = answers.find((answer) => answer instanceof messages.DatabaseError);
      if (error) throw error;
      if (this.#idle) await this.#pg.syncToFs();
      return answers;
    });
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
    await this.#connection.reset();
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
