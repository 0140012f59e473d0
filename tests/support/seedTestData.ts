import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';

/** Test data: the demo municipality with its accounts (tests sign in as the demo users). */
export async function seedTestData(db: Kysely<DB>): Promise<void> {
  await seedDemo(db, { production: false });
}
