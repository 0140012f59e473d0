import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import { countInWindow, pruneWindows } from '../db/rateLimits.ts';
import type { DB } from '../db/schema.ts';

/** Prune closed windows after this many counted events (per route). */
const PRUNE_EVERY = 500;

/**
 * A store for @fastify/rate-limit that keeps its counts in the database (src/db/rateLimits.ts), so
 * the sign-in throttling holds across every app node on one PostgreSQL. Each route with a
 * `rateLimit` config gets a child store whose keys start with the route's method and URL.
 */
export function databaseRateLimitStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    #counted = 0;

    constructor(
      _options?: unknown,
      private readonly prefix = 'route::',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      countInWindow(db, `${this.prefix}${key}`, timeWindow).then(
        (window) => callback(null, { current: window.count, ttl: window.ttlMs }),
        (error: Error) => callback(error),
      );
      this.#counted += 1;
      if (this.#counted % PRUNE_EVERY === 0) pruneWindows(db).catch(() => {});
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // the plugin hands the route's options under routeInfo (as its Redis store reads them)
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      const method = [route?.method ?? ''].flat().join(',');
      return new DatabaseRateLimitStore(undefined, `route:${method} ${route?.url ?? ''}:`);
    }
  }
  return DatabaseRateLimitStore;
}
