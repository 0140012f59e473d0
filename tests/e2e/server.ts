import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * The browser suite's servers. Global setup seeds one demo database (accounts and casework, exactly
 * as `npm start` does) per database kind; each Playwright worker then runs its own Kasane process on
 * its own copy of it, so workers run side by side without seeing each other's changes.
 */

export type E2eDatabase = 'embedded' | 'postgres';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'bin/kasane.mjs');
const run = promisify(execFile);

/** Environment every e2e server and seeding run gets (never a production setting). */
export const serverEnv = {
  LOG_LEVEL: 'warn',
  // the browser suite runs beside the database suites on one PostgreSQL server: small pools
  KASANE_DB_POOL_SIZE: '4',
  KASANE_DEMO: 'true',
  // a fixed test key, so TOTP secrets sealed in the template open in every worker's copy
  KASANE_SECRET_KEY: 'kasane-e2e-secret-key-for-tests-only-0123456789',
  KASANE_PASSWORD_HASH: 'test',
  // the demo data fits in the smallest useful buffer cache, which PGlite writes over at every open
  KASANE_PGLITE_SHARED_BUFFERS_MB: '16',
  // every spec signs in from 127.0.0.1, and a worker's server serves many specs one after another: on
  // a fast machine more than the default 30 sign-ins a minute (tests/api/session.test.ts checks the limit)
  KASANE_SIGNINS_PER_MINUTE: '1000',
} as const;

/** Where the run keeps its templates and the workers' copies (set by global setup). */
export function runDirectory(): string {
  const dir = process.env.KASANE_E2E_DIR;
  if (!dir) throw new Error('KASANE_E2E_DIR is not set: the e2e global setup did not run');
  return dir;
}

function databaseUrl(name: string): string {
  const url = new URL(process.env.E2E_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function postgresAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// PostgreSQL folds unquoted names to lower case: the name must be lower case to be found again by URL.
const templateName = () =>
  `kasane_e2e_tpl_${path.basename(runDirectory()).replace(/\W/g, '_').toLowerCase()}`;

/** Seed the demo template of one database kind with the real CLI (`kasane seed`). */
export async function seedTemplate(database: E2eDatabase): Promise<void> {
  if (database === 'embedded') {
    const env = {
      ...process.env,
      ...serverEnv,
      DATABASE_URL: '',
      KASANE_DATA_DIR: path.join(runDirectory(), 'template'),
    };
    await run(process.execPath, [cli, 'seed'], { cwd: root, env });
    return;
  }
  const name = templateName();
  await postgresAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
  });
  await run(process.execPath, [cli, 'seed'], {
    cwd: root,
    env: { ...process.env, ...serverEnv, DATABASE_URL: databaseUrl(name) },
  });
}

/** Drop what global setup and the workers made. */
export async function removeTemplates(): Promise<void> {
  if (process.env.E2E_DATABASE_URL) {
    const prefix = templateName();
    await postgresAdmin(async (admin) => {
      const { rows } = await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`${prefix.replace('_tpl_', '_%')}%`],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    });
  }
  fs.rmSync(runDirectory(), { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export interface WorkerServer {
  url: string;
  stop(): Promise<void>;
}

/** A Kasane process of this worker's own, on a copy of the demo template of `database`. */
export async function startWorkerServer(database: E2eDatabase, worker: number): Promise<WorkerServer> {
  const port = await freePort();
  const env: Record<string, string> = { ...serverEnv, PORT: String(port), HOST: '127.0.0.1' };
  let dropDatabase = async () => {};
  if (database === 'embedded') {
    const dataDir = path.join(runDirectory(), `worker-${worker}-${port}`);
    fs.cpSync(path.join(runDirectory(), 'template'), dataDir, { recursive: true });
    Object.assign(env, { DATABASE_URL: '', KASANE_DATA_DIR: dataDir });
  } else {
    const name = templateName().replace('_tpl_', `_w${worker}_${port}_`);
    await postgresAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`));
    Object.assign(env, { DATABASE_URL: databaseUrl(name) });
    dropDatabase = () =>
      postgresAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {});
  }

  const child: ChildProcess = spawn(process.execPath, [cli, 'start'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Kasane (${database}) exited with ${child.exitCode}: ${errors}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Kasane (${database}) did not answer /api/health within 120 s: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await dropDatabase();
    },
  };
}
