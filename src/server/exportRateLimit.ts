import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { countInWindow } from '../db/rateLimits.ts';
import type { DB } from '../db/schema.ts';
import { actorOf } from './authentication.ts';
import { HttpProblem } from './problem.ts';

/** Exports per user within the window: enough for real work, too few for scraping the city's data out. */
export const EXPORT_LIMIT = 10;
export const EXPORT_WINDOW_MINUTES = 10;

declare module 'fastify' {
  interface FastifyInstance {
    /** Where the rate-limit windows are counted (the app's database; src/db/rateLimits.ts). */
    rateLimitDb: Kysely<DB>;
  }
}

/**
 * The one export rate limit, shared by every file export (audit trail CSV, 開示請求 disclosure,
 * council paper, plan appendix, statistics, 事例一覧): at most EXPORT_LIMIT per user per EXPORT_WINDOW_MINUTES (a fixed
 * window), counted per user across all of them — in the database, so every app node on one
 * PostgreSQL shares the count. Use as the route's `preHandler`, so it runs after the access gate
 * and after validation (a refused or malformed request costs nothing) and before any work.
 */
export async function exportRateLimit(request: FastifyRequest): Promise<void> {
  const actor = actorOf(request);
  const window = await countInWindow(
    request.server.rateLimitDb,
    `export:${actor.tenantId}:${actor.userId}`,
    EXPORT_WINDOW_MINUTES * 60_000,
  );
  if (window.count > EXPORT_LIMIT) {
    const seconds = Math.max(1, Math.ceil(window.ttlMs / 1000));
    throw new HttpProblem(
      429,
      'export.rateLimited',
      `出力は${EXPORT_WINDOW_MINUTES}分間に${EXPORT_LIMIT}回までです。約${Math.ceil(seconds / 60)}分後にもう一度出力してください。`,
      undefined,
      { 'retry-after': String(seconds) },
    );
  }
}
