import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { printInputSchema, printRecordSchema } from '../../contract/auditEvents.ts';
import { problemSchema } from '../../contract/problem.ts';
import { recordAudit } from '../../db/auditTrail.ts';
import { findPrintable } from '../../db/printables.ts';
import type { DB } from '../../db/schema.ts';
import { now } from '../../domain/clock.ts';
import { actorOf, auditContextOf } from '../authentication.ts';
import { notFound } from '../problem.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/**
 * Printing is audited (issue 4): the web app calls this before it opens the print dialog, and
 * prints only once the event is recorded. The record must be visible to the caller (404 otherwise),
 * so a print of something one may not see is refused rather than recorded.
 */
export function printRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/prints',
    {
      config: { access: { permission: 'case.read' }, audit: ['print'] },
      schema: {
        operationId: 'prints.record',
        summary: 'Record that a consultation, case, 支援経過, meeting or plan is being printed',
        tags: ['audit'],
        body: printInputSchema,
        response: { 201: printRecordSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { resourceType, resourceId, purpose } = request.body;
      const recordedAt = await db.transaction().execute(async (tx) => {
        const printable = await findPrintable(tx, actor, resourceType, resourceId);
        if (!printable) throw notFound();
        await recordAudit(tx, auditContextOf(request), {
          action: 'print',
          resourceType,
          resourceId,
          personId: printable.personId,
          caseId: printable.caseId,
          legalBasis: printable.legalBasis,
          details: purpose ? { purpose } : {},
        });
        return now();
      });
      return reply.code(201).send({ resourceType, resourceId, recordedAt: recordedAt.toISOString() });
    },
  );
}
