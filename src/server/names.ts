import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * The names a form, a file or an answer prints for the municipality, an organisation or a user,
 * read by id (usually the signed-in actor's own, which always exist).
 */

/** The municipality's name. */
export async function tenantName(db: Kysely<DB>, tenantId: string): Promise<string> {
  const tenant = await db
    .selectFrom('tenants')
    .select('name')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return tenant.name;
}

/** The organisation's name, or undefined when there is no such organisation. */
export async function organizationName(db: Kysely<DB>, organizationId: string): Promise<string | undefined> {
  const organization = await db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return organization?.name;
}

/** The user's display name. */
export async function userDisplayName(db: Kysely<DB>, userId: string): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return user.display_name;
}
