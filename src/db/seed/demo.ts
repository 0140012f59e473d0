import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { defaultMeetingKinds } from '../../domain/codeLists.ts';
import type { OrganizationKind } from '../../domain/organization.ts';
import type { Role } from '../../domain/permissions.ts';
import { insertNewRows } from '../newRow.ts';
import { insertOrganization } from '../organizations.ts';
import { hashPassword } from '../passwords.ts';
import { insertProgramme, setProgrammeChallenges } from '../recidivismPlan.ts';
import type { DB } from '../schema.ts';
import { insertTenant, recordTenantSetup } from '../tenants.ts';
import { insertUser } from '../users.ts';
import {
  type CommunityActivitySeed,
  demoCommunityActivities,
  seedCommunityActivities,
} from './demoCommunity.ts';
import { demoResources, type ResourceSeed, seedResourceDirectory } from './demoResources.ts';

export const DEMO_PASSWORD = 'kasane-demo';
export const DEMO_TENANT = { code: 'kagoshima', name: '鹿児島市' } as const;

export interface OrganizationSeed {
  name: string;
  nameKana: string;
  kind: OrganizationKind;
  isCoordinatingSection?: boolean;
  isCouncilMember?: boolean;
}

/** The 10 member organisations of 鹿児島市再犯防止推進連絡会議, as named in the seed deck. */
export const councilOrganizations: OrganizationSeed[] = [
  { name: '鹿児島保護観察所', nameKana: 'カゴシマホゴカンサツジョ', kind: 'relatedAgency' },
  { name: '鹿児島地方検察庁', nameKana: 'カゴシマチホウケンサツチョウ', kind: 'relatedAgency' },
  { name: '鹿児島少年鑑別所', nameKana: 'カゴシマショウネンカンベツショ', kind: 'relatedAgency' },
  { name: '鹿児島保護区保護司会', nameKana: 'カゴシマホゴクホゴシカイ', kind: 'privateOrganization' },
  {
    name: '鹿児島市更生保護女性会',
    nameKana: 'カゴシマシコウセイホゴジョセイカイ',
    kind: 'privateOrganization',
  },
  { name: '更生保護法人草牟田寮', nameKana: 'コウセイホゴホウジンソムタリョウ', kind: 'privateOrganization' },
  { name: '鹿児島地区BBS会', nameKana: 'カゴシマチクビービーエスカイ', kind: 'privateOrganization' },
  {
    name: '鹿児島県協力雇用主会',
    nameKana: 'カゴシマケンキョウリョクコヨウヌシカイ',
    kind: 'cooperatingEmployer',
  },
  { name: '鹿児島県弁護士会', nameKana: 'カゴシマケンベンゴシカイ', kind: 'privateOrganization' },
  {
    name: '鹿児島県地域生活定着センター',
    nameKana: 'カゴシマケンチイキセイカツテイチャクセンター',
    kind: 'relatedAgency',
  },
].map((o): OrganizationSeed => ({ ...o, kind: o.kind as OrganizationKind, isCouncilMember: true }));

const cityOrganizations: OrganizationSeed[] = [
  {
    name: '重層事業担当',
    nameKana: 'ジュウソウジギョウタントウ',
    kind: 'citySection',
    isCoordinatingSection: true,
  },
  { name: '地域福祉課', nameKana: 'チイキフクシカ', kind: 'citySection' },
  { name: '保護第一課', nameKana: 'ホゴダイイッカ', kind: 'citySection' },
  { name: '契約課', nameKana: 'ケイヤクカ', kind: 'citySection' },
  { name: '情報政策課', nameKana: 'ジョウホウセイサクカ', kind: 'citySection' },
  {
    name: '総務課（個人情報保護担当）',
    nameKana: 'ソウムカコジンジョウホウホゴタントウ',
    kind: 'citySection',
  },
  { name: '地域包括支援センター', nameKana: 'チイキホウカツシエンセンター', kind: 'consultationAgency' },
  {
    name: '障害者相談支援事業所',
    nameKana: 'ショウガイシャソウダンシエンジギョウショ',
    kind: 'consultationAgency',
  },
  { name: 'こども家庭センター', nameKana: 'コドモカテイセンター', kind: 'consultationAgency' },
  { name: '自立相談支援機関', nameKana: 'ジリツソウダンシエンキカン', kind: 'consultationAgency' },
];

