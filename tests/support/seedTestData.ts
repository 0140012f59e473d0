import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { seedSecondTenant } from './secondTenant.ts';

/**
 * Test data: the demo municipality with its accounts (tests sign in as the demo users), and a
 * second municipality (霧島市) with casework made through the API, so tenant isolation is testable.
 */
export async function seedTestData(database: Database): Promise<void> {
  const db: Kysely<DB> = database.db;
  await seedDemo(db, { production: false });
  const app = await buildApp({ ...loadConfig({ ...process.env, LOG_LEVEL: 'error' }), port: 0 }, database);
  try {
    await seedSecondTenant(db, app);
  } finally {
    await app.close();
  }
  // that casework signed in through the API: every copy of the template would otherwise start with
  // those sign-ins counted against 127.0.0.1 for the run's first minute
  await db.deleteFrom('rate_limit_windows').execute();
}
