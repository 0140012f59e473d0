import { sql, type Transaction } from 'kysely';
import { caseVisible, type Viewer } from './access.ts';
import type { Executor } from './executor.ts';
import { type KeysetCursor, pastCursor, sortKey } from './keyset.ts';
import { insertNewRow } from './newRow.ts';
import type { DB } from './schema.ts';

export interface ProgressNoteRow {
  id: string;
  case_id: string;
  occurred_at: Date;
  created_at: Date;
  sort_at: string;
  kind: string;
  counterpart: string | null;
  content: string;
  organization_id: string;
  organization_name: string;
  recorded_by: string;
  recorded_by_name: string;
}

function notesQuery(db: Executor, viewer: Viewer) {
  return db
    .selectFrom('progress_notes as n')
    .innerJoin('organizations as o', 'o.id', 'n.organization_id')
    .innerJoin('users as u', 'u.id', 'n.recorded_by')
    .select([
      'n.id',
      'n.case_id',
      'n.occurred_at',
      'n.created_at',
      sortKey('n.occurred_at').as('sort_at'),
      'n.kind',
      'n.counterpart',
      'n.content',
      'n.organization_id',
      'o.name as organization_name',
      'n.recorded_by',
      'u.display_name as recorded_by_name',
    ])
    .where('n.tenant_id', '=', viewer.tenantId)
    .where(caseVisible(viewer, 'n.case_id'));
}

export async function insertProgressNote(
  tx: Transaction<DB>,
  values: {
    tenantId: string;
    caseId: string;
    organizationId: string;
    recordedBy: string;
    occurredAt: Date;
    kind: string;
    counterpart: string | null;
    content: string;
    createdAt: Date;
  },
): Promise<string> {
  return insertNewRow(tx, 'progress_notes', {
    tenant_id: values.tenantId,
    case_id: values.caseId,
    organization_id: values.organizationId,
    recorded_by: values.recordedBy,
    occurred_at: values.occurredAt,
    kind: values.kind,
    counterpart: values.counterpart,
    content: values.content,
    created_at: values.createdAt,
  });
}

export async function findProgressNote(db: Executor, viewer: Viewer, id: string) {
  return notesQuery(db, viewer).where('n.id', '=', id).executeTakeFirst();
}

/**
 * A visible case's notes by when they happened, newest first (keyset on occurred_at, id), within
 * an optional period of calendar days in Asia/Tokyo.
 */
export async function listProgressNotes(
  db: Executor,
  viewer: Viewer,
  caseId: string,
  options: {
    limit: number;
    cursor?: KeysetCursor | undefined;
    from?: string | undefined;
    to?: string | undefined;
    order?: 'asc' | 'desc';
  },
): Promise<ProgressNoteRow[]> {
  let query = notesQuery(db, viewer).where('n.case_id', '=', caseId);
  if (options.cursor) {
    query = query.where(pastCursor('n.occurred_at', 'n.id', options.cursor));
  }
  if (options.from)
    query = query.where(
      sql<boolean>`n.occurred_at >= (${options.from}::date)::timestamp AT TIME ZONE 'Asia/Tokyo'`,
    );
  if (options.to)
    query = query.where(
      sql<boolean>`n.occurred_at < ((${options.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo')`,
    );
  const order = options.order ?? 'desc';
  return query.orderBy('n.occurred_at', order).orderBy('n.id', order).limit(options.limit).execute();
}
