import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/**
 * The records one side of the authorization matrix points at: a case with its whole support flow,
 * the open consultations and pending referrals of counters, and tenant-wide records (an
 * organisation, a user, a programme, a council meeting, an opinion, the plan's challenges).
 */
export interface World {
  caseId: string;
  personId: string;
  memberPersonId: string;
  personKana: string;
  consultationOfCase: string;
  supportMeetingId: string;
  multilayerMeetingId: string;
  planId: string;
  /** Plan item id by the organisation holding it. */
  planItems: Record<string, string>;
  pendingHandoverId: string;
  /** Open consultations by the counter (organisation id) that took them. */
  consultations: Record<string, string>;
  /** Pending referrals by the organisation (id) they are addressed to. */
  referrals: Record<string, string>;
  organizationId: string;
  userId: string;
  programmeId: string;
  councilMeetingId: string;
  opinionId: string;
  challenges: { id: string; title: string }[];
  multilayerKindId: string;
  supportKindId: string;
  /** An organisation to invite, refer to or give a plan item to. */
  partnerOrganizationId: string;
  /** A city section responsible for programmes. */
  sectionId: string;
  /** A resource of the 社会資源 directory. */
  resourceId: string;
  /** A 参加支援 placement on the world's case (made by the test that needs one; '' until then). */
  placementId: string;
  /** A 地域づくり activity of the world's city (made by the test that needs one; '' until then). */
  communityActivityId: string;
}

/** Every id of a world's case data (what a non-participant must never see). */
export function caseDataIds(world: World): string[] {
  return [
    world.caseId,
    world.personId,
    world.memberPersonId,
    world.consultationOfCase,
    world.supportMeetingId,
    world.multilayerMeetingId,
    world.planId,
    world.pendingHandoverId,
    ...Object.values(world.planItems),
    ...Object.values(world.consultations),
    ...Object.values(world.referrals),
    ...(world.placementId ? [world.placementId] : []),
  ];
}

/** The tenant-wide ids of a world (what another tenant's users must never see). */
export function tenantIds(world: World): string[] {
  return [
    world.organizationId,
    world.userId,
    world.programmeId,
    world.councilMeetingId,
    world.opinionId,
    ...world.challenges.map((c) => c.id),
    world.multilayerKindId,
    world.supportKindId,
    world.partnerOrganizationId,
    world.sectionId,
    world.resourceId,
    ...(world.communityActivityId ? [world.communityActivityId] : []),
  ];
}

/**
 * Read one tenant's world from the database: its (single) case with its flow, its open consultations
 * and pending referrals, and tenant-wide records. Used for the second municipality seeded in globalSetup.
 */
