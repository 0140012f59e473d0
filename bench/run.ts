/**
 * `npm run bench`: generates city-scale synthetic data into PostgreSQL and measures, at 50
 * concurrent connections, Kasane's `cases.list` (caseworker), `persons.search` (by kana) and
 * `supportReports.create` (with its audit event), each beside the same SQL issued raw through
 * `pg` in the same run. Figures are ratios against that baseline.
 *
 * Env: BENCH_DATABASE_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres) names
 * the server; the bench creates and drops its own database. BENCH_SECONDS (default 10) per measurement.
 * BENCH_SCALE=small for a quick run. BENCH_KEEP=1 keeps (and reuses) the generated database.
 * BENCH_CONCURRENCY (default 50) sets the number of concurrent connections.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgres } from '../src/db/database.ts';
import { cityScale, generateCityData, type Scale } from './generate.ts';
import { closedLoop, type LoadResult } from './load.ts';

const root = path.resolve(import.meta.dirname, '..');
const serverUrl =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = 'kasane_bench';
const benchUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
})();
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const poolSize = 10;
const port = 3297;
const scale: Scale =
  process.env.BENCH_SCALE === 'small'
    ? { persons: 10_000, consultations: 30_000, cases: 500, supportReports: 20_000 }
    : cityScale;
const queryLog = path.join(os.tmpdir(), `kasane-bench-queries-${process.pid}.jsonl`);

const log = (line: string) => console.log(line);

async function prepareDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount;
  if (exists && process.env.BENCH_KEEP) {
    log(`reusing database ${dbName}`);
    await admin.end();
    return;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(
    `CREATE DATABASE ${dbName} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  await admin.end();
  log(`generating ${JSON.stringify(scale)} into ${dbName}`);
  const database = openPostgres(benchUrl, 4);
  try {
    await generateCityData(database, scale, log);
  } finally {
    await database.close();
  }
}

async function dropDatabase(): Promise<void> {
  if (process.env.BENCH_KEEP) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}

function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin/kasane.mjs'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: benchUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      KASANE_DEMO: 'false',
      KASANE_DB_POOL_SIZE: String(poolSize),
      KASANE_QUERY_LOG: queryLog,
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Kasane is running')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

interface Session {
  cookie: string;
  csrf: string;
}

function request(
  method: string,
  url: string,
  session: Session | null,
  body?: unknown,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (session) headers.cookie = session.cookie;
    if (session && method !== 'GET') headers['x-csrf-token'] = session.csrf;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const req = http.request({ host: '127.0.0.1', port, path: url, method, headers, agent }, (res) => {
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
  const response = await request('POST', '/api/session', null, { loginId, password: 'kasane-demo' });
  if (response.status !== 200) throw new Error(`sign-in ${loginId}: ${response.status} ${response.body}`);
  const cookie = String(response.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  return { cookie, csrf: JSON.parse(response.body).csrfToken };
}

interface Captured {
  sql: string;
  parameters: unknown[];
}

/** The statements one request issued, as logged by the server (KASANE_QUERY_LOG). */
async function capture(run: () => Promise<void>): Promise<Captured[]> {
  fs.writeFileSync(queryLog, '');
  await run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return fs
    .readFileSync(queryLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Captured);
}

/**
 * Replay a request's statements raw through `pg`, in one transaction when the request used one.
 * The ids of inserted rows (the value bound to an INSERT's "id" column) are replaced by fresh
 * UUIDs each time, so the replay inserts new rows as the route does.
 */
