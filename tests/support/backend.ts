/** Which database the suite runs on: real PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export type Backend = 'pglite' | 'postgres';

export function testBackend(): Backend {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

/** A database URL naming another database on the same server. */
export function databaseUrlFor(name: string): string {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of the gzip dump of a migrated, seeded database. Postgres: the template database's name. */
    databaseTemplate: string;
  }
}
