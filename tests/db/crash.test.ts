import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPGlite, type Database, openPostgres, wrapPGlite } from '../../src/db/database.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { testBackend } from '../support/backend.ts';
import { freePort, kasaneCli, repositoryRoot, ServerProcess, sleep } from '../support/serverProcess.ts';

/**
 * Nothing acknowledged is lost: the real server process, 50 concurrent writers over real HTTP (each
 * with its own session), killed with SIGKILL several times mid-run and restarted on the same data.
 * Every write that got a 2xx must be there afterwards, and `kasane audit verify` must pass.
 * (That verify names a tampered event is tests/db/auditTrail.test.ts.)
 */

const run = promisify(execFile);
const WRITERS = 50;
const KILLS = 2;
/** How long the writers run between a server's readiness and its SIGKILL. */
const RUN_MS = 1500;
const caseworkers = ['houkatsu', 'shogai', 'hogo', 'hogokansatsu'];

const t0 = Date.now();
const step = (what: string) => {
  const trace = process.env.KASANE_CRASH_TRACE;
  if (trace) fs.appendFileSync(trace, `${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}\n`);
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-crash-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * The database the server will use: a copy of the suite's migrated template with the demo accounts
 * (no casework), on a data directory of its own or a PostgreSQL database of its own.
 */
async function prepare(): Promise<{ env: Record<string, string>; open(): Promise<Database> }> {
  const template = inject('databaseTemplate');
  if (testBackend() === 'pglite') {
    const dataDir = path.join(tmp, 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    const instance = await createPGlite({ dataDir, loadDataDir: new Blob([fs.readFileSync(template)]) });
    await instance.close();
    return {
      env: { KASANE_DATA_DIR: dataDir, DATABASE_URL: '' },
      open: async () => wrapPGlite(await createPGlite({ dataDir })),
    };
  }
  const name = `kasane_crash_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, open: async () => openPostgres(url.toString(), 2) };
}

/** A caseworker's browser: its own session and address. */
class Writer {
  cookie = '';
  csrf = '';
  readonly acknowledged: string[] = [];
  attempts = 0;
  failures = 0;

  constructor(
    readonly base: string,
    readonly index: number,
  ) {}

  private headers(): Record<string, string> {
    return {
      'content-type': 'application/json',
      'x-forwarded-for': `10.0.${Math.floor(this.index / 250)}.${(this.index % 250) + 1}`,
      cookie: this.cookie,
      'x-csrf-token': this.csrf,
    };
  }

  async signIn(): Promise<void> {
    const loginId = caseworkers[this.index % caseworkers.length] as string;
    const response = await fetch(`${this.base}/api/session`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify({ loginId, password: DEMO_PASSWORD }),
    });
    if (response.status !== 200)
      throw new Error(`sign-in ${loginId}: ${response.status} ${await response.text()}`);
    this.cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    this.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  /** Write until told to stop; a write whose answer never came (server killed) counts as unknown. */
  async loop(running: () => boolean): Promise<void> {
    let n = 0;
    while (running()) {
      this.attempts++;
      n++;
      try {
        const response = await fetch(`${this.base}/api/persons`, {
          method: 'POST',
          headers: this.headers(),
          body: JSON.stringify({
            familyName: `耐久${this.index}`,
            givenName: `${n}`,
            familyNameKana: 'タイキュウ',
            givenNameKana: 'テスト',
          }),
        });
        const body = (await response.json()) as { id?: string };
        if (response.status >= 200 && response.status < 300 && body.id) this.acknowledged.push(body.id);
        else if (response.status >= 500 || response.status === 401)
          throw new Error(`unexpected ${response.status}: ${JSON.stringify(body)}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
        this.failures++;
        // the server is down or starting: wait before the next try, so that 50 writers retrying at
        // once do not take the CPU the restarting server needs
        await sleep(250);
      }
    }
  }
}

describe(`a server killed mid-write (${testBackend()})`, () => {
  it(`loses no acknowledged write over ${KILLS} SIGKILLs with ${WRITERS} concurrent writers, and the audit trail verifies`, async () => {
    const started = Date.now();
    const database = await prepare();
    const port = await freePort();
    const server = new ServerProcess({ ...database.env, KASANE_DEMO: 'true' }, port);
    cleanups.push(() => server.stop());
    step('database prepared');
    const startTimes = [await server.start()];
    step('server started');

    const writers = Array.from({ length: WRITERS }, (_, i) => new Writer(`http://127.0.0.1:${port}`, i));
    for (let i = 0; i < writers.length; i += 10)
      await Promise.all(writers.slice(i, i + 10).map((w) => w.signIn()));

    step('writers signed in');
    let running = true;
    const loops = Promise.all(writers.map((w) => w.loop(() => running)));
    const acknowledgedAt: number[] = [];
    const total = () => writers.reduce((sum, w) => sum + w.acknowledged.length, 0);
    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(RUN_MS);
      acknowledgedAt.push(total());
      await server.kill();
      step(`killed after ${total()} acknowledged writes`);
      // the lock file of the killed server names a dead process: the next start takes it over
      if (testBackend() === 'pglite') expect(fs.existsSync(`${path.join(tmp, 'data')}.lock`)).toBe(true);
      startTimes.push(await server.start());
      step('restarted');
    }
    await sleep(RUN_MS);
    running = false;
    await loops;
    step('writers stopped');
    await server.stop();
    step('server stopped');

    const acknowledged = writers.flatMap((w) => w.acknowledged);
    const attempts = writers.reduce((sum, w) => sum + w.attempts, 0);
    // writes went through before every kill and after the last restart
    for (let i = 1; i < acknowledgedAt.length; i++)
      expect(acknowledgedAt[i] as number).toBeGreaterThan(acknowledgedAt[i - 1] as number);
    expect(acknowledged.length).toBeGreaterThan(acknowledgedAt.at(-1) as number);

    const reopened = await database.open();
    try {
      const present = new Set<string>();
      for (let i = 0; i < acknowledged.length; i += 1000) {
        const rows = await reopened.db
          .selectFrom('persons')
          .select('id')
          .where('id', 'in', acknowledged.slice(i, i + 1000))
          .execute();
        for (const row of rows) present.add(row.id);
      }
      const lost = acknowledged.filter((id) => !present.has(id));
      expect(lost, `${lost.length} acknowledged writes lost`).toEqual([]);
      // and each came with its audit event
      const audited = await reopened.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'person.create')
        .executeTakeFirstOrThrow();
      expect(Number(audited.n)).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await reopened.close();
    }

    const verify = await run(process.execPath, [kasaneCli, 'audit', 'verify'], {
      cwd: repositoryRoot,
      env: { ...process.env, ...database.env, LOG_LEVEL: 'error' },
    });
    expect(verify.stdout).toMatch(/Audit trail intact: \d+ events verified/);

    console.log(
      `crash test (${testBackend()}): ${acknowledged.length} acknowledged writes of ${attempts} attempts by ${WRITERS} writers, ` +
        `${KILLS} SIGKILLs, none lost; server starts ${startTimes.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ')}; ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s in all`,
    );
  }, 600_000);
});
