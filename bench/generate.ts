import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/db/seed/demo.ts';
import { householdFlags, issueCodes } from '../src/domain/codeLists.ts';

/** City-scale synthetic data (issue 3): every person is generated; no real personal data. */
export interface Scale {
  persons: number;
  consultations: number;
  cases: number;
  supportReports: number;
}

/** BENCH_SCALE: `small` for a quick run (and the test suite), `city` a city of 600k, `city10` ten times that. */
export const scales = {
  small: { persons: 10_000, consultations: 30_000, cases: 500, supportReports: 20_000 },
  city: { persons: 100_000, consultations: 300_000, cases: 5_000, supportReports: 200_000 },
  city10: { persons: 1_000_000, consultations: 3_000_000, cases: 50_000, supportReports: 2_000_000 },
} satisfies Record<string, Scale>;
export type ScaleName = keyof typeof scales;
export const cityScale: Scale = scales.city;

// Katakana syllables for synthetic family and given names (readings only; kanji are placeholders).
const familyKana = [
  'ヤマダ',
  'タナカ',
  'スズキ',
  'サトウ',
  'タカハシ',
  'イトウ',
  'ワタナベ',
  'ナカムラ',
  'コバヤシ',
  'カトウ',
  'ヨシダ',
  'ヤマモト',
  'サイトウ',
  'マツモト',
  'イノウエ',
  'キムラ',
  'ハヤシ',
  'シミズ',
  'ヤマグチ',
  'モリ',
  'イケダ',
  'ハシモト',
  'アベ',
  'イシカワ',
  'ヤマシタ',
  'ナカジマ',
  'イシイ',
  'オガワ',
  'マエダ',
  'オカダ',
  'ハセガワ',
  'フジタ',
  'ゴトウ',
  'コンドウ',
  'ムラカミ',
  'エンドウ',
  'アオキ',
  'サカモト',
  'サイトウ',
  'フクダ',
];
const familyKanji = [
  '山田',
  '田中',
  '鈴木',
  '佐藤',
  '高橋',
  '伊藤',
  '渡辺',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山本',
  '斎藤',
  '松本',
  '井上',
  '木村',
  '林',
  '清水',
  '山口',
  '森',
  '池田',
  '橋本',
  '阿部',
  '石川',
  '山下',
  '中島',
  '石井',
  '小川',
  '前田',
  '岡田',
  '長谷川',
  '藤田',
  '後藤',
  '近藤',
  '村上',
  '遠藤',
  '青木',
  '坂本',
  '齋藤',
  '福田',
];
const givenKana = [
  'タロウ',
  'ハナコ',
  'イチロウ',
  'ジロウ',
  'サブロウ',
  'ヨシコ',
  'ケイコ',
  'マサオ',
  'ヒロシ',
  'アキラ',
  'ユミ',
  'ミホ',
  'ショウタ',
  'ダイスケ',
  'サクラ',
  'ツバサ',
  'ケンタ',
  'アヤ',
  'マナブ',
  'ノリコ',
];
const givenKanji = [
  '太郎',
  '花子',
  '一郎',
  '次郎',
  '三郎',
  '良子',
  '恵子',
  '正夫',
  '博',
  '明',
  '由美',
  '美穂',
  '翔太',
  '大輔',
  'さくら',
  '翼',
  '健太',
  '彩',
  '学',
  '典子',
];

const arr = (values: string[]) => sql.raw(`ARRAY[${values.map((v) => `'${v}'`).join(',')}]`);

/**
 * Migrate, seed the demo tenant (organisations and accounts), and generate the city-scale rows in
 * bulk SQL (INSERT … SELECT generate_series), so generation takes seconds, not hours.
 */
