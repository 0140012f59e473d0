import { type Kysely, sql } from 'kysely';

/**
 * Ended sessions and spent sign-in challenges are forgotten 90 days after they end (their client
 * address and browser with them; src/db/sessions.ts): every sign-in deletes its municipality's rows
 * that expired before then, through these indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX sessions_tenant_expiry_idx ON sessions (tenant_id, expires_at)`.execute(db);
  await sql`CREATE INDEX sign_in_challenges_tenant_expiry_idx ON sign_in_challenges (tenant_id, expires_at)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
