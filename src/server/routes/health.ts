import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { problemSchema } from '../../contract/problem.ts';
import type { Database } from '../../db/database.ts';
import { HttpProblem } from '../problem.ts';

export function healthRoutes(app: FastifyInstance, database: Database): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: 'public', audit: [] },
      schema: {
        operationId: 'health.get',
        summary: 'Liveness and database check',
        tags: ['health'],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
          503: problemSchema,
        },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(database.db);
      } catch {
        throw new HttpProblem(503 as 500, 'server.error', 'データベースに接続できません。');
      }
      return { status: 'ok' as const, database: database.kind };
    },
  );
}
