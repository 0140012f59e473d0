import fs from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import {
  createPGlite,
  DEFAULT_PGLITE_SHARED_BUFFERS_MB,
  openDatabase,
  wrapPGlite,
} from '../../src/db/database.ts';
import { loadConfig } from '../../src/server/config.ts';
import { testBackend } from '../support/backend.ts';

/** What `KASANE_PGLITE_SHARED_BUFFERS_MB`, `KASANE_DB_POOL_SIZE` and the session options reach: the database itself. */
describe('database settings', () => {
  it('reads both settings, with their defaults, and refuses what is not a number', () => {
    expect(loadConfig({}).pgliteSharedBuffersMb).toBe(DEFAULT_PGLITE_SHARED_BUFFERS_MB);
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(loadConfig({ KASANE_PGLITE_SHARED_BUFFERS_MB: '64' }).pgliteSharedBuffersMb).toBe(64);
    expect(loadConfig({ KASANE_DB_POOL_SIZE: '3' }).databasePoolSize).toBe(3);
    expect(() => loadConfig({ KASANE_PGLITE_SHARED_BUFFERS_MB: '128MB' })).toThrow(
      /KASANE_PGLITE_SHARED_BUFFERS_MB must be a non-negative integer/,
    );
  });

  it.runIf(testBackend() === 'pglite')(
    "sizes the embedded database's buffer cache, 32 MB unless told, and refuses less than 1 MB",
    async () => {
      const dump = new Blob([fs.readFileSync(inject('emptyCluster'))]);
      const sharedBuffers = async (sharedBuffersMb?: number) => {
        const database = wrapPGlite(await createPGlite({ loadDataDir: dump, sharedBuffersMb }));
        try {
          return (await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(database.db)).rows[0]
            ?.shared_buffers;
        } finally {
          await database.close();
        }
      };
      expect(await sharedBuffers()).toBe('32MB');
      expect(await sharedBuffers(16)).toBe('16MB');
      expect(() => createPGlite({ loadDataDir: dump, sharedBuffersMb: 0 })).toThrow(/at least 1 MB/);
    },
  );

  it.runIf(testBackend() === 'postgres')('opens the PostgreSQL pool at the configured size', async () => {
    const database = await openDatabase({
      databaseUrl: process.env.DATABASE_URL,
      databasePoolSize: 2,
      dataDir: 'unused',
    });
    try {
      const sleeping = Array.from({ length: 5 }, () => sql`SELECT pg_sleep(0.2)`.execute(database.db));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const during = database.poolStats?.();
      await Promise.all(sleeping);
      expect(during?.total).toBe(2);
      expect(during?.waiting).toBe(3);
    } finally {
      await database.close();
    }
  });

  it.runIf(testBackend() === 'postgres')(
    'turns JIT compilation off in every PostgreSQL session it opens, the server default being on',
    async () => {
      const database = await openDatabase({
        databaseUrl: process.env.DATABASE_URL,
        databasePoolSize: 2,
        dataDir: 'unused',
      });
      try {
        const jit = async () => (await sql<{ jit: string }>`SHOW jit`.execute(database.db)).rows[0]?.jit;
        const [first, second] = await Promise.all([jit(), jit()]);
        expect([first, second]).toEqual(['off', 'off']);
        const serverDefault = await sql<{ boot_val: string }>`
          SELECT boot_val FROM pg_settings WHERE name = 'jit'`.execute(database.db);
        expect(serverDefault.rows[0]?.boot_val).toBe('on');
      } finally {
        await database.close();
      }
    },
  );
});
