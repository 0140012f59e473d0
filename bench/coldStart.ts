/**
 * How long the embedded app takes to answer after its process starts (issue 15's target: 3 s), beside
 * the same for a bare Fastify process (bench/bareServer.mjs), measured in the same run:
 *
 *   first start  `kasane start` on an empty data directory: the embedded database is created and
 *                migrated and the demo municipality seeded, as on `npm start`'s first run;
 *   restart      `kasane start` again on that directory (the everyday start), three times
 *                (BENCH_RESTARTS: `npm test`'s quick run, which checks that the bench runs, starts once);
 *   bare Fastify a Node process that imports Fastify and answers one route, as many times: what any
 *                Node server costs on this machine at this minute.
 *
 * Each figure runs from the spawn of the process to the first 200 from GET /api/ready, which answers
 * once the database has opened and every migration is applied.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const port = 3296;
const restarts = Math.max(1, Number(process.env.BENCH_RESTARTS ?? 3) || 3);
const giveUpMs = 120_000;

export interface ColdStartFigures {
  /** whether Kasane ran from the server bundle (`npm run build`) or from the sources through tsx */
  runner: 'bundle' | 'sources';
  firstStartMs: number;
  restartMs: number[];
  bareFastifyMs: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function coldStartSummary(figures: ColdStartFigures) {
  const restart = median(figures.restartMs);
  const bare = median(figures.bareFastifyMs);
  return {
    runner: figures.runner,
    firstStartMs: figures.firstStartMs,
    restartMs: { median: restart, runs: figures.restartMs },
    bareFastifyMs: { median: bare, runs: figures.bareFastifyMs },
    ratioToBareFastify: Math.round((restart / bare) * 100) / 100,
    targetMs: 3000,
  };
}

function ready(): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/ready', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Spawn, poll until ready, stop; the milliseconds from spawn to the first 200. */
async function timeStart(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
      if (performance.now() - started > giveUpMs)
        throw new Error(`${args.join(' ')} did not answer: ${stderr}`);
      if (await ready()) return Math.round(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function usesBundle(): boolean {
  const bundle = path.join(root, 'dist/server/kasane.mjs');
  if (!fs.existsSync(bundle)) return false;
  const built = fs.statSync(bundle).mtimeMs;
  const sources = fs.readdirSync(path.join(root, 'src'), { withFileTypes: true, recursive: true });
  return sources.every(
    (entry) => !entry.isFile() || fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs <= built,
  );
}

export async function measureColdStart(log: (line: string) => void): Promise<ColdStartFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-bench-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    KASANE_DATA_DIR: path.join(dataDir, 'data'),
    KASANE_SECRET_KEY: randomBytes(48).toString('base64'),
    LOG_LEVEL: 'error',
  };
  // as `npm start` runs: the embedded database, demo data, the real password hashing
  for (const name of ['DATABASE_URL', 'NODE_ENV', 'KASANE_PASSWORD_HASH', 'KASANE_DEMO']) delete env[name];
  const kasane = [path.join(root, 'bin/kasane.mjs'), 'start'];
  const bare = [path.join(import.meta.dirname, 'bareServer.mjs')];
  try {
    const runner = usesBundle() ? 'bundle' : 'sources';
    const firstStartMs = await timeStart(kasane, env);
    const restartMs: number[] = [];
    const bareFastifyMs: number[] = [];
    // alternately, so that both see the same minute of the machine
    for (let i = 0; i < restarts; i++) {
      restartMs.push(await timeStart(kasane, env));
      bareFastifyMs.push(await timeStart(bare, env));
    }
    const figures = { runner, firstStartMs, restartMs, bareFastifyMs } as const;
    const summary = coldStartSummary(figures);
    log(
      `start of the embedded app (${runner}): first ${firstStartMs} ms, restart ${summary.restartMs.median} ms ` +
        `(${restartMs.join(', ')}), bare Fastify ${summary.bareFastifyMs.median} ms (${bareFastifyMs.join(', ')})`,
    );
    return figures;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
