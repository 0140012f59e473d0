import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { problemSchema } from '../../contract/problem.ts';
import type { Database } from '../../db/database.ts';
import { knownMigrations } from '../../db/migrate.ts';
import { runAsOwner } from '../../db/tenantContext.ts';
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

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/ready',
    {
      config: { access: 'public', audit: [] },
      schema: {
        operationId: 'health.ready',
        summary: 'Readiness: the database answers and its schema is the one this version expects',
        description:
          'For a load balancer: 200 when this node can serve (the database is reachable and every migration this version knows is applied, none unknown), else 503. No personal data.',
        tags: ['health'],
        response: {
          200: z.object({
            status: z.literal('ready'),
            database: z.enum(['pglite', 'postgres']),
            migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
          }),
          503: problemSchema,
        },
      },
    },
    async () => {
      let applied: string[];
      try {
        // The migrations table is the owner's: a signed-in caller's tenant scope must not apply here.
        const { rows } = await runAsOwner(() =>
          sql<{ name: string }>`SELECT name FROM kasane_migrations`.execute(database.db),
        );
        applied = rows.map((r) => r.name);
      } catch {
        throw new HttpProblem(
          503 as 500,
          'server.error',
          'データベースに接続できないか、まだ初期化されていません。',
        );
      }
      const expected = knownMigrations();
      const missing = expected.filter((name) => !applied.includes(name));
      const unknown = applied.filter((name) => !expected.includes(name));
      if (missing.length > 0 || unknown.length > 0)
        throw new HttpProblem(
          503 as 500,
          'server.error',
          missing.length > 0
            ? `データベースの構成が古いままです（未適用の更新 ${missing.length} 件）。kasane migrate を実行してください。`
            : `データベースがこのバージョンより新しい構成です（不明な更新 ${unknown.length} 件）。新しいバージョンで起動してください。`,
        );
      return {
        status: 'ready' as const,
        database: database.kind,
        migrations: { applied: applied.length, expected: expected.length },
      };
    },
  );
}
