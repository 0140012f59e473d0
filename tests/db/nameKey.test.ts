import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { nameKey, nameVariants } from '../../src/domain/nameKey.ts';
import { freshDatabase } from '../support/testDatabase.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

const samples = [
  '城山和夫',
  '城山　トメ',
  'しろやま かずお',
  'ｼﾛﾔﾏ ｶｽﾞｵ',
  '髙﨑花子',
  '渡邊・太郎',
  'Smith John',
  'ＳＭＩＴＨ',
  '葛\u{E0100}西',
  '\uFA10本',
  '𠮷田ゞ',
  ...nameVariants.map(([variant]) => variant),
];

describe('persons.name_key (kasane_name_key in SQL)', () => {
  it('computes the same key as src/domain/nameKey.ts for every sample', async () => {
    for (const sample of samples) {
      const row = await sql<{ key: string }>`SELECT kasane_name_key(${sample}) AS key`.execute(database.db);
      expect(row.rows[0]?.key, sample).toBe(nameKey(sample));
    }
  });

  it('is kept by the database for every person row, however it was written', async () => {
    const rows = await database.db
      .selectFrom('persons')
      .select(['family_name', 'given_name', 'name_key'])
      .limit(50)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.name_key).toBe(nameKey(`${row.family_name}${row.given_name}`));
  });
});