/** The default meeting kinds (支援会議, 重層的支援会議) of a new tenant; cities may rename them. */
export async function seedMeetingKinds(tx: Transaction<DB>, tenantId: string): Promise<void> {
  await insertNewRows(
    tx,
    'meeting_kinds',
    defaultMeetingKinds.map((kind, index) => ({
      tenant_id: tenantId,
      code: kind.code,
      name: kind.name,
      legal_basis: kind.legalBasis,
      sort_order: index,
    })),
  ).execute();
}

/** Demo accounts (synthetic names), all with the password `kasane-demo`. */
export const demoAccounts: { loginId: string; displayName: string; organization: string; roles: Role[] }[] = [
  { loginId: 'admin', displayName: '情報 管理', organization: '情報政策課', roles: ['admin'] },
  { loginId: 'coordinator', displayName: '重層 調整', organization: '重層事業担当', roles: ['coordinator'] },
  {
    loginId: 'houkatsu',
    displayName: '包括 相談',
    organization: '地域包括支援センター',
    roles: ['caseworker'],
  },
  {
    loginId: 'shogai',
    displayName: '障害 支援',
    organization: '障害者相談支援事業所',
    roles: ['caseworker'],
  },
  { loginId: 'hogo', displayName: '保護 担当', organization: '保護第一課', roles: ['caseworker'] },
  {
    loginId: 'hogokansatsu',
    displayName: '観察 担当',
    organization: '鹿児島保護観察所',
    roles: ['caseworker'],
  },
  { loginId: 'plan', displayName: '計画 担当', organization: '地域福祉課', roles: ['planOfficer'] },
  {
    loginId: 'council',
    displayName: '連絡 委員',
    organization: '鹿児島保護区保護司会',
    roles: ['councilMember'],
  },
  {
    loginId: 'auditor',
    displayName: '監査 担当',
    organization: '総務課（個人情報保護担当）',
    roles: ['auditor'],
  },
];

/** 鹿児島市再犯防止推進計画 as the seed deck describes it (inside 第5期鹿児島市地域福祉計画). */
export const demoRecidivismPlan = {
  name: '鹿児島市再犯防止推進計画',
  periodFromFiscalYear: 2022,
  periodToFiscalYear: 2026,
  parentPlan: '第5期鹿児島市地域福祉計画',
  legalBasis: '再犯の防止等の推進に関する法律第8条第1項',
  targetPopulation: '法第2条第1項に定める犯罪をした者等',
} as const;

/** The plan's 5 challenges, verbatim from the seed deck, in order. */
export const demoChallenges = [
  '国・県・民間団体等との連携強化',
  '就労・住居の確保',
  '保健医療・福祉サービスの利用の促進',
  '非行の防止と、学習支援等の実施',
  '民間協力者の活動の促進、広報・啓発活動の推進',
] as const;

/** The 3 programmes the seed deck shows (programs-seed.tsv); the other 44 come by import. */
export const demoProgrammes = [
  {
    externalKey: '1',
    challenge: 2,
    name: '協力雇用主等に対する優遇措置',
    summary:
      '建設工事等競争入札参加者の格付や総合評価落札方式による一般競争入札の採点において、鹿児島県協力雇用主等に対する優遇措置を行う。',
    section: '契約課',
  },
  {
    externalKey: '2',
    challenge: 2,
    name: '生活困窮者自立支援事業',
    summary:
      '・生活困窮者に対し、相談支援、就労支援等の必要な支援を行う。・住居確保給付金を支給することで、安定した就労活動ができるようにする。',
    section: '保護第一課',
  },
  {
    externalKey: '3',
    challenge: 5,
    name: '社会を明るくする運動への参加',
    summary:
      '犯罪や非行のない安全で安心な明るい地域社会を築くための全国的な運動である「社会を明るくする運動」に参加し、再犯防止に関する地域での理解の促進を図る。',
    section: '地域福祉課',
  },
] as const;