export async function loadTenantWorld(
  db: Kysely<DB>,
  tenantCode: string,
  tenantWide: { organization: string; userLoginId: string; section: string; partner: string },
): Promise<World> {
  const tenant = await db
    .selectFrom('tenants')
    .select('id')
    .where('code', '=', tenantCode)
    .executeTakeFirstOrThrow();
  const t = tenant.id;
  const kase = await db
    .selectFrom('cases')
    .select(['id', 'primary_person_id', 'household_id'])
    .where('tenant_id', '=', t)
    .executeTakeFirstOrThrow();
  const person = await db
    .selectFrom('persons')
    .select(['family_name_kana', 'given_name_kana'])
    .where('id', '=', kase.primary_person_id)
    .executeTakeFirstOrThrow();
  const member = await db
    .selectFrom('household_members')
    .select('person_id')
    .where('household_id', '=', kase.household_id)
    .where('person_id', '!=', kase.primary_person_id)
    .executeTakeFirstOrThrow();
  const handovers = await db
    .selectFrom('handovers')
    .select(['id', 'consultation_id', 'status', 'case_id'])
    .where('tenant_id', '=', t)
    .execute();
  const meetings = await db
    .selectFrom('meetings as m')
    .innerJoin('meeting_kinds as k', 'k.id', 'm.kind_id')
    .select(['m.id', 'k.code'])
    .where('m.case_id', '=', kase.id)
    .execute();
  const kinds = await db
    .selectFrom('meeting_kinds')
    .select(['id', 'code'])
    .where('tenant_id', '=', t)
    .execute();
  const plan = await db
    .selectFrom('support_plans')
    .select('id')
    .where('case_id', '=', kase.id)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('plan_items')
    .select(['id', 'organization_id'])
    .where('plan_id', '=', plan.id)
    .execute();
  const open = await db
    .selectFrom('consultations')
    .select(['id', 'organization_id'])
    .where('tenant_id', '=', t)
    .where('status', '=', 'open')
    .execute();
  const referrals = await db
    .selectFrom('referrals')
    .select(['id', 'consultation_id', 'to_organization_id'])
    .where('tenant_id', '=', t)
    .where('status', '=', 'pending')
    .execute();
  const orgs = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('tenant_id', '=', t)
    .execute();
  const org = (name: string) => {
    const found = orgs.find((o) => o.name === name);
    if (!found) throw new Error(`matrix: no organisation ${name} in ${tenantCode}`);
    return found.id;
  };
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('login_id', '=', tenantWide.userLoginId)
    .executeTakeFirstOrThrow();
  const programme = await db
    .selectFrom('programmes')
    .select('id')
    .where('tenant_id', '=', t)
    .executeTakeFirstOrThrow();
  const councilMeeting = await db
    .selectFrom('council_meetings')
    .select('id')
    .where('tenant_id', '=', t)
    .executeTakeFirstOrThrow();
  const opinion = await db
    .selectFrom('opinions')
    .select('id')
    .where('tenant_id', '=', t)
    .executeTakeFirstOrThrow();
  const challenges = await db
    .selectFrom('challenges')
    .select(['id', 'title'])
    .where('tenant_id', '=', t)
    .orderBy('position')
    .execute();
  const resource = await db
    .selectFrom('resources')
    .select('id')
    .where('tenant_id', '=', t)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const activity = await db
    .selectFrom('community_activities')
    .select('id')
    .where('tenant_id', '=', t)
    .orderBy('name')
    .executeTakeFirst();
  const kind = (code: string) => kinds.find((k) => k.code === code)?.id ?? '';
  const referred = new Set(referrals.map((r) => r.consultation_id));
  return {
    caseId: kase.id,
    personId: kase.primary_person_id,
    memberPersonId: member.person_id,
    personKana: `${person.family_name_kana}${person.given_name_kana}`,
    consultationOfCase: handovers.find((h) => h.case_id === kase.id)?.consultation_id ?? '',
    supportMeetingId: meetings.find((m) => m.code === 'supportMeeting')?.id ?? '',
    multilayerMeetingId: meetings.find((m) => m.code === 'multilayerMeeting')?.id ?? '',
    planId: plan.id,
    planItems: Object.fromEntries(items.map((i) => [i.organization_id, i.id])),
    pendingHandoverId: handovers.find((h) => h.status === 'pending')?.id ?? '',
    consultations: Object.fromEntries(
      open.filter((c) => !referred.has(c.id)).map((c) => [c.organization_id, c.id]),
    ),
    referrals: Object.fromEntries(referrals.map((r) => [r.to_organization_id, r.id])),
    organizationId: org(tenantWide.organization),
    userId: user.id,
    programmeId: programme.id,
    councilMeetingId: councilMeeting.id,
    opinionId: opinion.id,
    challenges,
    multilayerKindId: kind('multilayerMeeting'),
    supportKindId: kind('supportMeeting'),
    partnerOrganizationId: org(tenantWide.partner),
    sectionId: org(tenantWide.section),
    resourceId: resource.id,
    placementId: '',
    communityActivityId: activity?.id ?? '',
  };
}
