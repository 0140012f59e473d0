/**
 * `npm run bench`: generates synthetic data into a database of its own (PostgreSQL, or with
 * BENCH_DATABASE=pglite the embedded database in a data directory), starts Kasane on it
 * as production runs it (NODE_ENV=production, a secret key, no demo password), and measures at N
 * concurrent connections `cases.list` (caseworker), `persons.search` (by kana) and
 * `supportReports.create` (with its audit event), and at 10 connections the coordinator's home
 * (`dashboard.get`) and the city-wide 年度 figures (`statistics.get`), the two whole-city reads whose
 * target is a p95 under 500 ms (issue 10); first of all, how long the embedded app takes to start
 * (bench/coldStart.ts). Beside each operation, in the same run, three anchors (the two whole-city
 * reads: the raw replay only, to keep the quick run quick):
 *
 *   raw           the same statements the route issued (captured with KASANE_QUERY_LOG, minus the
 *                 session lookup), replayed in one transaction from the bench's process: through
 *                 `pg`, or on PGlite through an instance of its own on the same data directory;
 *   selectsAlone  the route's SELECTs alone on a bare Fastify over the same database (bench/anchor.ts),
 *                 reads only;
 *   httpLimit     a bare Fastify route answering the same JSON from memory.
 *
 * An operation whose requests differ (the kana search cycles through eight words) has each variant
 * captured, and its anchors cycle through the variants as Kasane's requests do.
 *
 * Figures are read as ratios against these anchors: the machine is shared, absolute numbers move.
 * A PGlite data directory opens in one process at a time, so there Kasane is measured on every
 * operation first, then (server stopped) the raw replay, then the anchor server; on PostgreSQL the
 * three run side by side and are measured operation by operation.
 *
 * Env: BENCH_DATABASE = postgresql (default; bench/postgresDatabase.ts: BENCH_DATABASE_URL, else
 * DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres names the server, the bench creates
 * and drops its own database) | pglite (bench/pgliteDatabase.ts: a data directory under the system's
 * temporary directory). BENCH_SCALE = small | city | city10 (default city on PostgreSQL, small on
 * PGlite). BENCH_SECONDS per measurement (default 2 for small, else 10). BENCH_CONCURRENCY (default
 * 50). BENCH_KEEP=1 keeps (and reuses) the generated database. BENCH_RESULTS names the directory for
 * the results (default bench/results): latest.md and latest.json, latest-pglite.md and
 * latest-pglite.json on PGlite. BENCH_SHOW_SQL=1 prints the captured statements, BENCH_EXPLAIN=1
 * their plans as the owner and under row-level security (after the measurements);
 * BENCH_SERVER_ARGS passes node flags to Kasane's process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`);
 * BENCH_CPU=1 prints, after each measurement, the CPU per request of PostgreSQL, Kasane and the bench.
 * BENCH_RAW_AS_APP=1 runs the raw replay as Kasane runs its statements (the request role under
 * row-level security, with the tenant set in the same BEGIN) instead of as the owner.
 * BENCH_RESTARTS: how many times the embedded app's restart is timed (default 3; bench/coldStart.ts).
 * Exits non-zero if any request failed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '../src/db/passwords.ts';
import { APP_ROLE, TENANT_SETTING } from '../src/db/rowLevelSecurity.ts';
import { today } from '../src/domain/clock.ts';
import { fiscalYearOf } from '../src/domain/fiscalYear.ts';
import { benchDatabaseKind, openBenchDatabase } from './benchDatabase.ts';
import { coldStartSummary, measureColdStart } from './coldStart.ts';
import { cpuMeter, formatCpu } from './cpu.ts';
import { type ScaleName, scales } from './generate.ts';
import { Holders } from './holders.ts';
import { closedLoop, type LoadResult } from './load.ts';
import { openRawDatabase, type RawDatabase } from './rawDatabase.ts';

const root = path.resolve(import.meta.dirname, '..');
const databaseKind = benchDatabaseKind();
const scaleName = (process.env.BENCH_SCALE || (databaseKind === 'pglite' ? 'small' : 'city')) as ScaleName;
if (!(scaleName in scales)) throw new Error(`BENCH_SCALE must be one of ${Object.keys(scales).join(', ')}`);
const scale = scales[scaleName];
const keep = Boolean(process.env.BENCH_KEEP);
const target = await openBenchDatabase(databaseKind, scaleName, keep);
const seconds = Number(process.env.BENCH_SECONDS || (scaleName === 'small' ? 2 : 10));
const warmUp = scaleName === 'small' ? 30 : 200;
/** On an exclusive database, unmeasured full load for a process that has just opened it (see below). */
const processWarmUpMs = 5000;
const concurrency = Number(process.env.BENCH_CONCURRENCY || 50);
const port = 3297;
const anchorPort = 3298;
const resultsDir = path.resolve(process.env.BENCH_RESULTS || path.join(root, 'bench/results'));
const resultsName = databaseKind === 'pglite' ? 'latest-pglite' : 'latest';
const rawLabel = databaseKind === 'pglite' ? 'PGlite' : 'pg';
const queryLog = path.join(os.tmpdir(), `kasane-bench-queries-${process.pid}.jsonl`);
const anchorPlan = path.join(os.tmpdir(), `kasane-bench-anchor-${process.pid}.json`);
// The bench's own production-like credentials: a fresh secret key and password every run.
const secretKey = randomBytes(48).toString('base64');
const password = `bench-${randomBytes(12).toString('hex')}`;
const benchAccounts = ['houkatsu', 'coordinator'];
// statistics.get reads the 年度 of the generated data (its dates run up to the run's own day)
const benchFiscalYear = fiscalYearOf(today());

