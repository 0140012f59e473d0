/**
 * The bench's embedded database: a PGlite data directory of its own under the system's temporary
 * directory, filled through PGlite by the same generator as on PostgreSQL, and removed afterwards
 * (BENCH_KEEP=1 keeps and reuses `kasane-bench-pglite-<scale>`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPGlite } from '../src/db/database.ts';
import type { BenchDatabase } from './benchDatabase.ts';
import { generateCityData, type ScaleName } from './generate.ts';

export function pgliteBenchDatabase(scaleName: ScaleName, keep: boolean): BenchDatabase {
  const name = keep ? `kasane-bench-pglite-${scaleName}` : `kasane-bench-pglite-${scaleName}-${process.pid}`;
  const dataDir = path.join(os.tmpdir(), name);
  const erase = () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.lock`, { force: true });
  };

  return {
    kind: 'pglite',
    description: 'PGlite (one session: Kasane serialises its queries)',
    exclusive: true,
    location: { kind: 'pglite', dataDir },
    // DATABASE_URL would make Kasane open PostgreSQL instead
    serverEnv: { KASANE_DATA_DIR: dataDir, DATABASE_URL: undefined },
    async prepare(scale, log) {
      if (keep && fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
        log(`reusing data directory ${dataDir}`);
        return;
      }
      erase();
      log(`generating ${JSON.stringify(scale)} into ${dataDir}`);
      const started = Date.now();
      const database = await openPGlite(dataDir);
      try {
        await generateCityData(database, scale, log);
      } finally {
        await database.close();
      }
      log(`data directory ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
    async remove() {
      if (!keep) erase();
    },
  };
}
