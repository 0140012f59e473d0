import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nextCaseNumber } from '../../src/db/caseNumbers.ts';
import { addParticipant } from '../../src/db/participants.ts';
import type { CaseParticipantTable, DB } from '../../src/db/schema.ts';
import type { CaseStage } from '../../src/domain/caseStage.ts';
import { normalizeKana } from '../../src/domain/kana.ts';

/**
 * Test factories: build records straight in the database, making any missing parents, so a test
 * states only what it cares about. Names are synthetic (生成), never real people.
 */

export interface DemoDirectory {
  tenantId: string;
  organization(name: string): string;
  user(loginId: string): { id: string; organizationId: string };
  meetingKind(code: 'supportMeeting' | 'multilayerMeeting'): string;
}

export async function demoDirectory(db: Kysely<DB>): Promise<DemoDirectory> {
  const tenant = await db
    .selectFrom('tenants')
    .select('id')
    .where('code', '=', 'kagoshima')
    .executeTakeFirstOrThrow();
  const organizations = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenant.id)
    .execute();
  const users = await db
    .selectFrom('users')
    .select(['id', 'login_id', 'organization_id'])
    .where('tenant_id', '=', tenant.id)
    .execute();
  const kinds = await db
    .selectFrom('meeting_kinds')
    .select(['id', 'code'])
    .where('tenant_id', '=', tenant.id)
    .execute();
  const find = <T>(items: T[], match: (item: T) => boolean, what: string): T => {
    const found = items.find(match);
    if (!found) throw new Error(`factories: no ${what}`);
    return found;
  };
  return {
    tenantId: tenant.id,
    organization: (name) => find(organizations, (o) => o.name === name, `organisation ${name}`).id,
    user: (loginId) => {
      const user = find(users, (u) => u.login_id === loginId, `user ${loginId}`);
      return { id: user.id, organizationId: user.organization_id };
    },
    meetingKind: (code) => find(kinds, (k) => k.code === code, `meeting kind ${code}`).id,
  };
}

let serial = 0;
const familyNames = [
  ['鹿島', 'カシマ'],
  ['桜田', 'サクラダ'],
  ['城山', 'シロヤマ'],
  ['天文', 'テンモン'],
  ['磯浜', 'イソハマ'],
] as const;
const givenNames = [
  ['一郎', 'イチロウ'],
  ['花子', 'ハナコ'],
  ['次郎', 'ジロウ'],
  ['良子', 'ヨシコ'],
] as const;

export interface PersonOverrides {
  familyName?: string;
  givenName?: string;
  familyNameKana?: string;
  givenNameKana?: string;
  birthDate?: string | null;
  sex?: string;
  registeredBy?: string;
}

/** A synthetic person. */
export async function createPerson(
  db: Kysely<DB>,
  dir: DemoDirectory,
  overrides: PersonOverrides = {},
): Promise<string> {
  serial++;
  const [family, familyKana] = familyNames[serial % familyNames.length] ?? familyNames[0];
  const [given, givenKana] = givenNames[serial % givenNames.length] ?? givenNames[0];
  const id = randomUUID();
  const familyNameKana = overrides.familyNameKana ?? familyKana;
  const givenNameKana = overrides.givenNameKana ?? `${givenKana}${serial}`;
  await db
    .insertInto('persons')
    .values({
      id,
      tenant_id: dir.tenantId,
      family_name: overrides.familyName ?? family,
      given_name: overrides.givenName ?? `${given}${serial}`,
      family_name_kana: familyNameKana,
      given_name_kana: givenNameKana,
      kana_key: normalizeKana(`${familyNameKana}${givenNameKana}`),
      birth_date: overrides.birthDate === undefined ? '1960-04-01' : overrides.birthDate,
      sex: overrides.sex ?? 'unknown',
      phones: JSON.stringify([]),
      registered_by_organization_id: overrides.registeredBy ?? dir.organization('地域包括支援センター'),
    })
    .execute();
  return id;
}

