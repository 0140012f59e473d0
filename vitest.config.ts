import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code and the web's components: no database, run once) and `database`
 * (the API over real HTTP and the database tests, run on each database: embedded PGlite, and
 * PostgreSQL when DATABASE_URL is set). scripts/test.mjs runs them one after the other.
 *
 * `isolate: false`: a worker imports the server once and runs many files with it (importing it per
 * file cost about 90 s of worker time). This holds because server code keeps no module-level
 * mutable state (per-app state lives on the app or in the database) and every test file starts its
 * own app on its own fresh copy of the template database.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are ~300 MB each and block their thread: two workers on two cores.
    maxWorkers: 2,
    pool: 'forks',
    isolate: false,
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache), keyed by their
    // content: `npm test` runs Vitest three times (unit, then the database suite on each database),
    // and the later runs reuse what the earlier ones transformed (the PostgreSQL run's transform and
    // import time about halves).
    experimental: { fsModuleCache: true },
    // argon2 at a token cost (src/db/passwords.ts): suites sign in thousands of times.
    // and the embedded database's smallest useful buffer cache for the CLI processes and servers the
    // suites start: PGlite writes over all of it at every open, and the test data fits in 16 MB.
    env: { KASANE_PASSWORD_HASH: 'test', KASANE_PGLITE_SHARED_BUFFERS_MB: '16' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/lint/**/*.test.ts', 'web/src/**/*.test.tsx'],
        },
      },
      {
        extends: true,
        test: {
          name: 'database',
          include: ['tests/api/**/*.test.ts', 'tests/db/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
        },
      },
    ],
  },
});