export async function generateCityData(
  database: Database,
  scale: Scale,
  log: (line: string) => void,
): Promise<void> {
  const { db } = database;
  await migrateToLatest(db);
  await seedDemo(db, { production: false });
  const tenant = await db
    .selectFrom('tenants')
    .select('id')
    .where('code', '=', 'kagoshima')
    .executeTakeFirstOrThrow();
  const t = tenant.id;
  const started = Date.now();
  const step = async (label: string, statement: ReturnType<typeof sql>) => {
    const at = Date.now();
    await statement.execute(db);
    log(`  ${label} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
  };

  // Counters where consultations are taken, and agencies that hold plan items.
  await step(
    'counters',
    sql`CREATE TEMP TABLE bench_counters AS
        SELECT row_number() OVER (ORDER BY name) - 1 AS n, id FROM organizations
        WHERE tenant_id = ${t} AND (kind = 'consultationAgency' OR name IN ('保護第一課', '鹿児島保護観察所'))`,
  );
  await step(
    'agencies',
    sql`CREATE TEMP TABLE bench_agencies AS
        SELECT row_number() OVER (ORDER BY name) - 1 AS n, id FROM organizations
        WHERE tenant_id = ${t} AND kind IN ('consultationAgency', 'citySection', 'relatedAgency') AND NOT is_coordinating_section`,
  );
  const users = sql`(SELECT id FROM users WHERE login_id = 'houkatsu')`;
  const coordinator = sql`(SELECT id FROM organizations WHERE tenant_id = ${t} AND is_coordinating_section LIMIT 1)`;
  const coordinatorUser = sql`(SELECT id FROM users WHERE login_id = 'coordinator')`;

  await step(
    `${scale.persons} persons`,
    sql`INSERT INTO persons (id, tenant_id, family_name, given_name, family_name_kana, given_name_kana, kana_key,
          birth_date, sex, address, phones, registered_by_organization_id)
        SELECT gen_random_uuid(), ${t},
          (${arr(familyKanji)})[1 + i % ${familyKanji.length}],
          (${arr(givenKanji)})[1 + (i / ${familyKanji.length}) % ${givenKanji.length}],
          (${arr(familyKana)})[1 + i % ${familyKana.length}],
          (${arr(givenKana)})[1 + (i / ${familyKana.length}) % ${givenKana.length}] || chr(12450 + i % 80),
          (${arr(familyKana)})[1 + i % ${familyKana.length}] || (${arr(givenKana)})[1 + (i / ${familyKana.length}) % ${givenKana.length}] || chr(12450 + i % 80),
          DATE '1930-01-01' + ((i::bigint * 7919) % 30000)::int,
          CASE i % 2 WHEN 0 THEN 'male' ELSE 'female' END,
          '鹿児島市（生成データ）' || i || '番地', '[]'::jsonb,
          (SELECT id FROM bench_counters WHERE n = i % (SELECT count(*) FROM bench_counters))
        FROM generate_series(1, ${scale.persons}) AS i`,
  );
  await step(
    'person numbering',
    sql`CREATE TEMP TABLE bench_persons AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM persons WHERE tenant_id = ${t}`,
  );
  await sql`CREATE INDEX ON bench_persons (n)`.execute(db);

  await step(
    `${scale.consultations} households, members and consultations`,
    sql`WITH c AS (
          SELECT i, gen_random_uuid() AS household_id, gen_random_uuid() AS consultation_id,
            (SELECT id FROM bench_persons WHERE n = 1 + (i * 31) % ${scale.persons}) AS person_id,
            (SELECT id FROM bench_counters WHERE n = i % (SELECT count(*) FROM bench_counters)) AS organization_id
          FROM generate_series(1, ${scale.consultations}) AS i),
        h AS (INSERT INTO households (id, tenant_id) SELECT household_id, ${t} FROM c),
        m AS (INSERT INTO household_members (id, tenant_id, household_id, person_id, relation, living_together)
              SELECT gen_random_uuid(), ${t}, household_id, person_id, 'self', true FROM c)
        INSERT INTO consultations (id, tenant_id, organization_id, received_on, received_by, person_id, household_id,
          visitor, channel, topics, main_topic, content, consent_to_share, outcome, status)
        SELECT consultation_id, ${t}, organization_id, DATE '2024-04-01' + i % 960, ${users}, person_id, household_id,
          'null'::jsonb, 'visit', ARRAY['family', 'care'], 'care', '（生成データ）相談内容 ' || i, true,
          CASE WHEN i <= ${scale.cases} THEN 'handover' ELSE 'ownAgency' END,
          CASE WHEN i <= ${scale.cases} THEN 'handedOver' ELSE 'closed' END
        FROM c`,
  );

  await step(
    `${scale.cases} cases with participants, handovers and plans`,
    sql`CREATE TEMP TABLE bench_cases AS
        SELECT row_number() OVER (ORDER BY c.received_on, c.id) AS n, gen_random_uuid() AS case_id, gen_random_uuid() AS plan_id,
          c.id AS consultation_id, c.person_id, c.household_id, c.organization_id
        FROM consultations c WHERE c.tenant_id = ${t} AND c.outcome = 'handover'`,
  );
  // The next モニタリング of the n-th case: from six days past to twelve weeks ahead of the day the data is
  // generated, so that about one open case in fifteen is overdue, whenever the data is made.
  const monitoringDue = sql`(now() AT TIME ZONE 'Asia/Tokyo')::date - 6 + (n % 90)::int`;
  // the n-th case accepted on one of 900 days from April 2024
  const accepted = sql`DATE '2024-04-01' + (n % 900)::int`;
  await step(
    'case rows',
    sql`INSERT INTO cases (id, tenant_id, case_number, household_id, primary_person_id, stage, coordinating_organization_id,
          accepted_on, next_monitoring_on, updated_at)
        SELECT case_id, ${t}, 'B' || lpad(n::text, 6, '0'), household_id, person_id,
          CASE WHEN n % 10 = 0 THEN 'closed' WHEN n % 10 = 1 THEN 'assessing' ELSE 'supporting' END,
          ${coordinator}, ${accepted}, ${monitoringDue}, now() - (n || ' minutes')::interval
        FROM bench_cases`,
  );
  await step(
    'case persons, handovers, participants',
    sql`WITH cp AS (INSERT INTO case_persons (case_id, person_id, tenant_id, is_target) SELECT case_id, person_id, ${t}, true FROM bench_cases),
        ho AS (INSERT INTO handovers (id, tenant_id, consultation_id, from_organization_id, to_organization_id, reason, services_tried,
                 status, decided_by, decided_at, case_id)
               SELECT gen_random_uuid(), ${t}, consultation_id, organization_id, ${coordinator}, '（生成データ）', '（生成データ）',
                 'accepted', ${coordinatorUser}, now(), case_id FROM bench_cases),
        p1 AS (INSERT INTO case_participants (id, tenant_id, case_id, organization_id, basis, scope, legal_basis)
               SELECT gen_random_uuid(), ${t}, case_id, organization_id, 'intake', 'case', 'intake' FROM bench_cases)
        INSERT INTO case_participants (id, tenant_id, case_id, organization_id, basis, scope, legal_basis)
        SELECT gen_random_uuid(), ${t}, case_id, ${coordinator}, 'coordinator', 'case', 'coordination' FROM bench_cases`,
  );
  // 課題整理: every case past intake has one (the assessing tenth not yet), every fifth a second
  // version, with 世帯類型 and 課題 drawn in turn from the code lists
  const codes = (list: readonly string[]) =>
    sql`ARRAY[${sql.join(list.map((code) => sql.lit(code)))}]::text[]`;
  const issues = codes(issueCodes);
  const flags = codes(householdFlags.map((flag) => flag.code));
  await step(
    'assessments',
    sql`INSERT INTO assessments (id, tenant_id, case_id, version, issues, household_flags, summary, recorded_by)
        SELECT gen_random_uuid(), ${t}, case_id, v,
          ARRAY[(${issues})[1 + (n + v) % ${issueCodes.length}], (${issues})[1 + (n * 7) % ${issueCodes.length}]],
          CASE WHEN n % 3 = 0 THEN ARRAY[(${flags})[1 + n % ${householdFlags.length}]] ELSE ARRAY[]::text[] END,
          '（生成データ）課題整理', ${coordinatorUser}
        FROM bench_cases, generate_series(1, 2) AS v
        WHERE n % 10 <> 1 AND (v = 1 OR n % 5 = 0)`,
  );
  // Each case's plan approved two to six weeks after the case was accepted (never after the day the
  // data is generated), at 10:00 in Tokyo, as a city's 支援会議 would approve them over the years: a
  // 年度's figures count that 年度's plans, not every plan ever made.
  const planApproved = sql`least(now(), ((${accepted} + 14 + (n % 28)::int)::timestamp
    + time '10:00') AT TIME ZONE 'Asia/Tokyo')`;
  await step(
    'plans and items',
    sql`WITH pl AS (INSERT INTO support_plans (id, tenant_id, case_id, version, status, wishes, long_term_goal, short_term_goals,
                      next_monitoring_on, approved_at, approved_by, created_by)
                    SELECT plan_id, ${t}, case_id, 1, 'approved', '（生成データ）', '（生成データ）', '（生成データ）',
                      ${monitoringDue}, ${planApproved}, ${coordinatorUser}, ${coordinatorUser} FROM bench_cases WHERE n % 10 > 1),
        items AS (
          SELECT b.case_id, b.plan_id, k AS position,
            (SELECT id FROM bench_agencies WHERE n = (b.n + k * 7) % (SELECT count(*) FROM bench_agencies)) AS organization_id
          FROM bench_cases b, generate_series(1, 3) AS k WHERE b.n % 10 > 1),
        ins AS (INSERT INTO plan_items (id, tenant_id, plan_id, case_id, position, content, organization_id, frequency, period_from, period_to, links)
                SELECT gen_random_uuid(), ${t}, plan_id, case_id, position, '（生成データ）支援内容', organization_id, '月1回',
                  DATE '2024-04-01', DATE '2027-03-31',
                  -- one item in ten links to 参加支援, one in ten to アウトリーチ
                  CASE (abs(hashtext(case_id::text)) + position) % 10 WHEN 0 THEN ARRAY['participationSupport']
                    WHEN 5 THEN ARRAY['outreach'] ELSE ARRAY[]::text[] END
                FROM items RETURNING id, case_id, organization_id)
        INSERT INTO case_participants (id, tenant_id, case_id, organization_id, basis, scope, legal_basis, source_id)
        SELECT gen_random_uuid(), ${t}, case_id, organization_id, 'planItem', 'case', 'consent', id FROM ins`,
  );
  await step(
    `${scale.supportReports} support reports and their timeline entries`,
    sql`CREATE TEMP TABLE bench_items AS SELECT row_number() OVER (ORDER BY id) AS n, id, case_id, organization_id FROM plan_items WHERE tenant_id = ${t}`,
  );
  await sql`CREATE INDEX ON bench_items (n)`.execute(db);
  // Each item's reports a month apart (its frequency is 月1回), counted back from the day of
  // generation: nine items in ten last reported within the past four weeks, the tenth 31 to 111 days
  // ago (its report overdue), as a city whose agencies mostly report on time would have them. The
  // reports are dated from the day the data is generated, so a kept database ages with the calendar.
  await step(
    'reports',
    sql`WITH r AS (
          SELECT gen_random_uuid() AS id, it.id AS item_id, it.case_id, it.organization_id,
            (now() AT TIME ZONE 'Asia/Tokyo')::date
              - CASE WHEN it.n % 10 = 0 THEN 31 + (it.n * 7) % 90 ELSE it.n % 28 END::int
              - 30 * (i / (SELECT count(*) FROM bench_items))::int AS supported_on
          FROM generate_series(0, ${scale.supportReports} - 1) AS i
          JOIN bench_items it ON it.n = 1 + i % (SELECT count(*) FROM bench_items)),
        e AS (INSERT INTO case_events (id, tenant_id, case_id, occurred_at, kind, actor_organization_id, subject_id, summary)
              SELECT gen_random_uuid(), ${t}, case_id, (supported_on + time '10:00') AT TIME ZONE 'Asia/Tokyo', 'supportReported',
                organization_id, id, '（生成データ）支援報告' FROM r)
        INSERT INTO support_reports (id, tenant_id, case_id, plan_item_id, organization_id, reported_by, supported_on, content, result)
        SELECT id, ${t}, case_id, item_id, organization_id, ${users}, supported_on, '（生成データ）支援内容の報告', 'done' FROM r`,
  );
  // as autovacuum leaves a database some time after a bulk load: visibility map and hint bits set
  // (index-only scans answer from the index), statistics gathered
  await step('vacuum and analyze', sql`VACUUM (ANALYZE)`);
  log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
