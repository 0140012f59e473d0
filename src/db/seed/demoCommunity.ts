import type { Transaction } from 'kysely';
import { addCalendarDays } from '../../domain/caseSearch.ts';
import { today } from '../../domain/clock.ts';
import type { CommunityActivityKind } from '../../domain/resources/community.ts';
import { insertCommunityActivity, insertCommunitySession } from '../community.ts';
import type { DB } from '../schema.ts';

/** A demo 地域づくり activity: at a directory resource (by name) or at a named place. */
export interface CommunityActivitySeed {
  name: string;
  kind: CommunityActivityKind;
  /** the directory resource that is its 拠点, by name */
  resource?: string;
  place?: { name: string; schoolDistrict: string; district: string };
  organizer: string;
  /** sessions, every `everyDays` days from `sinceDays` ago up to a week ago */
  sinceDays: number;
  everyDays: number;
  /** participants of the n-th session (deterministic, so the demo's figures stay put) */
  participants: (n: number) => number;
  /** organisations taking part, rotating over sessions */
  organizations: readonly (readonly string[])[];
}

/**
 * Demo 地域づくり (docs/resources.md "地域づくり"): a handful of invented activities of 鹿児島市, three of
 * them at 拠点 of the demo directory, with sessions over the last 14 months — so the current and the
 * previous 年度 both have figures, whatever the day the demo is seeded.
 */
export const demoCommunityActivities: CommunityActivitySeed[] = [
  {
    name: 'もぐもぐ食堂（山下）',
    kind: 'childrenCafeteria',
    resource: '山下こども食堂「もぐもぐ」',
    organizer: '山下地区子ども食堂の会',
    sinceDays: 420,
    everyDays: 14,
    participants: (n) => 24 + ((n * 7) % 11),
    organizations: [
      ['山下校区自治会連絡会', '鹿児島市社会福祉協議会'],
      ['山下小学校PTA', '山下校区自治会連絡会'],
    ],
  },
  {
    name: '松原いきいきサロン',
    kind: 'salon',
    resource: '松原ふれあいいきいきサロン',
    organizer: '松原校区社会福祉協議会',
    sinceDays: 410,
    everyDays: 14,
    participants: (n) => 15 + ((n * 5) % 7),
    organizations: [
      ['松原校区民生委員児童委員協議会'],
      ['松原校区民生委員児童委員協議会', '中央地域包括支援センター'],
    ],
  },
  {
    name: 'ひだまり交流会',
    kind: 'ibasho',
    resource: 'まちなか居場所「ひだまり」',
    organizer: 'NPO法人ひだまりネットかごしま',
    sinceDays: 400,
    everyDays: 30,
    participants: (n) => 8 + ((n * 3) % 5),
    organizations: [['自立相談支援機関'], ['鹿児島市社会福祉協議会', '自立相談支援機関']],
  },
  {
    name: 'いきいき百歳体操（吉野）',
    kind: 'kayoinoba',
    place: { name: '吉野東公民館（架空）', schoolDistrict: '吉野東校区', district: '吉野地区' },
    organizer: '吉野東校区町内会連絡協議会',
    sinceDays: 390,
    everyDays: 7,
    participants: (n) => 18 + ((n * 11) % 9),
    organizations: [
      ['吉野地域包括支援センター'],
      ['吉野地域包括支援センター', '吉野東校区民生委員児童委員協議会'],
    ],
  },
  {
    name: '谷山 多世代交流カフェ',
    kind: 'other',
    place: { name: '谷山福祉館（架空）', schoolDistrict: '谷山校区', district: '谷山地区' },
    organizer: '谷山地区ボランティア連絡会',
    sinceDays: 150,
    everyDays: 30,
    participants: (n) => 20 + ((n * 13) % 15),
    organizations: [['谷山地区ボランティア連絡会', '谷山中学校'], ['谷山地区ボランティア連絡会']],
  },
];

/** Seed the activities and their sessions, recorded by `userId` (a keeper of the directory). */
export async function seedCommunityActivities(
  tx: Transaction<DB>,
  tenantId: string,
  userId: string,
  seeds: readonly CommunityActivitySeed[],
): Promise<number> {
  const day = today();
  for (const seed of seeds) {
    const resource = seed.resource
      ? await tx
          .selectFrom('resources')
          .select(['id', 'name', 'locations'])
          .where('tenant_id', '=', tenantId)
          .where('name', '=', seed.resource)
          .executeTakeFirst()
      : undefined;
    if (seed.resource && !resource) throw new Error(`demo seed: unknown resource ${seed.resource}`);
    const location = resource?.locations[0];
    const activityId = await insertCommunityActivity(tx, tenantId, userId, {
      name: seed.name,
      kind: seed.kind,
      placeName: resource?.name ?? seed.place?.name ?? seed.name,
      resourceId: resource?.id ?? null,
      schoolDistrict: location?.schoolDistrict ?? seed.place?.schoolDistrict ?? null,
      district: location?.district ?? seed.place?.district ?? null,
      organizer: seed.organizer,
      note: null,
      active: true,
    });
    let n = 0;
    for (let ago = seed.sinceDays; ago >= 7; ago -= seed.everyDays) {
      await insertCommunitySession(tx, {
        tenantId,
        activityId,
        heldOn: addCalendarDays(day, -ago),
        participants: seed.participants(n),
        organizations: seed.organizations[n % seed.organizations.length] ?? [],
        note: null,
        recordedBy: userId,
      });
      n += 1;
    }
  }
  return seeds.length;
}
