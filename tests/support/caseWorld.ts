import type { FastifyInstance } from 'fastify';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { daysAhead } from '../../src/server/demo/demoDays.ts';
import { DemoUser } from '../../src/server/demo/demoUser.ts';
import {
  consultation,
  DemoCase,
  type DemoWorld,
  handoverIdOf,
  meetingKinds,
  type NewPerson,
  organizationsByName,
  report,
} from '../../src/server/demo/story.ts';

/**
 * A complete support flow for one case, made through the real API with the same helpers the demo
 * municipality's casework is made with (src/server/demo/story.ts): a consultation handed over
 * and accepted, a 課題整理, a 支援会議, a consent, a 重層的支援会議, an approved plan with an item for
 * every partner, a support report, and a second consultation whose handover is still pending.
 * All people are synthetic.
 */
export interface CaseWorld {
  caseId: string;
  personId: string;
  /** Another person of the household (a target for persons.link). */
  memberPersonId: string;
  consultationId: string;
  supportMeetingId: string;
  multilayerMeetingId: string;
  planId: string;
  /** Plan item id by the organisation holding it. */
  planItems: Record<string, string>;
  pendingHandoverId: string;
}

export interface CaseWorldSpec {
  coordinator: string;
  /** Login id of the counter that takes the consultation. */
  counter: string;
  counterOrganization: string;
  coordinatingOrganization: string;
  /** Organisations invited to the meetings and holding plan items. */
  partners: string[];
  /** Login ids of the partners' users, who acknowledge the 支援会議's confidentiality. */
  acknowledgers: string[];
  /** Login ids that file a support report on their organisation's item, by organisation name. */
  reporters?: Record<string, string>;
  people: { person: NewPerson; member: NewPerson; other: NewPerson };
}

/**
 * The case world most API test files build: 地域包括支援センター (houkatsu) takes the consultation and
 * hands it over to the coordinating section (coordinator), and 障害者相談支援事業所 is the one partner,
 * whose user shogai acknowledges the 支援会議. `reporters` file support reports, as in CaseWorldSpec.
 */
export const houkatsuHandoverWorld = (
  people: CaseWorldSpec['people'],
  reporters?: CaseWorldSpec['reporters'],
): CaseWorldSpec => ({
  coordinator: 'coordinator',
  counter: 'houkatsu',
  counterOrganization: '地域包括支援センター',
  coordinatingOrganization: '重層事業担当',
  partners: ['障害者相談支援事業所'],
  acknowledgers: ['shogai'],
  ...(reporters ? { reporters } : {}),
  people,
});

const signedIn = new WeakMap<FastifyInstance, Map<string, Promise<DemoUser>>>();

/** A user signed in in-process, once per app (sign-ins are rate-limited). */
export function demoUser(app: FastifyInstance, loginId: string): Promise<DemoUser> {
  let users = signedIn.get(app);
  if (!users) {
    users = new Map();
    signedIn.set(app, users);
  }
  let user = users.get(loginId);
  if (!user) {
    user = new DemoUser(app, loginId).signIn();
    users.set(loginId, user);
  }
  return user;
}

export async function buildCaseWorld(app: FastifyInstance, spec: CaseWorldSpec): Promise<CaseWorld> {
  const coordinator = await demoUser(app, spec.coordinator);
  const counter = await demoUser(app, spec.counter);
  const world: DemoWorld = {
    coordinator,
    orgs: await organizationsByName(coordinator),
    kinds: await meetingKinds(coordinator),
  };
  const taken = await DemoCase.accept(world, counter, {
    person: spec.people.person,
    members: [{ person: spec.people.member, relation: 'mother', livingTogether: true }],
    topics: ['withdrawal', 'care'],
    mainTopic: 'withdrawal',
    content: '（試験用）母の介護と本人のひきこもりが重なっている。',
    consentToShare: true,
    receivedDaysAgo: 60,
    outcome: {
      kind: 'handover',
      reason: '（試験用）介護とひきこもりが重なり、自機関だけでは対応が難しい。',
      servicesTried: '（試験用）介護保険サービスの案内。',
    },
  });
  const memberPersonId = taken.personIds.find((id) => id !== taken.personId) ?? taken.personId;
  await taken.assess(['withdrawal', 'elderlyCare'], ['8050'], '（試験用）8050世帯。');
  // the counter and the partners sit in the 支援会議 the coordinating section convenes, and acknowledge its confidentiality
  const acknowledgers = await Promise.all(
    [...new Set([spec.counter, ...spec.acknowledgers])].map((loginId) => demoUser(app, loginId)),
  );
  const supportMeetingId = await taken.heldMeeting(
    'supportMeeting',
    [...new Set([...spec.partners, spec.counterOrganization])],
    50,
    acknowledgers,
  );
  await taken.consent([...spec.partners, spec.counterOrganization, spec.coordinatingOrganization], 45);
  const multilayerMeetingId = await taken.heldMeeting('multilayerMeeting', spec.partners, 40);
  const holders = [...new Set([spec.counterOrganization, spec.coordinatingOrganization, ...spec.partners])];
  const plan = await taken.approvedPlan(
    multilayerMeetingId,
    holders.map((organization) => ({
      content: `（試験用）${organization}による支援`,
      organization,
      frequency: '月1回',
    })),
    daysAhead(30),
  );
  const planItems = Object.fromEntries(holders.map((name, index) => [name, plan.items[index]?.id ?? '']));
  for (const [organization, loginId] of Object.entries(spec.reporters ?? {})) {
    const itemId = planItems[organization];
    if (itemId) await report(await demoUser(app, loginId), itemId, 10, '（試験用）訪問して状況を確認した。');
  }
  const pending = await consultation(counter, {
    person: spec.people.other,
    topics: ['income'],
    mainTopic: 'income',
    content: '（試験用）収入と住まいの課題が重なっている。',
    consentToShare: true,
    receivedDaysAgo: 3,
    outcome: {
      kind: 'handover',
      reason: '（試験用）複合的な課題がある。',
      servicesTried: '（試験用）家計相談。',
    },
  });
  return {
    caseId: taken.caseId,
    personId: taken.personId,
    memberPersonId,
    consultationId: await consultationOfCase(coordinator, taken.caseId),
    supportMeetingId,
    multilayerMeetingId,
    planId: plan.id,
    planItems,
    pendingHandoverId: await handoverIdOf(counter, pending.id),
  };
}