const log = (line: string) => console.log(line);

/** The generator seeds the demo accounts; production refuses their password, so the bench sets its own. */
async function setBenchPasswords(raw: RawDatabase): Promise<void> {
  const hash = await hashPassword(password);
  await raw.query('UPDATE users SET password_hash = $1 WHERE login_id = ANY($2)', [hash, benchAccounts]);
}

function waitFor(child: ChildProcess, text: string, what: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(text)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
  });
}

function startServer(): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...target.serverEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    KASANE_DEMO: 'false',
    KASANE_QUERY_LOG: queryLog,
    KASANE_SECRET_KEY: secretKey,
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
  };
  // test-run settings a production server refuses
  delete env.KASANE_PASSWORD_HASH;
  for (const [name, value] of Object.entries(target.serverEnv)) if (value === undefined) delete env[name];
  // BENCH_SERVER_ARGS: extra node flags for Kasane's process, e.g. --cpu-prof to profile it
  const nodeArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin/kasane.mjs'), 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return waitFor(child, 'Kasane is running', 'Kasane');
}

function startAnchor(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/anchor.ts')], {
    cwd: root,
    env: { ...process.env, BENCH_ANCHOR_PLAN: anchorPlan, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return waitFor(child, 'anchor ready', 'the anchor server');
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

interface Session {
  cookie: string;
  csrf: string;
}

interface Response {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function request(
  method: string,
  url: string,
  session: Session | null,
  body?: unknown,
  to = port,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (session) headers.cookie = session.cookie;
    if (session && method !== 'GET') headers['x-csrf-token'] = session.csrf;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const req = http.request({ host: '127.0.0.1', port: to, path: url, method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function signIn(loginId: string): Promise<Session> {
  const response = await request('POST', '/api/session', null, { loginId, password });
  if (response.status !== 200) throw new Error(`sign-in ${loginId}: ${response.status} ${response.body}`);
  const cookie = String(response.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  return { cookie, csrf: JSON.parse(response.body).csrfToken };
}

interface Captured {
  sql: string;
  parameters: unknown[];
}

/** The statements one request issued, as logged by the server (KASANE_QUERY_LOG), and its answer. */
async function capture(run: () => Promise<Response>): Promise<{ statements: Captured[]; body: string }> {
  fs.writeFileSync(queryLog, '');
  const response = await run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const statements = fs
    .readFileSync(queryLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Captured)
    // the session lookup and touch belong to the access gate, not to the operation's SQL; the
    // audit sealer works in the background, outside the request
    .filter((s) => !/from "sessions"|update "sessions"/i.test(s.sql))
    // (its statements name the seal tables, or read the queue: src/db/auditSealer.ts)
    .filter((s) => !/audit_seal|from "audit_pending"/i.test(s.sql));
  return { statements, body: response.body };
}

/**
 * Replay a request's statements raw, in one transaction when the request used one.
 * The ids of inserted rows (the value bound to an INSERT's "id" column) are replaced by fresh
 * UUIDs each time, so the replay inserts new rows as the route does.
 */
function replayer(statements: Captured[], raw: RawDatabase, asTenant?: string) {
  const fresh = new Set<string>();
  for (const statement of statements) {
    const insert = /insert into "?\w+"? \(([^)]*)\) values \(([^)]*)\)/i.exec(statement.sql);
    if (!insert) continue;
    const columns = (insert[1] ?? '').split(',').map((c) => c.trim().replaceAll('"', ''));
    const values = (insert[2] ?? '').split(',').map((v) => v.trim());
    const slot = values[columns.indexOf('id')];
    const index = slot?.startsWith('$') ? Number(slot.slice(1)) - 1 : -1;
    const value = statement.parameters[index];
    if (typeof value === 'string') fresh.add(value);
  }
  const transactional = statements.length > 1;
  return async () => {
    const renamed = new Map([...fresh].map((id) => [id, randomUUID()]));
    await raw.session(async (client) => {
      try {
        // BENCH_RAW_AS_APP=1: as Kasane runs them, the request role under row-level security
        if (asTenant)
          await client.script(
            `BEGIN; SET LOCAL ROLE ${APP_ROLE}; SET LOCAL ${TENANT_SETTING} = '${asTenant}'`,
          );
        else if (transactional) await client.script('BEGIN');
        for (const statement of statements) {
          const parameters = statement.parameters.map((v) =>
            typeof v === 'string' && renamed.has(v) ? renamed.get(v) : v,
          );
          await client.query(statement.sql, parameters);
        }
        if (transactional || asTenant) await client.script('COMMIT');
      } catch (error) {
        if (transactional || asTenant) await client.script('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  };
}

/**
 * BENCH_EXPLAIN=1: each captured SELECT's plan, as the owner and as the request role under
 * row-level security (what Kasane runs), with actual times.
 */
async function explainAll(
  operations: { operationId: string }[],
  captured: { statements: Captured[] }[],
  raw: RawDatabase,
  tenant: string,
): Promise<void> {
  for (const [n, operation] of operations.entries()) {
    for (const statement of (captured[n]?.statements ?? []).filter(isSelect)) {
      for (const role of ['owner', APP_ROLE]) {
        await raw.session(async (client) => {
          try {
            await client.script('BEGIN');
            if (role !== 'owner') {
              await client.script(`SET LOCAL ROLE ${APP_ROLE}`);
              await client.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [tenant]);
            }
            const plan = await client.query(
              `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
              statement.parameters,
            );
            log(`\n--- ${operation.operationId} as ${role}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
          } finally {
            await client.script('ROLLBACK');
          }
        });
      }
    }
  }
}

const isSelect = (s: Captured) => /^\s*(select|with)\b/i.test(s.sql) && !/\binsert\b|\bupdate\b/i.test(s.sql);

interface Operation {
  operationId: string;
  label: string;
  read: boolean;
  run: (worker: number, iteration: number) => Promise<Response>;
  expect: number;
  /** Concurrent connections for this operation (default BENCH_CONCURRENCY). */
  concurrency?: number;
  /** Measure the Fastify anchors too (SELECTs alone, HTTP limit); default true. */
  anchors?: boolean;
  /** Sequential requests before each measurement (default: 30 small, 200 otherwise). */
  warmUp?: number;
  /**
   * How many different requests `run` cycles through (default 1): request (w, i) is variant
   * (w + i) mod variants. Each variant's statements and answer are captured, and the anchors cycle
   * through them the same way, so that they do the work Kasane was asked to do.
   */
  variants?: number;
}

interface Measured {
  operationId: string;
  label: string;
  statements: number;
  selects: number;
  concurrency: number;
  kasane: LoadResult;
  raw: LoadResult;
  selectsAlone?: LoadResult | undefined;
  httpLimit?: LoadResult | undefined;
}

const fmt = (n: number | undefined, digits = 1) =>
  n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '—';
const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
const figures = (r: LoadResult) => ({ rps: round(r.throughput, 0), p95: round(r.p95) });

async function main(): Promise<void> {
  const began = Date.now();
  const loadBefore = os.loadavg();
  let server: ChildProcess | undefined;
  let raw: RawDatabase | undefined;
  const holders = new Holders(target.exclusive, {
    server: async () => {
      const child = await startServer();
      server = child;
      return () => stop(child);
    },
    raw: async () => {
      const opened = await openRawDatabase(target.location);
      raw = opened;
      return () => opened.close();
    },
    anchor: async () => {
      const child = await startAnchor();
      return () => stop(child);
    },
  });
  const rawDatabase = async () => {
    await holders.use('raw');
    if (!raw) throw new Error('the raw database is not open');
    return raw;
  };
  const measured: Measured[] = [];
  let failures = 0;
  // first, while the machine has nothing else of the bench's running
  const coldStart = coldStartSummary(await measureColdStart(log));
  try {
    await target.prepare(scale, log);
    const tenantId = await (async () => {
      const database = await rawDatabase();
      await setBenchPasswords(database);
      return (await database.query("SELECT id FROM tenants WHERE code = 'kagoshima'"))[0]?.id as string;
    })();
    await holders.use('server');
    const caseworker = await signIn('houkatsu');
    const coordinator = await signIn('coordinator');
    const kanaQueries = [
      'ヤマダ',
      'たなか',
      'ｽｽﾞｷ',
      'サトウハナコ',
      'イノウエ',
      'ハシモトタロウ',
      'コバヤシ',
      'キムラ',
    ];
    const items = JSON.parse((await request('GET', '/api/plan-items?limit=100', caseworker)).body).items as {
      id: string;
    }[];
    if (!items?.length) throw new Error('no plan items for the caseworker: is planItems.mine implemented?');

    const checked = (name: string, expect: number) => (r: Response) => {
      if (r.status !== expect) throw new Error(`${name} ${r.status} ${r.body.slice(0, 200)}`);
      return r;
    };
    const operations: Operation[] = [
      {
        operationId: 'cases.list',
        label: 'cases.list (caseworker, 20 per page)',
        read: true,
        expect: 200,
        run: () => request('GET', '/api/cases?limit=20', caseworker).then(checked('cases.list', 200)),
      },
      {
        operationId: 'persons.search',
        label: 'persons.search (by kana)',
        read: true,
        expect: 200,
        variants: kanaQueries.length,
        run: (w, i) => {
          const kana = kanaQueries[(w + i) % kanaQueries.length] ?? 'ヤマダ';
          return request('GET', `/api/persons?kana=${encodeURIComponent(kana)}&limit=20`, caseworker).then(
            checked('persons.search', 200),
          );
        },
      },
      {
        operationId: 'supportReports.create',
        label: 'supportReports.create (with audit event)',
        read: false,
        expect: 201,
        run: (w, i) => {
          const item = items[(w * 7 + i) % items.length];
          return request('POST', '/api/support-reports', caseworker, {
            planItemId: item?.id,
            supportedOn: '2026-11-20',
            content: '（ベンチマーク）訪問し、生活状況を確認した。',
            result: 'done',
          }).then(checked('supportReports.create', 201));
        },
      },
      {
        operationId: 'dashboard.get',
        label: "dashboard.get (coordinator's home, 10 connections)",
        read: true,
        expect: 200,
        concurrency: 10,
        anchors: false,
        warmUp: 5,
        run: () => request('GET', '/api/dashboard', coordinator).then(checked('dashboard.get', 200)),
      },
      {
        operationId: 'statistics.get',
        label: 'statistics.get (city-wide 年度, 10 connections)',
        read: true,
        expect: 200,
        concurrency: 10,
        anchors: false,
        warmUp: 5,
        run: () =>
          request('GET', `/api/statistics?fiscalYear=${benchFiscalYear}`, coordinator).then(
            checked('statistics.get', 200),
          ),
      },
    ];

    // Warm up and capture every operation's statements and answer (each variant's), then pause the
    // query log. `captured[n]` is the first variant's, which the counts and plans are shown for.
    const variantsOf: { statements: Captured[]; body: string }[][] = [];
    for (const operation of operations) {
      for (let i = 0; i < (operation.warmUp ?? warmUp); i++) await operation.run(i % concurrency, i);
      const variants: { statements: Captured[]; body: string }[] = [];
      for (let v = 0; v < (operation.variants ?? 1); v++)
        variants.push(await capture(() => operation.run(0, v)));
      variantsOf.push(variants);
      if (process.env.BENCH_SHOW_SQL)
        for (const s of variants[0]?.statements ?? [])
          log(`${operation.operationId}: ${s.sql}\n  parameters: ${JSON.stringify(s.parameters)}`);
    }
    const captured = variantsOf.map((variants) => variants[0] ?? { statements: [], body: '' });
    /** Request (w, i) of an operation's anchor: the variant Kasane's request (w, i) was. */
    const variantOf = (n: number, w: number, i: number) => (w + i) % (variantsOf[n]?.length || 1);
    server?.kill('SIGUSR2');
    fs.writeFileSync(
      anchorPlan,
      JSON.stringify({
        database: target.location,
        port: anchorPort,
        operations: variantsOf.map((variants) =>
          variants.map((c) => ({ selects: c.statements.filter(isSelect), body: c.body })),
        ),
      }),
    );

    const measure = async (
      what: string,
      task: (w: number, i: number) => Promise<unknown>,
      connections = concurrency,
      warmUpCount = warmUp,
    ) => {
      for (let i = 0; i < warmUpCount; i++) await task(i % connections, i);
      const cpu = cpuMeter(server?.pid);
      const result = await closedLoop({
        concurrency: connections,
        durationMs: seconds * 1000,
        task: async (w, i) => {
          await task(w, i);
        },
      });
      failures += result.errors + (result.requests === 0 ? 1 : 0);
      log(`  ${what.padEnd(28)} ${fmt(result.throughput, 0).padStart(6)} req/s  p95 ${fmt(result.p95)} ms`);
      const spent = cpu();
      if (spent) log(`    ${formatCpu(spent, result.requests)}`);
      return result;
    };
    const anchorGet = (path: string, n: number) => async (w: number, i: number) => {
      const url = `${path}/${n}/${variantOf(n, w, i)}`;
      const r = await request('GET', url, null, undefined, anchorPort);
      if (r.status !== 200) throw new Error(`anchor ${url}: ${r.status}`);
    };
    /** The raw replay of each variant's statements, request (w, i) replaying its variant's. */
    const rawReplay = async (n: number) => {
      const raw = await rawDatabase();
      const asTenant = process.env.BENCH_RAW_AS_APP ? tenantId : undefined;
      const replays = (variantsOf[n] ?? []).map((c) => replayer(c.statements, raw, asTenant));
      return (w: number, i: number) => {
        const replay = replays[variantOf(n, w, i)];
        if (!replay) throw new Error(`no captured statements for operation ${n}`);
        return replay();
      };
    };

    // Each operation's measurements in turn; on an exclusive database, each kind of measurement for
    // every operation in turn, so that the server, the raw replay and the anchor open it once each.
    type Kind = 'kasane' | 'raw' | 'selectsAlone' | 'httpLimit';
    const kinds: Kind[] = ['kasane', 'raw', 'selectsAlone', 'httpLimit'];
    const holderOf = { kasane: 'server', raw: 'raw', selectsAlone: 'anchor', httpLimit: 'anchor' } as const;
    const steps = operations.flatMap((operation, n) =>
      kinds
        .filter((kind) => (kind === 'selectsAlone' ? operation.read && operation.anchors !== false : true))
        .filter((kind) => (kind === 'httpLimit' ? operation.anchors !== false : true))
        .map((kind) => ({ n, operation, kind })),
    );
    if (target.exclusive) steps.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.n - b.n);
    const warmed = new Set<string>();
    const results = operations.map(() => ({}) as Partial<Record<Kind, LoadResult>>);
    for (const { n, operation, kind } of steps) {
      const { statements } = captured[n] ?? { statements: [] };
      const connections = operation.concurrency ?? concurrency;
      if (kind === 'kasane' || target.exclusive)
        log(
          `\n${operation.label} — ${statements.length} statements, ${statements.filter(isSelect).length} SELECTs`,
        );
      await holders.use(holderOf[kind]);
      const [what, task, warm] =
        kind === 'kasane'
          ? ['Kasane', operation.run, operation.warmUp ?? warmUp]
          : kind === 'raw'
            ? [`same statements raw (${rawLabel})`, await rawReplay(n), operation.warmUp ?? warmUp]
            : kind === 'selectsAlone'
              ? [`SELECTs alone (Fastify+${rawLabel})`, anchorGet('/selects', n), warmUp]
              : ['HTTP limit (from memory)', anchorGet('/memory', n), warmUp];
      // PGlite runs as WebAssembly, which V8 compiles to faster code during the first seconds of
      // heavy use in a process: on PGlite each holder gets a few seconds of full load, unmeasured,
      // before its first measurement.
      if (target.exclusive && !warmed.has(holderOf[kind])) {
        warmed.add(holderOf[kind]);
        await closedLoop({
          concurrency: connections,
          durationMs: processWarmUpMs,
          task: async (w, i) => {
            await task(w, i);
          },
        });
      }
      const entry = results[n];
      if (entry) entry[kind] = await measure(what, task, connections, warm);
    }
    for (const [n, operation] of operations.entries()) {
      const { statements } = captured[n] ?? { statements: [] };
      const { kasane, raw: rawResult, selectsAlone, httpLimit } = results[n] ?? {};
      if (!kasane || !rawResult) throw new Error(`${operation.operationId} was not measured`);
      measured.push({
        operationId: operation.operationId,
        label: operation.label,
        statements: statements.length,
        selects: statements.filter(isSelect).length,
        concurrency: operation.concurrency ?? concurrency,
        kasane,
        raw: rawResult,
        selectsAlone,
        httpLimit,
      });
    }
    // BENCH_EXPLAIN=1: the plans, once the figures are taken
    if (process.env.BENCH_EXPLAIN) await explainAll(operations, captured, await rawDatabase(), tenantId);
  } finally {
    await holders.closeAll();
    fs.rmSync(queryLog, { force: true });
    fs.rmSync(anchorPlan, { force: true });
    await target.remove();
  }

  const loadAfter = os.loadavg();
  const at = new Date().toISOString();
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`;
  const load = `load average ${loadBefore[0]?.toFixed(1)} before, ${loadAfter[0]?.toFixed(1)} after`;
  const ratio = (a: LoadResult, b: LoadResult | undefined) => (b ? a.throughput / b.throughput : Number.NaN);
  const lines = [
    `Kasane benchmark — ${at} — ${machine}, ${target.description}, ${concurrency} connections unless the row says otherwise, ${seconds} s each, ${load}`,
    `Scale ${scaleName}: ${scale.persons} persons, ${scale.consultations} consultations, ${scale.cases} cases, ${scale.supportReports} support reports (synthetic).`,
    '',
    '| operation | Kasane req/s | p50 ms | p95 ms | raw req/s | SELECTs alone req/s | HTTP limit req/s | ÷ raw | ÷ SELECTs alone | ÷ HTTP limit |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...measured.map(
      (m) =>
        `| ${m.label} | ${fmt(m.kasane.throughput, 0)} | ${fmt(m.kasane.p50)} | ${fmt(m.kasane.p95)} | ${fmt(m.raw.throughput, 0)} | ${fmt(m.selectsAlone?.throughput, 0)} | ${fmt(m.httpLimit?.throughput, 0)} | ${fmt(ratio(m.kasane, m.raw), 2)}× | ${m.selectsAlone ? `${fmt(ratio(m.kasane, m.selectsAlone), 2)}×` : '—'} | ${m.httpLimit ? `${fmt(ratio(m.kasane, m.httpLimit), 3)}×` : '—'} |`,
    ),
  ];
  lines.push(
    '',
    `Start of the embedded app (${coldStart.runner === 'bundle' ? 'server bundle' : 'sources through tsx'}), spawn to the first 200 from /api/ready: ` +
      `restart ${coldStart.restartMs.median} ms (median of ${coldStart.restartMs.runs.join(', ')}; target ${coldStart.targetMs} ms), ` +
      `first start with a new data directory and the demo seed ${coldStart.firstStartMs} ms; ` +
      `a bare Fastify process ${coldStart.bareFastifyMs.median} ms (restart ÷ bare Fastify: ${coldStart.ratioToBareFastify}×).`,
  );
  const report = lines.join('\n');
  log(`\n${report}\n`);
  const json = {
    measuredAt: at,
    machine,
    loadAverage: { before: loadBefore, after: loadAfter },
    database: target.kind,
    scale: scaleName,
    rows: scale,
    connections: concurrency,
    ...(target.location.kind === 'postgresql' ? { poolSize: target.location.poolSize } : {}),
    secondsEach: seconds,
    failures,
    coldStart,
    operations: measured.map((m) => ({
      operationId: m.operationId,
      statements: m.statements,
      selects: m.selects,
      connections: m.concurrency,
      kasane: { rps: round(m.kasane.throughput, 0), p50: round(m.kasane.p50), p95: round(m.kasane.p95) },
      raw: figures(m.raw),
      ...(m.selectsAlone ? { selectsAlone: figures(m.selectsAlone) } : {}),
      ...(m.httpLimit ? { httpLimit: figures(m.httpLimit) } : {}),
      ratios: {
        raw: round(ratio(m.kasane, m.raw), 3),
        ...(m.selectsAlone ? { selectsAlone: round(ratio(m.kasane, m.selectsAlone), 3) } : {}),
        ...(m.httpLimit ? { httpLimit: round(ratio(m.kasane, m.httpLimit), 4) } : {}),
      },
    })),
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `${resultsName}.md`), `${report}\n`);
  fs.writeFileSync(path.join(resultsDir, `${resultsName}.json`), `${JSON.stringify(json, null, 2)}\n`);
  log(`bench finished in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  if (failures > 0) {
    console.error(`bench: ${failures} failed requests or empty measurements`);
    process.exitCode = 1;
  }
}

await main();
