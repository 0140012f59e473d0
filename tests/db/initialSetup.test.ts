import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/db/auditTrail.ts';
import { type Database, openPGlite, openPostgres } from '../../src/db/database.ts';
import { knownMigrations, migrateToLatest } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { testBackend } from '../support/backend.ts';
import { emptyPostgres } from '../support/emptyPostgres.ts';
import { ApiClient } from '../support/testServer.ts';

/**
 * First set-up of a production database: `kasane init` (the real CLI, without a terminal, so the
 * password comes from KASANE_INIT_PASSWORD) on a database nobody has migrated or seeded, then a
 * sign-in as the new administrator; a second `kasane init` refuses. On PostgreSQL also: several
 * nodes migrating the same empty database at once migrate it once.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'bin/kasane.mjs');
const PASSWORD = 'yama-kawa-umi-sora-2026';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-init-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

let env: Record<string, string>;
let open: () => Promise<Database>;

beforeAll(async () => {
  if (testBackend() === 'pglite') {
    const dataDir = path.join(tmp, 'data');
    env = { KASANE_DATA_DIR: dataDir, DATABASE_URL: '' };
    open = () => openPGlite(dataDir);
  } else {
    const created = await emptyPostgres('init');
    cleanups.push(created.drop);
    env = { DATABASE_URL: created.url };
    open = async () => openPostgres(created.url, 2);
  }
});

/** The real CLI with no terminal (execFile gives it pipes), as a provisioning script runs it. */
async function kasane(args: string[], extra: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      cwd: root,
      env: { ...process.env, KASANE_DEMO: 'false', LOG_LEVEL: 'error', ...env, ...extra },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Each test runs the real CLI (tsx start-up, the password dictionaries): slow on a loaded machine. */
const CLI_TIMEOUT = 300_000;

const initArgs = ['init', '--city', '鹿児島市', '--code', '462012', '--admin', 'joho-admin'];

describe('kasane init', () => {
  it(
    'refuses a wrong 地方公共団体コード, a weak password and a missing one, creating nothing',
    async () => {
      const badCode = await kasane(
        ['init', '--city', '鹿児島市', '--code', '462013', '--admin', 'joho-admin'],
        {
          KASANE_INIT_PASSWORD: PASSWORD,
        },
      );
      expect(badCode.code).toBe(2);
      expect(badCode.stderr).toContain('検査数字は 2');
      const weak = await kasane(initArgs, { KASANE_INIT_PASSWORD: 'password1234' });
      expect(weak.code).toBe(2);
      expect(weak.stderr).toContain('このパスワードは使えません');
      const missing = await kasane(initArgs, { KASANE_INIT_PASSWORD: '' });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('KASANE_INIT_PASSWORD');
    },
    CLI_TIMEOUT,
  );

  it(
    'creates the municipality and its administrator on an empty database; the administrator signs in',
    async () => {
      const first = await kasane([...initArgs, '--organization', '情報政策課'], {
        KASANE_INIT_PASSWORD: PASSWORD,
      });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('鹿児島市（462012）を登録しました');
      // the password is never echoed
      expect(first.stdout + first.stderr).not.toContain(PASSWORD);

      const database = await open();
      try {
        const tenants = await database.db.selectFrom('tenants').select(['code', 'name']).execute();
        expect(tenants).toEqual([{ code: '462012', name: '鹿児島市' }]);
        const app = await buildApp(
          { ...loadConfig({ ...process.env, ...env, LOG_LEVEL: 'error' }), port: 0 },
          database,
        );
        try {
          const client = new ApiClient(await app.listen({ port: 0, host: '127.0.0.1' }));
          expect((await client.signIn('joho-admin', 'wrong-password-1234')).status).toBe(401);
          const signIn = await client.signIn('joho-admin', PASSWORD);
          expect(signIn.status).toBe(200);
          expect(signIn.body).toMatchObject({
            user: { loginId: 'joho-admin', roles: ['admin'] },
            organization: { name: '情報政策課' },
            tenant: { name: '鹿児島市' },
          });
          // the administrator can go on to set the city up: here, its coordinating section
          const created = await client.post('/api/organizations', {
            name: '重層事業担当',
            kind: 'citySection',
            isCoordinatingSection: true,
          });
          expect(created.status).toBe(201);
        } finally {
          await app.close();
        }
        const init = await database.db
          .selectFrom('audit_events')
          .select(['action', 'details'])
          .where('action', '=', 'tenant.init')
          .execute();
        expect(init).toHaveLength(1);
        expect(JSON.stringify(init[0]?.details)).not.toContain(PASSWORD);
        expect((await verifyAuditTrail(database.db)).ok).toBe(true);
      } finally {
        await database.close();
      }
    },
    CLI_TIMEOUT,
  );

  it(
    'refuses a second init once a municipality exists, and changes nothing',
    async () => {
      const second = await kasane(
        ['init', '--city', '霧島市', '--code', '462187', '--admin', 'kirishima-admin'],
        {
          KASANE_INIT_PASSWORD: PASSWORD,
        },
      );
      expect(second.code).toBe(5);
      expect(second.stderr).toContain('既に自治体（鹿児島市 462012）が登録されています');
      const database = await open();
      try {
        expect(await database.db.selectFrom('tenants').select('code').execute()).toEqual([
          { code: '462012' },
        ]);
        expect(
          await database.db
            .selectFrom('users')
            .select('login_id')
            .where('login_id', '=', 'kirishima-admin')
            .execute(),
        ).toEqual([]);
      } finally {
        await database.close();
      }
    },
    CLI_TIMEOUT,
  );
});

describe.runIf(testBackend() === 'postgres')('migrations when several nodes start together', () => {
  it('migrate once under the advisory lock: one node applies every migration, the others find none to apply', async () => {
    const created = await emptyPostgres('migr');
    cleanups.push(created.drop);
    const nodes = [0, 1, 2, 3].map(() => openPostgres(created.url, 3));
    try {
      const applied = await Promise.all(nodes.map((node) => migrateToLatest(node.db)));
      const nonEmpty = applied.filter((names) => names.length > 0);
      expect(nonEmpty).toHaveLength(1);
      expect(nonEmpty[0]).toEqual(knownMigrations());
      const [first] = nodes;
      if (!first) throw new Error('no node');
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM kasane_migrations`.execute(
        first.db,
      );
      expect(Number(rows[0]?.n)).toBe(knownMigrations().length);
      // the lock is released: a later run takes it and finds nothing to do
      expect(await migrateToLatest(first.db)).toEqual([]);
    } finally {
      for (const node of nodes) await node.close();
    }
  });
});
