import { type Kysely, sql } from 'kysely';

/**
 * Accounts and sessions (issue 4, privacy):
 * - `tenant_settings`: the city's switches, first of them 「管理者・重層事業担当にTOTPを必須とする」.
 * - `user_totp`: a user's TOTP secret (AES-256-GCM encrypted, never plain), when it was turned on,
 *   and the last time step used (replay refusal).
 * - `totp_recovery_codes`: one-time recovery codes, stored as SHA-256 hashes.
 * - `sign_in_challenges`: a sign-in that passed the password and waits for its second factor;
 *   stored under the hash of a short-lived cookie token bound to that attempt.
 * - `cases.assigned_user_id`: the worker (担当職員) carrying a case inside its organisation — the one
 *   responsibility held by a person rather than an organisation, moved at the April reshuffle.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tenant_settings')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id'))
    .addColumn('totp_required_for_staff', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('secret_encrypted', 'text', (c) => c.notNull())
    .addColumn('activated_at', 'timestamptz')
    .addColumn('last_used_step', 'bigint')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('totp_recovery_codes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('totp_recovery_codes_user_idx')
    .on('totp_recovery_codes')
    .columns(['user_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('sign_in_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('consumed_at', 'timestamptz')
    .execute();

  await db.schema
    .alterTable('cases')
    .addColumn('assigned_user_id', 'uuid', (c) => c.references('users.id'))
    .execute();
  await sql`CREATE INDEX cases_assigned_user_idx ON cases (assigned_user_id) WHERE assigned_user_id IS NOT NULL`.execute(
    db,
  );
  // Listing one's own live sessions (sessions.list).
  await sql`CREATE INDEX sessions_user_live_idx ON sessions (user_id, created_at DESC) WHERE revoked_at IS NULL`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