/** The default 評価 scale of a new tenant; cities may edit it. */
export const defaultEvaluationScale = [
  { code: 'A', label: '計画どおり実施' },
  { code: 'B', label: '概ね計画どおり実施' },
  { code: 'C', label: '一部実施・課題あり' },
  { code: 'D', label: '未実施' },
] as const;

/** Synthetic representatives of the council's member organisations (生成, not real people). */
const demoRepresentatives = [
  '山下 一郎',
  '城山 花子',
  '天文 次郎',
  '磯浜 良子',
  '鴨池 三郎',
  '吉野 和子',
  '谷山 四郎',
  '伊敷 恵子',
  '桜島 五郎',
  '紫原 礼子',
];

/** A new municipality's 評価尺度 for programme progress: the default grades, in order. */
export async function seedEvaluationScale(tx: Transaction<DB>, tenantId: string): Promise<void> {
  await insertNewRows(
    tx,
    'evaluation_scale',
    defaultEvaluationScale.map((grade, index) => ({
      tenant_id: tenantId,
      code: grade.code,
      label: grade.label,
      sort_order: index,
    })),
  ).execute();
}

/** What a tenant's recidivism plan starts with: the plan, challenges, programmes and council. */
export interface RecidivismPlanSeed {
  plan: {
    [K in keyof typeof demoRecidivismPlan]: (typeof demoRecidivismPlan)[K] extends number ? number : string;
  };
  challenges: readonly string[];
  programmes: readonly {
    externalKey: string;
    challenge: number;
    name: string;
    summary: string;
    section: string;
  }[];
  /** Council members by organisation name, with their (synthetic) representative. */
  council: readonly { organization: string; representative: string }[];
}

const demoRecidivismPlanSeed: RecidivismPlanSeed = {
  plan: demoRecidivismPlan,
  challenges: demoChallenges,
  programmes: demoProgrammes,
  council: councilOrganizations.map((member, index) => ({
    organization: member.name,
    representative: demoRepresentatives[index] ?? '代表 者',
  })),
};

/** The id of a seeded organisation by its name (a seed naming one it does not have is a mistake in the seed). */
function organizationNamed(organizationIds: ReadonlyMap<string, string>, name: string): string {
  const id = organizationIds.get(name);
  if (!id) throw new Error(`demo seed: unknown organisation ${name}`);
  return id;
}

/**
 * The recidivism plan of the demo municipality: the plan, its 5 challenges, the 3 programmes of
 * the seed under their challenges, the evaluation scale and the 10 council members.
 */
export async function seedRecidivismPlan(
  tx: Transaction<DB>,
  tenantId: string,
  organizationIds: ReadonlyMap<string, string>,
  content: RecidivismPlanSeed = demoRecidivismPlanSeed,
): Promise<void> {
  const organization = (name: string) => organizationNamed(organizationIds, name);
  const planId = randomUUID();
  await tx
    .insertInto('recidivism_plans')
    .values({
      id: planId,
      tenant_id: tenantId,
      name: content.plan.name,
      period_from_fiscal_year: content.plan.periodFromFiscalYear,
      period_to_fiscal_year: content.plan.periodToFiscalYear,
      parent_plan: content.plan.parentPlan,
      legal_basis: content.plan.legalBasis,
      target_population: content.plan.targetPopulation,
    })
    .execute();
  const challengeIds = content.challenges.map(() => randomUUID());
  await tx
    .insertInto('challenges')
    .values(
      content.challenges.map((title, index) => ({
        id: challengeIds[index] as string,
        tenant_id: tenantId,
        plan_id: planId,
        position: index + 1,
        title,
      })),
    )
    .execute();
  for (const programme of content.programmes) {
    const id = randomUUID();
    await insertProgramme(tx, tenantId, planId, id, {
      name: programme.name,
      summary: programme.summary,
      responsibleSectionId: organization(programme.section),
      relatedOrganizationIds: [],
      indicators: [],
      externalKey: programme.externalKey,
    });
    await setProgrammeChallenges(tx, tenantId, id, [
      { challengeId: challengeIds[programme.challenge - 1] as string, isRepeat: false },
    ]);
  }
  await seedEvaluationScale(tx, tenantId);
  await insertNewRows(
    tx,
    'council_members',
    content.council.map((member, index) => ({
      tenant_id: tenantId,
      organization_id: organization(member.organization),
      representative: member.representative,
      sort_order: index + 1,
      term_from: '2024-04-01',
      term_to: '2026-03-31',
    })),
  ).execute();
}

