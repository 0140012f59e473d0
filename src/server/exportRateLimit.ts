import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as clock from '../domain/clock.ts';
import { SlidingWindow } from '../domain/slidingWindow.ts';
import { actorOf } from './authentication.ts';
import { HttpProblem } from './problem.ts';

/** Exports per user within the window: enough for real work, too few for scraping the city's data out. */
export const EXPORT_LIMIT = 10;
export const EXPORT_WINDOW_MINUTES = 10;

interface ExportWindow {
  window: SlidingWindow;
  lastPrune: number;
}

/** One window per app instance (tests build many apps in one process; each keeps its own count). */
const windows = new WeakMap<FastifyInstance, ExportWindow>();

function windowOf(app: FastifyInstance): ExportWindow {
  let state = windows.get(app);
  if (!state) {
    state = { window: new SlidingWindow(EXPORT_LIMIT, EXPORT_WINDOW_MINUTES * 60_000), lastPrune: 0 };
    windows.set(app, state);
  }
  return state;
}

/**
 * The one export rate limit, shared by every file export (audit trail CSV, 開示請求 disclosure,
 * council paper, plan appendix): at most EXPORT_LIMIT per user per EXPORT_WINDOW_MINUTES, counted
 * per user across all of them. Use as the route's `preHandler`, so it runs after the access gate
 * and after validation (a refused or malformed request costs nothing) and before any work.
 * In memory: one Kasane process serves a city (README), and a restart forgetting the window is harmless.
 */
export async function exportRateLimit(request: FastifyRequest): Promise<void> {
  const actor = actorOf(request);
  const now = clock.now().getTime();
  const state = windowOf(request.server);
  if (now - state.lastPrune > 60_000) {
    state.window.prune(now);
    state.lastPrune = now;
  }
  const decision = state.window.take(`${actor.tenantId}:${actor.userId}`, now);
  if (!decision.allowed) {
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new HttpProblem(
      429,
      'export.rateLimited',
      `出力は${EXPORT_WINDOW_MINUTES}分間に${EXPORT_LIMIT}回までです。約${Math.ceil(seconds / 60)}分後にもう一度出力してください。`,
      undefined,
      { 'retry-after': String(seconds) },
    );
  }
}
