import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import {
  demoChallenges,
  type OrganizationSeed,
  seedTenant,
  type TenantSeed,
} from '../../src/db/seed/demo.ts';
import { buildCaseWorld, demoUser, openConsultation, syntheticPerson } from './caseWorld.ts';

/**
 * A second, synthetic municipality (霧島市) in the test data, so every test can prove that one
 * city's users never reach another city's records. Same seeding code as the demo city; the login
 * ids are prefixed `kirishima-`. Names of people are generated.
 */
export const SECOND_TENANT = { code: 'kirishima', name: '霧島市' } as const;
export const secondLogin = (demoLoginId: string) => `kirishima-${demoLoginId}`;

const organizations: OrganizationSeed[] = [
  {
    name: '重層事業担当',
    nameKana: 'ジュウソウジギョウタントウ',
    kind: 'citySection',
    isCoordinatingSection: true,
  },
  { name: '地域福祉課', nameKana: 'チイキフクシカ', kind: 'citySection' },
  { name: '保護課', nameKana: 'ホゴカ', kind: 'citySection' },
  { name: '情報政策課', nameKana: 'ジョウホウセイサクカ', kind: 'citySection' },
  { name: '総務課', nameKana: 'ソウムカ', kind: 'citySection' },
  {
    name: '霧島市地域包括支援センター',
    nameKana: 'キリシマシチイキホウカツシエンセンター',
    kind: 'consultationAgency',
  },
  {
    name: '霧島市障害者相談支援センター',
    nameKana: 'キリシマシショウガイシャソウダンシエンセンター',
    kind: 'consultationAgency',
  },
  {
    name: '霧島保護区保護司会',
    nameKana: 'キリシマホゴクホゴシカイ',
    kind: 'privateOrganization',
    isCouncilMember: true,
  },
  {
    name: '霧島地区更生保護女性会',
    nameKana: 'キリシマチクコウセイホゴジョセイカイ',
    kind: 'privateOrganization',
    isCouncilMember: true,
  },
  {
    name: '霧島観察支援室',
    nameKana: 'キリシマカンサツシエンシツ',
    kind: 'relatedAgency',
    isCouncilMember: true,
  },
];

export const secondTenantSeed: TenantSeed = {
  tenant: SECOND_TENANT,
  organizations,
  accounts: [
    { loginId: secondLogin('admin'), displayName: '霧島 管理', organization: '情報政策課', roles: ['admin'] },
    {
      loginId: secondLogin('coordinator'),
      displayName: '霧島 調整',
      organization: '重層事業担当',
      roles: ['coordinator'],
    },
    {
      loginId: secondLogin('houkatsu'),
      displayName: '霧島 包括',
      organization: '霧島市地域包括支援センター',
      roles: ['caseworker'],
    },
    {
      loginId: secondLogin('shogai'),
      displayName: '霧島 障害',
      organization: '霧島市障害者相談支援センター',
      roles: ['caseworker'],
    },
    { loginId: secondLogin('hogo'), displayName: '霧島 保護', organization: '保護課', roles: ['caseworker'] },
    {
      loginId: secondLogin('hogokansatsu'),
      displayName: '霧島 観察',
      organization: '霧島観察支援室',
      roles: ['caseworker'],
    },
    {
      loginId: secondLogin('plan'),
      displayName: '霧島 計画',
      organization: '地域福祉課',
      roles: ['planOfficer'],
    },
    {
      loginId: secondLogin('council'),
      displayName: '霧島 委員',
      organization: '霧島保護区保護司会',
      roles: ['councilMember'],
    },
    { loginId: secondLogin('auditor'), displayName: '霧島 監査', organization: '総務課', roles: ['auditor'] },
  ],
  recidivismPlan: {
    plan: {
      name: '霧島市再犯防止推進計画（試験）',
      periodFromFiscalYear: 2024,
      periodToFiscalYear: 2028,
      parentPlan: '霧島市地域福祉計画（試験）',
      legalBasis: '再犯の防止等の推進に関する法律第8条第1項',
      targetPopulation: '法第2条第1項に定める犯罪をした者等',
    },
    challenges: demoChallenges,
    programmes: [
      {
        externalKey: 'K1',
        challenge: 2,
        name: '霧島市就労準備支援事業（試験）',
        summary: '（試験用）就労に向けた準備の支援を行う。',
        section: '保護課',
      },
    ],
    council: [
      { organization: '霧島保護区保護司会', representative: '国分 一郎' },
      { organization: '霧島地区更生保護女性会', representative: '隼人 花子' },
      { organization: '霧島観察支援室', representative: '溝辺 次郎' },
    ],
  },
  resources: [
    {
      name: '霧島まちの居場所（試験）',
      alternateName: null,
      description: '（試験用）霧島市の居場所。',
      status: 'active',
      kinds: ['ibasho'],
      needs: ['belonging'],
      organization: {
        name: '霧島居場所の会（試験）',
        description: '',
        website: null,
        email: null,
        phone: null,
      },
      eligibilityDescription: null,
      minimumAge: null,
      maximumAge: null,
      feesDescription: null,
      applicationProcess: null,
      url: null,
      email: null,
      phone: null,
      assuredOn: null,
      locations: [{ schoolDistrict: '国分校区（試験）', district: '国分地区（試験）' }],
      schedules: [{ freq: 'WEEKLY', byday: ['MO'], opensAt: '10:00', closesAt: '12:00', notes: null }],
      contacts: [],
    },
  ],
};

