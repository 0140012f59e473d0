import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { AuditMissingError, auditKept, changesData, currentAuditScope } from './auditScope.ts';
import { APP_ROLE, TENANT_SETTING } from './rowLevelSecurity.ts';
import { currentTenant } from './tenantContext.ts';

/**
 * A connection that can run several statements in one round trip (PostgreSQL's simple query
 * protocol). `pg` does so for a parameterless query; PGlite needs its `exec`, which its dialect
 * exposes through this method.
 */
export interface ScriptConnection {
  executeScript(script: string): Promise<void>;
}

function runScript(connection: DatabaseConnection, script: string): Promise<unknown> {
  const scripted = connection as Partial<ScriptConnection>;
  return typeof scripted.executeScript === 'function'
    ? scripted.executeScript(script)
    : connection.executeQuery(CompiledQuery.raw(script));
}

/** Only a uuid ever reaches these statements (runAsTenant checks it); quoted anyway. */
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
const scopeStatements = (tenantId: string, local: boolean) => {
  const set = local ? 'SET LOCAL' : 'SET';
  return `${set} ROLE ${APP_ROLE}; ${set} ${TENANT_SETTING} = ${literal(tenantId)}`;
};
const RESET_SCOPE = `RESET ROLE; RESET ${TENANT_SETTING}`;

function beginStatement(settings: TransactionSettings): string {
  let statement = 'START TRANSACTION';
  if (settings.isolationLevel) statement += ` ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}`;
  if (settings.accessMode) statement += ` ${settings.accessMode.toUpperCase()}`;
  return statement;
}

/**
 * One acquisition of a physical connection. In a tenant scope it runs as the restricted role with
 * the tenant set: for a transaction with SET LOCAL in the same round trip as BEGIN (undone by
 * COMMIT or ROLLBACK whatever happens), for statements outside a transaction with a session-level
 * SET before the first one, reset when the connection is released.
 */
class TenantScopedConnection implements DatabaseConnection {
  inTransaction = false;
  sessionScoped = false;
  /** The open transaction has changed data (not only the audit trail): its commit needs the operation's event. */
  changedData = false;

  constructor(
    readonly inner: DatabaseConnection,
    readonly tenantId: string | undefined,
    readonly markDirty: (connection: DatabaseConnection) => void,
  ) {}

  private async scopeSession(): Promise<void> {
    if (this.tenantId === undefined || this.inTransaction || this.sessionScoped) return;
    // Marked first: if the SET fails half-way the next acquirer still resets it.
    this.markDirty(this.inner);
    this.sessionScoped = true;
    await runScript(this.inner, scopeStatements(this.tenantId, false));
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    await this.scopeSession();
    if (changesData(query)) {
      if (this.inTransaction) this.changedData = true;
      const audit = currentAuditScope();
      if (audit) audit.changedData = true;
    }
    return this.inner.executeQuery<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    await this.scopeSession();
    yield* this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Wraps a dialect's driver so that every connection acquired inside `runAsTenant` runs as
 * {@link APP_ROLE} with {@link TENANT_SETTING} set, and every other one as the owner. The state of a
 * physical connection is checked on every acquisition, so a pooled connection never carries a role
 * or tenant over to its next user, even if a reset failed.
 */
class TenantScopedDriver implements Driver {
  readonly #inner: Driver;
  /** Physical connections whose session may still hold a role or tenant. */
  readonly #dirty = new WeakSet<DatabaseConnection>();

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.#inner.acquireConnection();
    if (this.#dirty.has(inner)) {
      try {
        await runScript(inner, RESET_SCOPE);
        this.#dirty.delete(inner);
      } catch (error) {
        await this.#inner.releaseConnection(inner);
        throw error;
      }
    }
    return new TenantScopedConnection(inner, currentTenant(), (c) => this.#dirty.add(c));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const scoped = connection as TenantScopedConnection;
    try {
      if (scoped.sessionScoped) {
        await runScript(scoped.inner, RESET_SCOPE);
        this.#dirty.delete(scoped.inner);
      }
    } catch {
      // stays marked dirty: the next acquisition resets it (or fails on a broken connection)
    } finally {
      await this.#inner.releaseConnection(scoped.inner);
    }
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const scoped = connection as TenantScopedConnection;
    if (scoped.tenantId === undefined || scoped.sessionScoped) {
      await this.#inner.beginTransaction(scoped.inner, settings);
    } else {
      try {
        await runScript(
          scoped.inner,
          `${beginStatement(settings)}; ${scopeStatements(scoped.tenantId, true)}`,
        );
      } catch (error) {
        // Kysely does not roll back a transaction whose BEGIN failed: do it, so that the connection
        // does not go back to the pool inside an aborted transaction.
        await runScript(scoped.inner, 'ROLLBACK').catch(() => this.#dirty.add(scoped.inner));
        throw error;
      }
    }
    scoped.inTransaction = true;
    scoped.changedData = false;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const scoped = connection as TenantScopedConnection;
    // An API operation that changed data must have recorded one of its declared audit events by
    // now: otherwise refuse to commit, and Kysely rolls the transaction back (src/db/auditScope.ts).
    const audit = currentAuditScope();
    if (audit && scoped.changedData && !auditKept(audit)) throw new AuditMissingError(audit.operationId);
    try {
      await this.#inner.commitTransaction(scoped.inner);
    } finally {
      scoped.inTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const scoped = connection as TenantScopedConnection;
    try {
      await this.#inner.rollbackTransaction(scoped.inner);
    } finally {
      scoped.inTransaction = false;
    }
  }

  savepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#onInnerSavepoint('savepoint', connection, name, compileQuery);
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#onInnerSavepoint('rollbackToSavepoint', connection, name, compileQuery);
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#onInnerSavepoint('releaseSavepoint', connection, name, compileQuery);
  }

  /** A savepoint statement is the wrapped driver's, on the connection this one wraps. */
  async #onInnerSavepoint(
    operation: 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint',
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const run = this.#inner[operation];
    if (!run) throw new Error('savepoints are not supported by this database');
    await run.call(this.#inner, (connection as TenantScopedConnection).inner, name, compileQuery);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/** The dialect with its driver wrapped by {@link TenantScopedDriver}. */
export function tenantScoped(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new TenantScopedDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
