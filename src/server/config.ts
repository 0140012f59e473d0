import path from 'node:path';
import { DEFAULT_PGLITE_SHARED_BUFFERS_MB } from '../db/database.ts';

/** Kasane's settings, all from environment variables (documented in README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent Kasane runs on the embedded database (PGlite). */
  databaseUrl: string | undefined;
  /** Connections in the PostgreSQL pool. */
  databasePoolSize: number;
  /** Embedded database directory (PGlite). */
  dataDir: string;
  /** The embedded database's buffer cache (shared_buffers) in MB. */
  pgliteSharedBuffersMb: number;
  /** Seed the demo tenant into an empty embedded database. */
  demo: boolean;
  production: boolean;
  /** Sign the user out after this many seconds without a request. */
  idleTimeoutSeconds: number;
  /** Sign the user out this many seconds after sign-in whatever the activity. */
  absoluteTimeoutSeconds: number;
  /** Failed sign-ins before a temporary lockout, and its length. */
  maxFailedSignIns: number;
  lockoutSeconds: number;
  /** Sign-in attempts (passwords and second-factor codes, each counted apart) per client address per minute. */
  signInsPerMinute: number;
  /** Trust X-Forwarded-* from a reverse proxy (for client IP and Secure cookies behind TLS). */
  trustProxy: boolean;
  /** Where the built web app is served from. */
  webRoot: string;
  logLevel: string;
  /** Serve the programme catalogue of the recidivism plan without sign-in (a public document). */
  publicCatalogue: boolean;
  /** serve the 社会資源 directory's HSDS export without sign-in or token (`?tenant=`) */
  publicDirectory: boolean;
  /** The most rows an audit-trail CSV export may hold; a larger selection is refused (narrow the filter). */
  auditExportMaxRows: number;
  /** Key for secrets kept in the database (TOTP seeds); required in production. */
  secretKey: string | undefined;
  /** Bearer token for GET /metrics; without it /metrics answers only on the loopback interface. */
  metricsToken: string | undefined;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: integer(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    databasePoolSize: integer(env, 'KASANE_DB_POOL_SIZE', 10),
    dataDir: path.resolve(env.KASANE_DATA_DIR || './data'),
    pgliteSharedBuffersMb: integer(env, 'KASANE_PGLITE_SHARED_BUFFERS_MB', DEFAULT_PGLITE_SHARED_BUFFERS_MB),
    demo: flag(env, 'KASANE_DEMO', !production && !databaseUrl),
    production,
    idleTimeoutSeconds: integer(env, 'KASANE_IDLE_TIMEOUT_MINUTES', 30) * 60,
    absoluteTimeoutSeconds: integer(env, 'KASANE_ABSOLUTE_TIMEOUT_HOURS', 12) * 3600,
    maxFailedSignIns: integer(env, 'KASANE_MAX_FAILED_SIGNINS', 5),
    lockoutSeconds: integer(env, 'KASANE_LOCKOUT_MINUTES', 15) * 60,
    signInsPerMinute: integer(env, 'KASANE_SIGNINS_PER_MINUTE', 30),
    trustProxy: flag(env, 'KASANE_TRUST_PROXY', false),
    webRoot: path.resolve(env.KASANE_WEB_ROOT || 'dist/web'),
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'warn'),
    publicCatalogue: flag(env, 'KASANE_PUBLIC_CATALOGUE', true),
    publicDirectory: flag(env, 'KASANE_PUBLIC_DIRECTORY', false),
    auditExportMaxRows: integer(env, 'KASANE_AUDIT_EXPORT_MAX_ROWS', 100_000),
    secretKey: env.KASANE_SECRET_KEY || undefined,
    metricsToken: env.KASANE_METRICS_TOKEN || undefined,
  };
}
