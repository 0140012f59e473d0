/**
 * The database a bench run measures Kasane on, chosen by BENCH_DATABASE: `postgresql` (default), a
 * database of the bench's own on a PostgreSQL server, or `pglite`, the embedded database in a data
 * directory of its own (how `kasane start` runs without DATABASE_URL).
 */

import type { Scale, ScaleName } from './generate.ts';
import type { DatabaseLocation } from './rawDatabase.ts';

export type BenchDatabaseKind = 'postgresql' | 'pglite';

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  /** How the report names it, e.g. "PostgreSQL, pool 10". */
  description: string;
  /**
   * Only one process at a time may open it (PGlite's data directory): Kasane's server, the raw
   * replay and the anchor server then take turns instead of running side by side.
   */
  exclusive: boolean;
  location: DatabaseLocation;
  /** Creates it and generates the scale's synthetic rows, or finds the kept one (BENCH_KEEP). */
  prepare(scale: Scale, log: (line: string) => void): Promise<void>;
  /** What Kasane's process needs in its environment to open it (undefined: unset). */
  serverEnv: Record<string, string | undefined>;
  /** Removes it, unless kept. */
  remove(): Promise<void>;
}

export function benchDatabaseKind(): BenchDatabaseKind {
  const kind = process.env.BENCH_DATABASE || 'postgresql';
  if (kind !== 'postgresql' && kind !== 'pglite')
    throw new Error(`BENCH_DATABASE must be postgresql or pglite, got "${kind}"`);
  return kind;
}

export async function openBenchDatabase(
  kind: BenchDatabaseKind,
  scaleName: ScaleName,
  keep: boolean,
): Promise<BenchDatabase> {
  if (kind === 'pglite') return (await import('./pgliteDatabase.ts')).pgliteBenchDatabase(scaleName, keep);
  return (await import('./postgresDatabase.ts')).postgresBenchDatabase(scaleName, keep);
}
