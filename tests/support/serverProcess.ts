import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** The repository's root, and the command line of Kasane (`node bin/kasane.mjs …`) run from it. */
export const repositoryRoot = path.resolve(import.meta.dirname, '../..');
export const kasaneCli = path.join(repositoryRoot, 'bin/kasane.mjs');

/** A TCP port on 127.0.0.1 that is free when asked. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real Kasane server process (`bin/kasane.mjs start`) on 127.0.0.1:`port`, with `env` over this
 * process's environment. It trusts X-Forwarded-For (simulated clients each sign in from their own
 * address: the sign-in rate limit is per client) and logs errors only; its output is kept for the
 * failure message.
 */
export class ServerProcess {
  child: ChildProcess | undefined;
  output = '';

  constructor(
    readonly env: Record<string, string>,
    readonly port: number,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Start the process and wait until /api/health answers; how long that took, in ms. */
  async start(): Promise<number> {
    const started = Date.now();
    const child = spawn(process.execPath, [kasaneCli, 'start'], {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        ...this.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        KASANE_TRUST_PROXY: 'true',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d) => {
      this.output += d;
    });
    child.stderr?.on('data', (d) => {
      this.output += d;
    });
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${this.output}`);
      try {
        if ((await fetch(`${this.base}/api/health`)).ok) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
  }

  /** SIGKILL: no shutdown hook runs, the lock file stays behind with a dead pid. */
  kill(): Promise<void> {
    return this.signal('SIGKILL');
  }

  /** SIGTERM: the server shuts down in order. */
  stop(): Promise<void> {
    return this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}
