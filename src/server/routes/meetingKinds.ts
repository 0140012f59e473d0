import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { meetingKindListSchema } from '../../contract/meetingKinds.ts';
import { problemSchema } from '../../contract/problem.ts';
import type { DB } from '../../db/schema.ts';
import { actorOf } from '../authentication.ts';

/** The tenant's meeting kinds (configurable names, each with its legal basis), for the meeting form. */
export function meetingKindRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/meeting-kinds',
    {
      config: { access: { permission: 'case.read' }, audit: [] },
      schema: {
        operationId: 'meetingKinds.list',
        summary: 'Meeting kinds of my municipality, with their legal basis',
        tags: ['meetings'],
        response: { 200: meetingKindListSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db
        .selectFrom('meeting_kinds')
        .select(['id', 'code', 'name', 'legal_basis'])
        .where('tenant_id', '=', actor.tenantId)
        .where('active', '=', true)
        .orderBy('sort_order')
        .execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          code: row.code,
          name: row.name,
          legalBasis: row.legal_basis,
        })),
      };
    },
  );
}