function replayer(statements: Captured[], pool: pg.Pool) {
  const fresh = new Set<string>();
  for (const statement of statements) {
    const insert = /^\s*insert into "?\w+"? \(([^)]*)\) values \(([^)]*)\)/i.exec(statement.sql);
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
    const client = await pool.connect();
    try {
      if (transactional) await client.query('BEGIN');
      for (const statement of statements) {
        const parameters = statement.parameters.map((v) =>
          typeof v === 'string' && renamed.has(v) ? renamed.get(v) : v,
        );
        await client.query(statement.sql, parameters);
      }
      if (transactional) await client.query('COMMIT');
    } catch (error) {
      if (transactional) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

interface Row {
  operation: string;
  kasane: LoadResult;
  raw: LoadResult;
  statements: number;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

async function main(): Promise<void> {
  await prepareDatabase();
  const server = await startServer();
  const pool = new pg.Pool({ connectionString: benchUrl, max: poolSize });
  const rows: Row[] = [];
  try {
    const caseworker = await signIn('houkatsu');
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

    const operations: { name: string; run: (worker: number, i: number) => Promise<void>; expect: number }[] =
      [
        {
          name: 'cases.list (caseworker, 20 per page)',
          expect: 200,
          run: async () => {
            const r = await request('GET', '/api/cases?limit=20', caseworker);
            if (r.status !== 200) throw new Error(`cases.list ${r.status} ${r.body.slice(0, 200)}`);
          },
        },
        {
          name: 'persons.search (by kana)',
          expect: 200,
          run: async (w, i) => {
            const kana = kanaQueries[(w + i) % kanaQueries.length] ?? 'ヤマダ';
            const r = await request(
              'GET',
              `/api/persons?kana=${encodeURIComponent(kana)}&limit=20`,
              caseworker,
            );
            if (r.status !== 200) throw new Error(`persons.search ${r.status} ${r.body.slice(0, 200)}`);
          },
        },
        {
          name: 'supportReports.create (with audit event)',
          expect: 201,
          run: async (w, i) => {
            const item = items[(w * 7 + i) % items.length];
            const r = await request('POST', '/api/support-reports', caseworker, {
              planItemId: item?.id,
              supportedOn: '2026-11-20',
              content: '（ベンチマーク）訪問し、生活状況を確認した。',
              result: 'done',
            });
            if (r.status !== 201)
              throw new Error(`supportReports.create ${r.status} ${r.body.slice(0, 200)}`);
          },
        },
      ];

    for (const operation of operations) {
      log(`\n${operation.name}`);
      for (let i = 0; i < 200; i++) await operation.run(i % concurrency, i); // warm up
      const statements = (await capture(() => operation.run(0, 0))).filter(
        // the session lookup and touch belong to the access gate, not to the operation's SQL
        (s) => !/from "sessions"|update "sessions"/i.test(s.sql),
      );
      const kasane = await closedLoop({ concurrency, durationMs: seconds * 1000, task: operation.run });
      log(
        `  Kasane over HTTP: ${fmt(kasane.throughput, 0)} req/s, p50 ${fmt(kasane.p50)} ms, p95 ${fmt(kasane.p95)} ms`,
      );
      const replay = replayer(statements, pool);
      for (let i = 0; i < 200; i++) await replay();
      const raw = await closedLoop({ concurrency, durationMs: seconds * 1000, task: replay });
      log(
        `  same ${statements.length} statements raw through pg: ${fmt(raw.throughput, 0)} ops/s, p95 ${fmt(raw.p95)} ms`,
      );
      rows.push({ operation: operation.name, kasane, raw, statements: statements.length });
    }
  } finally {
    await pool.end();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(queryLog, { force: true });
    await dropDatabase();
  }

  const lines = [
    `Kasane benchmark — ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}, PostgreSQL, pool ${poolSize}, ${concurrency} connections, ${seconds} s each`,
    `Data: ${scale.persons} persons, ${scale.consultations} consultations, ${scale.cases} cases, ${scale.supportReports} support reports (synthetic).`,
    '',
    '| operation | Kasane req/s | p50 ms | p95 ms | raw pg ops/s | raw p95 ms | Kasane ÷ raw throughput |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.operation} | ${fmt(r.kasane.throughput, 0)} | ${fmt(r.kasane.p50)} | ${fmt(r.kasane.p95)} | ${fmt(r.raw.throughput, 0)} | ${fmt(r.raw.p95)} | ${fmt(r.kasane.throughput / r.raw.throughput, 2)}× |`,
    ),
  ];
  const report = lines.join('\n');
  console.log(`\n${report}\n`);
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results/latest.md'), `${report}\n`);
}

await main();
