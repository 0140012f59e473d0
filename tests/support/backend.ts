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
    /** PGlite: path of the (uncompressed) dump of a migrated, seeded database. Postgres: the template database's name. */
    databaseTemplate: string;
    /**
     * PGlite: path of the dump of a new cluster, before any migration: loading it costs about a third
     * of the CPU of PGlite's initdb (1.6 against 3.6–6 CPU-s). Postgres: empty (not made).
     */
    emptyCluster: string;
  }
}