/** Everything a municipality starts with: its organisations, accounts and recidivism plan. */
export interface TenantSeed {
  tenant: { code: string; name: string };
  organizations: readonly OrganizationSeed[];
  accounts: readonly { loginId: string; displayName: string; organization: string; roles: Role[] }[];
  recidivismPlan: RecidivismPlanSeed;
  /** the 社会資源 directory (issue 12) */
  resources?: readonly ResourceSeed[];
  /** 地域づくり activities with their sessions (issue 12), recorded by the first coordinator account */
  communityActivities?: readonly CommunityActivitySeed[];
}

/** The demo municipality (鹿児島市). */
export const demoTenantSeed: TenantSeed = {
  tenant: DEMO_TENANT,
  organizations: [...councilOrganizations, ...cityOrganizations],
  accounts: demoAccounts,
  recidivismPlan: demoRecidivismPlanSeed,
  resources: demoResources,
  communityActivities: demoCommunityActivities,
};

/**
 * Seed the demo municipality (鹿児島市) with its organisations and demo accounts.
 * Idempotent: does nothing if the tenant exists. Synthetic people only.
 */
export async function seedDemo(db: Kysely<DB>, options: { production: boolean }): Promise<boolean> {
  if (options.production) throw new Error('Demo data is refused when NODE_ENV=production');
  return seedTenant(db, demoTenantSeed);
}

/**
 * Seed one municipality: tenant, organisations, meeting kinds, recidivism plan and accounts (all
 * with the demo password), in one transaction with its audit event. Does nothing if the tenant exists.
 */
export async function seedTenant(db: Kysely<DB>, seed: TenantSeed): Promise<boolean> {
  const existing = await db
    .selectFrom('tenants')
    .select('id')
    .where('code', '=', seed.tenant.code)
    .executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    const tenantId = await insertTenant(tx, seed.tenant);
    const organizationIds = new Map<string, string>();
    for (const organization of seed.organizations) {
      const id = randomUUID();
      await insertOrganization(tx, tenantId, id, organization);
      organizationIds.set(organization.name, id);
    }
    await seedMeetingKinds(tx, tenantId);
    await seedRecidivismPlan(tx, tenantId, organizationIds, seed.recidivismPlan);
    const resources = await seedResourceDirectory(tx, tenantId, seed.resources ?? []);
    const userIds = new Map<string, string>();
    for (const account of seed.accounts) {
      const organizationId = organizationNamed(organizationIds, account.organization);
      const id = randomUUID();
      await insertUser(tx, { id, tenantId, organizationId, ...account, passwordHash });
      userIds.set(account.loginId, id);
    }
    const keeper = seed.accounts.find((a) => a.roles.includes('coordinator'));
    const keeperId = keeper ? userIds.get(keeper.loginId) : undefined;
    if (seed.communityActivities?.length && keeperId) {
      await seedCommunityActivities(tx, tenantId, keeperId, seed.communityActivities);
    }
    await recordTenantSetup(tx, tenantId, 'tenant.seed', {
      seed: seed.tenant.code === DEMO_TENANT.code ? 'demo' : seed.tenant.code,
      organizations: organizationIds.size,
      users: seed.accounts.length,
      resources,
    });
  });
  return true;
}