async function consultationOfCase(coordinator: DemoUser, caseId: string): Promise<string> {
  const detail = await coordinator.call<{ origin: { consultation: { id: string } } | null }>(
    'GET',
    `/api/cases/${caseId}`,
  );
  return detail.origin?.consultation.id ?? '';
}

/** An open consultation the counter handles itself (自機関で対応), optionally referred to another organisation. */
export async function openConsultation(
  app: FastifyInstance,
  loginId: string,
  person: NewPerson,
  referTo?: string,
): Promise<string> {
  const counter = await demoUser(app, loginId);
  const taken = await consultation(counter, {
    person,
    topics: ['income'],
    mainTopic: 'income',
    content: '（試験用）家計の相談。',
    consentToShare: true,
    receivedDaysAgo: 2,
    outcome: referTo
      ? { kind: 'referral', toOrganizationId: referTo, note: '（試験用）ご相談ください。' }
      : { kind: 'ownAgency' },
  });
  return taken.id;
}

/** A synthetic person. */
export const syntheticPerson = (
  familyName: string,
  givenName: string,
  familyNameKana: string,
  givenNameKana: string,
  birthDate: string,
  address: string,
): NewPerson => ({ familyName, givenName, familyNameKana, givenNameKana, birthDate, sex: 'female', address });

/** The pending referral addressed to an organisation for this consultation. */
export async function referralOf(db: Kysely<DB>, consultationId: string): Promise<string> {
  const row = await db
    .selectFrom('referrals')
    .select('id')
    .where('consultation_id', '=', consultationId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The business tables: the audit trail, sessions and rate-limit windows are left out (refused requests
 * are audited and counted; reads touch sessions).
 */
async function businessTables(db: Kysely<DB>): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT LIKE '%audit%' AND table_name NOT LIKE '%session%'
      AND table_name NOT LIKE 'kysely_%' AND table_name <> 'rate_limit_windows'
    ORDER BY table_name`.execute(db);
  return tables.rows.map((t) => t.table_name);
}

/** One statement with a row (`name`, `hash`) per business table; `hash` aggregates its rows, as `x`. */
async function perBusinessTable(db: Kysely<DB>, hash: RawBuilder<unknown>): Promise<Record<string, string>> {
  const parts = (await businessTables(db)).map(
    (name) => sql`SELECT ${name}::text AS name, (${hash})::text AS hash FROM ${sql.table(name)} x`,
  );
  if (parts.length === 0) return {};
  const result = await sql<{ name: string; hash: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return Object.fromEntries(result.rows.map((r) => [r.name, r.hash]));
}

/**
 * A fingerprint of every business table's content: the md5 of its rows in a stable order, per table,
 * in one statement. Equal before and after when a write left the same values (an update to the values
 * a row already had).
 */
export function fingerprint(db: Kysely<DB>): Promise<Record<string, string>> {
  return perBusinessTable(db, sql`coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '')`);
}

/**
 * Which row versions every business table holds: its row count and the newest transaction that wrote
 * one of its rows (`xmin`). Any committed insert, update or delete changes it — a rolled-back one does
 * not — and it is a plain scan of each table, not the sort and hash of all its text that
 * `fingerprint` is (the fuzz test checks it after every request). An update that leaves the same
 * values counts as a change here.
 */
export function rowVersions(db: Kysely<DB>): Promise<Record<string, string>> {
  return perBusinessTable(db, sql`count(*) || ' ' || coalesce(max(x.xmin::text::bigint), 0)`);
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
