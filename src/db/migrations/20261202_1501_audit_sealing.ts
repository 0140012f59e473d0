import { type Kysely, sql } from 'kysely';

/**
 * The audit trail without a lock held across a request's transaction (docs/adr/0009): a request
 * appends its events and a line in `audit_pending`; a sealer chains them shortly after commit into
 * `audit_seals`, one hash chain per municipality, whose newest link `audit_seal_heads` records.
 * Events written before this migration keep their hashes in their own row and their 32 chains
 * (ADR 0004), which `kasane audit verify` still walks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // New events carry no hash of their own: their seal does.
  await sql`ALTER TABLE audit_events ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`.execute(
    db,
  );

  // Events committed but not yet sealed, by scope (the tenant's id as text, or 'none' for events no
  // tenant can be named for). The request role may only insert here, in its own tenant's scope.
  await db.schema
    .createTable('audit_pending')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .execute();

  // The seal chain: position n links event `event_seq` to the seal before it in its scope.
  await db.schema
    .createTable('audit_seals')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('event_seq', 'bigint', (c) => c.notNull().unique())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('sealed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('audit_seals_pkey', ['scope', 'position'])
    .execute();
  await db.schema
    .createTable('audit_seal_heads')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  // Seals are append-only like the events they seal.
  await sql`
    CREATE FUNCTION audit_seals_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_seals is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_seals
    FOR EACH STATEMENT EXECUTE FUNCTION audit_seals_append_only()`.execute(db);

  // Fewer indexes to maintain on every event: the chain index serves only the legacy chains now,
  // and the actor index is covered by (tenant_id, actor_user_id, seq) of migration 0008.
  await sql`DROP INDEX audit_events_chain_idx`.execute(db);
  await sql`CREATE INDEX audit_events_legacy_chain_idx ON audit_events (tenant_id, chain, seq) WHERE hash IS NOT NULL`.execute(
    db,
  );
  await sql`DROP INDEX audit_events_actor_idx`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
