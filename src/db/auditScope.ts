import { AsyncLocalStorage } from 'node:async_hooks';
import type { CompiledQuery } from 'kysely';
import type { AuditAction } from '../domain/auditActions.ts';

/**
 * The audit promise of one API operation: the actions it declared (its route's `config.audit`) and
 * those it has recorded so far. recordAudit adds to it; the driver (tenantScopedDriver.ts) marks it
 * when data changes and refuses to commit a transaction that changed data while none of the declared
 * actions has been recorded, so a change without its event rolls back; the server answers a 2xx read,
 * or a 2xx write that changed data, without one with 500 `server.auditMissing` (src/server/auditGuard.ts).
 */
export interface AuditScope {
  operationId: string;
  declared: readonly AuditAction[];
  recorded: Set<AuditAction>;
  /** Whether the operation has changed data (a dry run or a no-op has not). */
  changedData: boolean;
}

const storage = new AsyncLocalStorage<AuditScope>();

/** Run `work` (and everything it awaits) under an operation's audit promise. */
export function runWithAuditScope<T>(scope: AuditScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The audit promise of the current operation, if any (none outside a request: CLI, seeds, migrations). */
export function currentAuditScope(): AuditScope | undefined {
  return storage.getStore();
}

/** Whether the scope's operation has recorded at least one of its declared actions (or declared none). */
export function auditKept(scope: AuditScope): boolean {
  return scope.declared.length === 0 || scope.declared.some((action) => scope.recorded.has(action));
}

/** Thrown at commit (so the transaction rolls back) when an operation changed data without its audit event. */
export class AuditMissingError extends Error {
  constructor(readonly operationId: string) {
    super(`${operationId} changed data without recording any of its declared audit events`);
    this.name = 'AuditMissingError';
  }
}

const RAW_CHANGE = /^\s*(insert|update|delete)\b/i;
const RAW_AUDIT_CHANGE = /^\s*(insert\s+into|update|delete\s+from)\s+"?audit_/i;

/** Tables whose writes are the audit trail itself. */
const AUDIT_TABLES = new Set(['audit_events', 'audit_pending', 'audit_chain_heads']);

/** Whether a compiled statement changes data (an INSERT, UPDATE or DELETE of a table other than the audit trail's). */
export function changesData(query: CompiledQuery): boolean {
  const node = query.query as {
    kind: string;
    into?: TableRef;
    table?: TableRef;
    from?: { froms?: TableRef[] };
  };
  switch (node.kind) {
    case 'InsertQueryNode':
      return !AUDIT_TABLES.has(tableName(node.into));
    case 'UpdateQueryNode':
      return !AUDIT_TABLES.has(tableName(node.table));
    case 'DeleteQueryNode':
      return !AUDIT_TABLES.has(tableName(node.from?.froms?.[0]));
    case 'RawNode':
      return RAW_CHANGE.test(query.sql) && !RAW_AUDIT_CHANGE.test(query.sql);
    default:
      return false;
  }
}

interface TableRef {
  kind: string;
  table?: { identifier?: { name?: string } };
  node?: TableRef;
}

function tableName(ref: TableRef | undefined): string {
  if (!ref) return '';
  if (ref.kind === 'AliasNode' && ref.node) return tableName(ref.node);
  return ref.table?.identifier?.name ?? '';
}
