import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type ProgressNote,
  progressNoteInputSchema,
  progressNoteListQuerySchema,
  progressNoteListSchema,
  progressNoteSchema,
} from '../../contract/progressNotes.ts';
import {
  findProgressNote,
  insertProgressNote,
  listProgressNotes,
  type ProgressNoteRow,
} from '../../db/progressNotes.ts';
import type { DB } from '../../db/schema.ts';
import { now } from '../../domain/clock.ts';
import { labelOf, progressNoteKinds } from '../../domain/codeLists.ts';
import { caseEvent } from '../auditSubjects.ts';
import { recordOnTimeline } from '../caseTimeline.ts';
import { operations } from '../operation.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { conflict, orNotFound } from '../problem.ts';

export function presentProgressNote(row: ProgressNoteRow): ProgressNote {
  return {
    id: row.id,
    caseId: row.case_id,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.created_at.toISOString(),
    kind: row.kind as ProgressNote['kind'],
    counterpart: row.counterpart,
    content: row.content,
    organization: { id: row.organization_id, name: row.organization_name },
    recordedBy: { id: row.recorded_by, displayName: row.recorded_by_name },
  };
}

/** The line a progress note puts on the case timeline, as a 支援経過記録 would read. */
export function progressNoteSummary(note: {
  organizationName: string;
  kind: string;
  counterpart: string | null;
  content: string;
}): string {
  const kind = labelOf(progressNoteKinds, note.kind);
  const counterpart = note.counterpart ? `（相手：${note.counterpart}）` : '';
  const content = note.content.length > 400 ? `${note.content.slice(0, 400)}…` : note.content;
  return `${note.organizationName}：${kind}${counterpart}\n${content}`;
}

/**
 * 支援経過記録 (progress notes): any organisation taking part in a case writes down a visit, call,
 * accompaniment or meeting — when it happened, its kind, with whom, what — and every organisation
 * that may see the case reads it. The note also goes on the case timeline at the time it happened,
 * with the time it was written beside it. These are the case's recorded contacts: the latest
 * `progress_notes.occurred_at` of a case is when someone last reached the household.
 */
export function progressNoteRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['cases'] });

  op.post(
    '/api/cases/:id/progress-notes',
    {
      operationId: 'progressNotes.create',
      access: { permission: 'supportReport.create' },
      audit: ['progressNote.create'],
      summary: 'Write a 支援経過記録 (visit, call, accompaniment, meeting) on a case I take part in',
      params: idParamsSchema,
      body: progressNoteInputSchema,
      response: { 201: progressNoteSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const input = request.body;
      const kase = await visibleCase(request.params.id, { forUpdate: true });
      if (kase.stage === 'closed') {
        throw conflict(
          'conflict.state',
          '終結した事例には支援経過を記録できません。再開してから記録してください。',
        );
      }
      const recordedAt = now();
      const id = await insertProgressNote(tx, {
        tenantId: actor.tenantId,
        caseId: kase.id,
        organizationId: actor.organizationId,
        recordedBy: actor.userId,
        occurredAt: new Date(input.occurredAt),
        kind: input.kind,
        counterpart: input.counterpart || null,
        content: input.content,
        createdAt: recordedAt,
      });
      const row = orNotFound(await findProgressNote(tx, actor, id));
      await recordOnTimeline(tx, actor, kase.id, {
        kind: 'progressNoted',
        subjectId: id,
        summary: progressNoteSummary({
          organizationName: row.organization_name,
          kind: row.kind,
          counterpart: row.counterpart,
          content: row.content,
        }),
        details: { progressNoteId: id, kind: input.kind },
        occurredAt: row.occurred_at,
        recordedAt,
      });
      await audit({
        action: 'progressNote.create',
        resourceType: 'progressNote',
        resourceId: id,
        caseId: kase.id,
        personId: kase.primary_person_id,
        details: { kind: input.kind, occurredAt: row.occurred_at.toISOString() },
      });
      return presentProgressNote(row);
    },
  );

  op.get(
    '/api/cases/:id/progress-notes',
    {
      operationId: 'progressNotes.list',
      access: { permission: 'case.read' },
      audit: ['progressNote.list'],
      summary: '支援経過記録 of a case I may see, by when they happened (newest first)',
      params: idParamsSchema,
      querystring: progressNoteListQuerySchema,
      response: { 200: progressNoteListSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const { limit } = request.query;
      const after = decodeCursor(request.query.cursor, ['instant', 'uuid']);
      const kase = await visibleCase(request.params.id);
      const rows = await listProgressNotes(tx, actor, kase.id, {
        limit: limit + 1,
        cursor: after ? { at: after[0], id: after[1] } : undefined,
      });
      const { page, nextCursor } = pageOf(rows, limit, (last) => [last.sort_at, last.id]);
      await audit(caseEvent(kase, 'progressNote.list', { ids: page.map((n) => n.id) }));
      return {
        items: page.map(presentProgressNote),
        nextCursor,
      };
    },
  );
}
