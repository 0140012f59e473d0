import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { printInputSchema, printRecordSchema } from '../../contract/auditEvents.ts';
import { findPrintable } from '../../db/printables.ts';
import type { DB } from '../../db/schema.ts';
import { now } from '../../domain/clock.ts';
import { operations } from '../operation.ts';
import { orNotFound } from '../problem.ts';

/**
 * Printing is audited (issue 4): the web app calls this before it opens the print dialog, and
 * prints only once the event is recorded. The record must be visible to the caller (404 otherwise),
 * so a print of something one may not see is refused rather than recorded.
 */
export function printRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['audit'] });

  op.post(
    '/api/prints',
    {
      operationId: 'prints.record',
      access: { permission: 'case.read' },
      audit: ['print'],
      summary: 'Record that a consultation, case, 支援経過, meeting or plan is being printed',
      body: printInputSchema,
      response: { 201: printRecordSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { resourceType, resourceId, purpose } = request.body;
      const printable = orNotFound(await findPrintable(tx, actor, resourceType, resourceId));
      await audit({
        action: 'print',
        resourceType,
        resourceId,
        personId: printable.personId,
        caseId: printable.caseId,
        legalBasis: printable.legalBasis,
        details: purpose ? { purpose } : {},
      });
      const recordedAt = now();
      return { resourceType, resourceId, recordedAt: recordedAt.toISOString() };
    },
  );
}
