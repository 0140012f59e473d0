import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.ts';
import { loadStatistics } from '../../src/db/statistics.ts';
import { statisticsPeriod } from '../../src/domain/statistics.ts';
import { derivedDataFile, itSurvivesRollbackAndRestore } from '../support/derivedData.ts';
import { asRequestRole, insertCopies } from '../support/testDatabase.ts';

/**
 * The consultations' monthly tallies (migration 20261203_0102), which the city-wide statistics read
 * instead of the records: after every kind of write — a bulk insert, updates that move rows between
 * months, counters, 経路 and 内容 or move none, deletes, a rolled-back write, a write by the request
 * role under row-level security — they hold exactly what counting the records gives.
 */

const file = derivedDataFile([
  {
    name: 'consultation_tallies',
    kept: sql`
      SELECT tenant_id::text, month::text, organization_id::text, channel, main_topic, topics::text, n
      FROM consultation_tallies WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
    derived: sql`
      SELECT tenant_id::text, date_trunc('month', received_on::timestamp)::date::text AS month, organization_id::text,
        channel, main_topic, topics::text, count(*)::int AS n
      FROM consultations GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
  },
]);

/** Copies of `count` existing consultations, new ids, received `days` later, inserted in one statement. */
const copyConsultations = (executor: Kysely<DB>, count: number, days: number) =>
  insertCopies(executor, 'consultations', count, { received_on: sql`received_on + ${days}::int` });

describe('consultation_tallies', () => {
  it('hold the seeded consultations', async () => {
    expect((await file.snapshot())[0]?.length).toBeGreaterThan(0);
    await file.expectKeptMatchDerived();
  });

  it('follow a bulk insert, updates of every counted column, an update of none, and deletes', async () => {
    const ids = [...(await copyConsultations(file.db, 4, 40)), ...(await copyConsultations(file.db, 4, 75))];
    expect(ids).toHaveLength(8);
    await file.expectKeptMatchDerived();

    // moves between months (and within one), counters, 経路, 主な内容 and 内容, several rows at once
    const other = await file.db
      .selectFrom('organizations')
      .select('id')
      .where('tenant_id', '=', file.tenantId)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await sql`UPDATE consultations SET received_on = received_on + 95 WHERE id = ANY(${ids.slice(0, 2)}::uuid[])`.execute(
      file.db,
    );
    await sql`UPDATE consultations SET received_on = date_trunc('month', received_on::timestamp)::date
      WHERE id = ANY(${ids.slice(2, 4)}::uuid[])`.execute(file.db);
    await sql`UPDATE consultations SET organization_id = ${other.id}, channel = 'phone', main_topic = 'money',
      topics = ARRAY['money', 'work'] WHERE id = ANY(${ids.slice(1, 6)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();

    const before = await file.snapshot();
    await sql`UPDATE consultations SET content = content || '（追記）' WHERE id = ANY(${ids}::uuid[])`.execute(
      file.db,
    );
    expect(await file.snapshot()).toEqual(before);

    await sql`DELETE FROM consultations WHERE id = ANY(${ids.slice(0, 3)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
    await sql`DELETE FROM consultations WHERE id = ANY(${ids.slice(3)}::uuid[])`.execute(file.db);
    await file.expectKeptMatchDerived();
  });

  it('are kept by writes of the request role under row-level security', async () => {
    await asRequestRole(file.db, file.tenantId, async (tx) => {
      const ids = await copyConsultations(tx, 4, 200);
      await sql`UPDATE consultations SET received_on = received_on + 31 WHERE id = ${ids[0]}`.execute(tx);
      await sql`DELETE FROM consultations WHERE id = ${ids[1]}`.execute(tx);
    });
    await file.expectKeptMatchDerived();
  });

  itSurvivesRollbackAndRestore(file, (tx) => copyConsultations(tx, 3, 400), ['consultation_tallies']);

  it('give the city-wide statistics the same consultation figures as the records', async () => {
    const { rows } = await sql<{ fy: number }>`
      SELECT DISTINCT (extract(year FROM received_on - interval '3 months'))::int AS fy FROM consultations`.execute(
      file.db,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { fy } of rows) {
      for (const [from, to] of [
        [undefined, undefined],
        [`${fy}-05`, `${fy + 1}-02`],
      ] as const) {
        const result = statisticsPeriod(fy, from, to);
        if (!result.ok) throw new Error(result.reason);
        const { period } = result;
        const stats = await loadStatistics(file.db, { kind: 'city', tenantId: file.tenantId }, period);
        const records = await sql<{ org: string; channel: string; main: string; month: string; n: number }>`
          SELECT organization_id::text AS org, channel, main_topic AS main, to_char(received_on, 'YYYY-MM') AS month,
            count(*)::int AS n
          FROM consultations WHERE tenant_id = ${file.tenantId} AND received_on BETWEEN ${period.start}::date AND ${period.end}::date
          GROUP BY 1, 2, 3, 4`.execute(file.db);
        const by = (key: 'org' | 'channel' | 'main' | 'month') => {
          const m = new Map<string, number>();
          for (const r of records.rows) m.set(r[key], (m.get(r[key]) ?? 0) + r.n);
          return Object.fromEntries([...m].sort());
        };
        const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort());
        expect(sorted(stats.consultationsByOrganization)).toEqual(by('org'));
        expect(sorted(stats.consultationsByChannel)).toEqual(by('channel'));
        expect(sorted(stats.consultationsByMainTopic)).toEqual(by('main'));
        expect(sorted(stats.consultationsByMonth)).toEqual(by('month'));
        const topics = await sql<{ k: string; n: number }>`
          SELECT topic AS k, count(*)::int AS n FROM consultations CROSS JOIN LATERAL unnest(topics) AS topic
          WHERE tenant_id = ${file.tenantId} AND received_on BETWEEN ${period.start}::date AND ${period.end}::date
          GROUP BY 1`.execute(file.db);
        expect(sorted(stats.consultationsByTopic)).toEqual(
          Object.fromEntries(topics.rows.map((r) => [r.k, r.n]).sort()),
        );
      }
    }
  });
});