/** A person living together with the household, in `relation` to the supported person ('self' for them). */
export async function addHouseholdMember(
  db: Kysely<DB>,
  dir: DemoDirectory,
  householdId: string,
  personId: string,
  relation: string,
): Promise<void> {
  await db
    .insertInto('household_members')
    .values({
      id: randomUUID(),
      tenant_id: dir.tenantId,
      household_id: householdId,
      person_id: personId,
      relation,
      living_together: true,
    })
    .execute();
}

export interface ConsultationOverrides {
  organization?: string;
  receivedBy?: string;
  personId?: string;
  outcome?: 'ownAgency' | 'referral' | 'handover';
  status?: 'open' | 'referred' | 'handedOver' | 'closed';
  receivedOn?: string;
  consentToShare?: boolean;
}

/** A consultation at a counter, with its person and a household holding them. */
export async function createConsultation(
  db: Kysely<DB>,
  dir: DemoDirectory,
  overrides: ConsultationOverrides = {},
): Promise<{ consultationId: string; personId: string; householdId: string; organizationId: string }> {
  const organizationId = dir.organization(overrides.organization ?? '地域包括支援センター');
  const personId = overrides.personId ?? (await createPerson(db, dir, { registeredBy: organizationId }));
  const householdId = randomUUID();
  await db.insertInto('households').values({ id: householdId, tenant_id: dir.tenantId }).execute();
  await addHouseholdMember(db, dir, householdId, personId, 'self');
  const receivedBy =
    overrides.receivedBy ??
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('organization_id', '=', organizationId)
        .executeTakeFirst()
    )?.id ??
    dir.user('coordinator').id;
  const consultationId = randomUUID();
  await db
    .insertInto('consultations')
    .values({
      id: consultationId,
      tenant_id: dir.tenantId,
      organization_id: organizationId,
      received_on: overrides.receivedOn ?? '2026-10-01',
      received_by: receivedBy,
      person_id: personId,
      household_id: householdId,
      visitor: JSON.stringify(null),
      channel: 'visit',
      topics: ['family', 'care'],
      main_topic: 'care',
      content: '（生成された試験用の相談内容）',
      wishes: null,
      consent_to_share: overrides.consentToShare ?? true,
      outcome: overrides.outcome ?? 'ownAgency',
      status: overrides.status ?? 'open',
    })
    .execute();
  return { consultationId, personId, householdId, organizationId };
}

export interface CaseOverrides extends ConsultationOverrides {
  stage?: CaseStage;
  /** Further participants, by organisation name. */
  participants?: {
    organization: string;
    basis: CaseParticipantTable['basis'];
    scope?: 'case' | 'meeting';
    meetingId?: string;
  }[];
}

/**
 * A case under coordination, as if a handover from the counter had been accepted: the counter and
 * the coordinating section take part in it.
 */
export async function createCase(
  db: Kysely<DB>,
  dir: DemoDirectory,
  overrides: CaseOverrides = {},
): Promise<{
  caseId: string;
  personId: string;
  householdId: string;
  consultationId: string;
  handoverId: string;
}> {
  const consultation = await createConsultation(db, dir, {
    ...overrides,
    outcome: 'handover',
    status: 'handedOver',
  });
  const coordinating = dir.organization('重層事業担当');
  const caseId = randomUUID();
  const handoverId = randomUUID();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('cases')
      .values({
        id: caseId,
        tenant_id: dir.tenantId,
        case_number: await nextCaseNumber(tx, dir.tenantId, '2026-10-02'),
        household_id: consultation.householdId,
        primary_person_id: consultation.personId,
        stage: overrides.stage ?? 'accepted',
        coordinating_organization_id: coordinating,
        accepted_on: '2026-10-02',
      })
      .execute();
    await tx
      .insertInto('case_persons')
      .values({ case_id: caseId, person_id: consultation.personId, tenant_id: dir.tenantId, is_target: true })
      .execute();
    await tx
      .insertInto('handovers')
      .values({
        id: handoverId,
        tenant_id: dir.tenantId,
        consultation_id: consultation.consultationId,
        from_organization_id: consultation.organizationId,
        to_organization_id: coordinating,
        reason: '（試験）複合的な課題があり自機関のみでは解決が難しい',
        services_tried: '（試験）介護保険サービスの案内',
        status: 'accepted',
        decided_by: dir.user('coordinator').id,
        decided_at: new Date(),
        case_id: caseId,
      })
      .execute();
    const base = { tenant_id: dir.tenantId, case_id: caseId, scope: 'case' as const };
    await addParticipant(tx, {
      ...base,
      organization_id: consultation.organizationId,
      basis: 'intake',
      legal_basis: 'intake',
    });
    await addParticipant(tx, {
      ...base,
      organization_id: coordinating,
      basis: 'coordinator',
      legal_basis: 'coordination',
    });
    for (const participant of overrides.participants ?? []) {
      await addParticipant(tx, {
        ...base,
        organization_id: dir.organization(participant.organization),
        basis: participant.basis,
        scope: participant.scope ?? 'case',
        meeting_id: participant.meetingId ?? null,
        legal_basis: 'consent',
      });
    }
  });
  return { caseId, handoverId, ...consultation };
}

