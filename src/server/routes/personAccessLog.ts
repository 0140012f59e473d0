import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { accessLogSchema } from '../../contract/auditEvents.ts';
import { idParamsSchema } from '../../contract/common.ts';
import { pageQuerySchema } from '../../contract/pagination.ts';
import { personVisible } from '../../db/access.ts';
import { personAccessLog } from '../../db/auditEvents.ts';
import type { DB } from '../../db/schema.ts';
import { presentAccessLogEntry } from '../auditPresenter.ts';
import { personEvent } from '../auditSubjects.ts';
import { operations } from '../operation.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { notFound } from '../problem.ts';

/**
 * 「閲覧履歴」: who has seen this person — every read, print, export or reveal of the person or of a
 * case they are in, by user, organisation, time, action and purpose. For the coordinating section
 * (`person.accessLog`), about a person it may see; anyone else gets 404.
 */
export function personAccessLogRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['persons'] });

  op.get(
    '/api/persons/:id/access-log',
    {
      operationId: 'persons.accessLog',
      access: { permission: 'person.accessLog' },
      audit: ['person.accessLog'],
      summary: 'Who has seen this person: reads, prints, exports and reveals of them or their cases',
      params: idParamsSchema,
      querystring: pageQuerySchema,
      response: { 200: accessLogSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { limit, cursor } = request.query;
      const after = decodeCursor(cursor, ['integer']);
      const person = await tx
        .selectFrom('persons as p')
        .select('p.id')
        .where('p.tenant_id', '=', actor.tenantId)
        .where('p.id', '=', request.params.id)
        .where(personVisible(actor, 'p.id'))
        .executeTakeFirst();
      if (!person) throw notFound();
      const found = await personAccessLog(tx, actor.tenantId, person.id, {
        limit: limit + 1,
        beforeSeq: after ? String(after[0]) : undefined,
      });
      await audit(
        personEvent(person.id, 'person.accessLog', {
          cursor: cursor ?? null,
          count: Math.min(found.length, limit),
        }),
      );
      const rows = found;
      const { page, nextCursor } = pageOf(rows, limit, (last) => [Number(last.seq)]);
      return {
        items: page.map(presentAccessLogEntry),
        nextCursor,
      };
    },
  );
}