const address = '霧島市（架空の住所）';

/**
 * Seed 霧島市 and its casework through the API of an app on the same database: a full case, a
 * pending handover, an open consultation referred to another counter, a council meeting and an opinion.
 */
export async function seedSecondTenant(db: Kysely<DB>, app: FastifyInstance): Promise<void> {
  await seedTenant(db, secondTenantSeed);
  await buildCaseWorld(app, {
    coordinator: secondLogin('coordinator'),
    counter: secondLogin('houkatsu'),
    counterOrganization: '霧島市地域包括支援センター',
    coordinatingOrganization: '重層事業担当',
    partners: ['霧島市障害者相談支援センター', '保護課', '霧島観察支援室'],
    acknowledgers: [secondLogin('shogai'), secondLogin('hogo'), secondLogin('hogokansatsu')],
    reporters: { 霧島市障害者相談支援センター: secondLogin('shogai') },
    people: {
      person: syntheticPerson('国分', '雅人', 'コクブ', 'マサト', '1971-05-10', address),
      member: syntheticPerson('国分', 'キヨ', 'コクブ', 'キヨ', '1942-02-01', address),
      other: syntheticPerson('隼人', '優', 'ハヤト', 'ユウ', '1988-11-20', address),
    },
  });
  const shogai = await db
    .selectFrom('organizations')
    .innerJoin('tenants', 'tenants.id', 'organizations.tenant_id')
    .select('organizations.id')
    .where('tenants.code', '=', SECOND_TENANT.code)
    .where('organizations.name', '=', '霧島市障害者相談支援センター')
    .executeTakeFirstOrThrow();
  await openConsultation(
    app,
    secondLogin('houkatsu'),
    syntheticPerson('溝辺', '和子', 'ミゾベ', 'カズコ', '1950-07-07', address),
    shogai.id,
  );
  await openConsultation(
    app,
    secondLogin('hogo'),
    syntheticPerson('牧園', '静', 'マキゾノ', 'シズカ', '1979-09-09', address),
  );
  const plan = await demoUser(app, secondLogin('plan'));
  const members = await plan.call<{ items: { organization: { id: string } }[] }>(
    'GET',
    '/api/council/members',
  );
  const meeting = await plan.call<{ id: string }>('POST', '/api/council/meetings', {
    heldAt: '2026-07-15T14:00:00+09:00',
    place: '霧島市役所 会議室（試験）',
    isOpen: true,
    agenda: '（試験用）計画の進捗',
    attendees: members.items.map((m) => ({
      organizationId: m.organization.id,
      attendeeName: '（試験）委員',
    })),
  });
  const council = await demoUser(app, secondLogin('council'));
  await council.call('POST', '/api/council/opinions', {
    meetingId: meeting.id,
    content: '（試験用）協力雇用主の周知をさらに進めてほしい。',
  });
}
