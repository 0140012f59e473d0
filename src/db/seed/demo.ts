import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { defaultMeetingKinds } from '../../domain/codeLists.ts';
import type { OrganizationKind } from '../../domain/organization.ts';
import type { Role } from '../../domain/permissions.ts';
import { hashPassword } from '../../server/passwords.ts';
import { recordAudit } from '../auditTrail.ts';
import { insertOrganization } from '../organizations.ts';
import type { DB } from '../schema.ts';
import { insertUser } from '../users.ts';

export const DEMO_PASSWORD = 'kasane-demo';
export const DEMO_TENANT = { code: 'kagoshima', name: '鹿児島市' } as const;

interface OrganizationSeed {
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
  await tx
    .insertInto('meeting_kinds')
    .values(
      defaultMeetingKinds.map((kind, index) => ({
        id: randomUUID(),
        tenant_id: tenantId,
        code: kind.code,
        name: kind.name,
        legal_basis: kind.legalBasis,
        sort_order: index,
      })),
    )
    .execute();
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

/**
 * Seed the demo municipality (鹿児島市) with its organisations and demo accounts.
 * Idempotent: does nothing if the tenant exists. Synthetic people only.
 */
export async function seedDemo(db: Kysely<DB>, options: { production: boolean }): Promise<boolean> {
  if (options.production) throw new Error('Demo data is refused when NODE_ENV=production');
  const existing = await db
    .selectFrom('tenants')
    .select('id')
    .where('code', '=', DEMO_TENANT.code)
    .executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    const tenantId = randomUUID();
    await tx
      .insertInto('tenants')
      .values({ id: tenantId, ...DEMO_TENANT })
      .execute();
    const organizationIds = new Map<string, string>();
    for (const organization of [...councilOrganizations, ...cityOrganizations]) {
      const id = randomUUID();
      await insertOrganization(tx, tenantId, id, organization);
      organizationIds.set(organization.name, id);
    }
    await seedMeetingKinds(tx, tenantId);
    for (const account of demoAccounts) {
      const organizationId = organizationIds.get(account.organization);
      if (!organizationId) throw new Error(`demo seed: unknown organisation ${account.organization}`);
      await insertUser(tx, { id: randomUUID(), tenantId, organizationId, ...account, passwordHash });
    }
    await recordAudit(
      tx,
      { tenantId, actor: null, ip: null },
      {
        action: 'tenant.seed',
        resourceType: 'tenant',
        resourceId: tenantId,
        details: { seed: 'demo', organizations: organizationIds.size, users: demoAccounts.length },
      },
    );
  });
  return true;
}