/** A 課題整理 (version 1) of a case, as the coordinator would record it. */
export async function addAssessment(
  db: Kysely<DB>,
  dir: DemoDirectory,
  caseId: string,
  values: { issues: string[]; householdFlags?: string[]; summary?: string; version?: number } = {
    issues: ['withdrawal'],
  },
): Promise<void> {
  await db
    .insertInto('assessments')
    .values({
      id: randomUUID(),
      tenant_id: dir.tenantId,
      case_id: caseId,
      version: values.version ?? 1,
      issues: values.issues,
      household_flags: values.householdFlags ?? [],
      summary: values.summary ?? null,
      relations: JSON.stringify([]),
      recorded_by: dir.user('coordinator').id,
    })
    .execute();
}

/** A signed consent of the person to sharing with these organisations, for the case. */
export async function addConsent(
  db: Kysely<DB>,
  dir: DemoDirectory,
  consent: {
    personId: string;
    caseId: string;
    organizationIds: string[];
    categories?: string[];
    givenOn?: string;
  },
): Promise<void> {
  await db
    .insertInto('consents')
    .values({
      id: randomUUID(),
      tenant_id: dir.tenantId,
      person_id: consent.personId,
      case_id: consent.caseId,
      organization_ids: consent.organizationIds,
      categories: consent.categories ?? ['basic'],
      given_on: consent.givenOn ?? '2026-10-05',
      method: 'signedForm',
      recorded_by: dir.user('coordinator').id,
    })
    .execute();
}

type MeetingKind = 'supportMeeting' | 'multilayerMeeting';

