import { type Kysely, sql } from 'kysely';

/**
 * Issue #13: the administrator can require a user to change their password at the next sign-in
 * (a new account, a password reset, or any time from the account's page). Until the user changes
 * it, the access gate opens only the change-password page and what it needs; a successful change
 * clears the flag (src/server/authentication.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Kasane migrations are forward-only');
}