/** Insert a meeting of the case, made by the coordinator; a 支援会議 is held under 法第106条の6, the other on consent. */
async function insertMeeting(
  db: Kysely<DB>,
  dir: DemoDirectory,
  meeting: {
    caseId: string;
    kind: MeetingKind;
    title: string;
    scheduledAt: Date;
    heldAt: Date | null;
    minutes: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('meetings')
    .values({
      id,
      tenant_id: dir.tenantId,
      case_id: meeting.caseId,
      kind_id: dir.meetingKind(meeting.kind),
      legal_basis: meeting.kind === 'supportMeeting' ? 'article106_6' : 'consent',
      title: meeting.title,
      scheduled_at: meeting.scheduledAt,
      status: meeting.heldAt ? 'held' : 'scheduled',
      held_at: meeting.heldAt,
      minutes: meeting.minutes,
      created_by: dir.user('coordinator').id,
    })
    .execute();
  return id;
}

/** A meeting of the case (scheduled), optionally with invited organisations (by name). */
export async function addMeeting(
  db: Kysely<DB>,
  dir: DemoDirectory,
  meeting: {
    caseId: string;
    kind?: MeetingKind;
    title?: string;
    minutes?: string;
    invite?: string[];
  },
): Promise<string> {
  const at = new Date('2026-10-20T05:00:00Z');
  const id = await insertMeeting(db, dir, {
    caseId: meeting.caseId,
    kind: meeting.kind ?? 'multilayerMeeting',
    title: meeting.title ?? '（試験）支援会議',
    scheduledAt: at,
    heldAt: meeting.minutes ? at : null,
    minutes: meeting.minutes ?? null,
  });
  for (const name of meeting.invite ?? []) {
    await db
      .insertInto('meeting_invitations')
      .values({
        id: randomUUID(),
        tenant_id: dir.tenantId,
        meeting_id: id,
        organization_id: dir.organization(name),
      })
      .execute();
  }
  return id;
}

/**
 * A meeting that can decide a plan, as the plan, monitoring and support-report tests set it up: a
 * 重層的支援会議 (on consent) or a 支援会議 (法第106条の6), scheduled for 20 October 2026 10:00 JST and,
 * unless `held` is false, held at 11:00, without minutes, made by the coordinator.
 */
export function addDecisionMeeting(
  db: Kysely<DB>,
  dir: DemoDirectory,
  caseId: string,
  options: { kind?: MeetingKind; title?: string; held?: boolean } = {},
): Promise<string> {
  const kind = options.kind ?? 'multilayerMeeting';
  return insertMeeting(db, dir, {
    caseId,
    kind,
    title: options.title ?? (kind === 'supportMeeting' ? '第1回支援会議' : '第1回重層的支援会議'),
    scheduledAt: new Date('2026-10-20T01:00:00Z'),
    heldAt: (options.held ?? true) ? new Date('2026-10-20T02:00:00Z') : null,
    minutes: null,
  });
}

/**
 * Another city: a tenant '他市' with one city section named `organization` (the coordinating section
 * when `coordinating`), straight in the database; for tests that something of another tenant is refused.
 */
export async function addOtherCity(
  db: Kysely<DB>,
  organization: { name: string; coordinating: boolean },
): Promise<{ tenantId: string; organizationId: string }> {
  const tenantId = randomUUID();
  const organizationId = randomUUID();
  await db
    .insertInto('tenants')
    .values({ id: tenantId, code: `other-${tenantId.slice(0, 8)}`, name: '他市' })
    .execute();
  await db
    .insertInto('organizations')
    .values({
      id: organizationId,
      tenant_id: tenantId,
      name: organization.name,
      name_kana: null,
      kind: 'citySection',
      is_coordinating_section: organization.coordinating,
      is_council_member: false,
      contact: JSON.stringify({}) as never,
      disabled_at: null,
    })
    .execute();
  return { tenantId, organizationId };
}

/** The case's timeline entry of this kind, as stored (the first found; fails if there is none). */
export function caseEvent(db: Kysely<DB>, caseId: string, kind: string) {
  return db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
}

/** The case's row as stored. */
export function caseRow(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
}

/** An approved support plan (version 1) of the case with one item held by the named organisation. */
export async function addPlan(
  db: Kysely<DB>,
  dir: DemoDirectory,
  plan: {
    caseId: string;
    wishes?: string;
    item?: { content: string; organization: string; periodFrom?: string };
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('support_plans')
    .values({
      id,
      tenant_id: dir.tenantId,
      case_id: plan.caseId,
      version: 1,
      status: 'approved',
      wishes: plan.wishes ?? '（試験）自宅で暮らし続けたい',
      long_term_goal: '（試験）生活の安定',
      short_term_goals: '（試験）定期的な通院',
      next_monitoring_on: '2027-01-15',
      approved_at: new Date(),
      approved_by: dir.user('coordinator').id,
      created_by: dir.user('coordinator').id,
    })
    .execute();
  if (plan.item) {
    await db
      .insertInto('plan_items')
      .values({
        id: randomUUID(),
        tenant_id: dir.tenantId,
        plan_id: id,
        case_id: plan.caseId,
        position: 1,
        content: plan.item.content,
        organization_id: dir.organization(plan.item.organization),
        period_from: plan.item.periodFrom ?? null,
        links: [],
      })
      .execute();
  }
  return id;
}
