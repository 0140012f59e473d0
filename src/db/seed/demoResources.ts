import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ResourceInput } from '../../contract/resources.ts';
import type { ResourceKind, ResourceNeed } from '../../domain/resources/codes.ts';
import { insertResource } from '../resources.ts';
import type { DB } from '../schema.ts';

/**
 * The demo 社会資源 directory of 鹿児島市: invented places and providers (names, people, phone numbers
 * in the unused 099-000 range), placed in the city's 地区 and 校区 so that search by area works as it
 * would. Nothing here describes a real organisation.
 */

export type ResourceSeed = Omit<ResourceInput, 'locations' | 'schedules' | 'contacts'> & {
  locations: Partial<ResourceInput['locations'][number]>[];
  schedules: ResourceInput['schedules'];
  contacts: Partial<ResourceInput['contacts'][number]>[];
};

let phoneSerial = 100;
const phone = () => `099-000-${String(++phoneSerial).padStart(4, '0')}`;

function place(district: string, schoolDistrict: string, address: string, name?: string) {
  return {
    name: name ?? null,
    postalCode: null,
    address: `鹿児島市${address}`,
    city: '鹿児島市',
    schoolDistrict,
    district,
    transportation: null,
    latitude: null,
    longitude: null,
  };
}
const weekly = (byday: string[], opensAt: string, closesAt: string, notes: string | null = null) => ({
  freq: 'WEEKLY' as const,
  byday,
  opensAt,
  closesAt,
  notes,
});
const monthly = (byday: string[], opensAt: string, closesAt: string, notes: string | null = null) => ({
  freq: 'MONTHLY' as const,
  byday,
  opensAt,
  closesAt,
  notes,
});

function resource(
  name: string,
  organization: string,
  kinds: ResourceKind[],
  needs: ResourceNeed[],
  description: string,
  extra: Partial<ResourceSeed> & Pick<ResourceSeed, 'locations' | 'schedules'>,
): ResourceSeed {
  return {
    name,
    alternateName: null,
    description,
    status: 'active',
    kinds,
    needs,
    organization: { name: organization, description: '', website: null, email: null, phone: phone() },
    eligibilityDescription: null,
    minimumAge: null,
    maximumAge: null,
    feesDescription: '無料',
    applicationProcess: '電話で問い合わせのうえ、見学日を調整します。相談支援機関からの紹介も受け付けます。',
    url: null,
    email: null,
    phone: phone(),
    assuredOn: '2026-10-01',
    contacts: [{ title: '担当', department: null, name: null, email: null, phone: null }],
    ...extra,
  };
}

export const demoResources: ResourceSeed[] = [
  resource(
    'まちなか居場所「ひだまり」',
    'NPO法人ひだまりネットかごしま',
    ['ibasho', 'participationPlace'],
    ['belonging', 'health'],
    '長くひきこもっていた人や、人と話す機会の少ない人が、予約なしで過ごせる居場所。お茶を飲んで過ごすだけでもよく、慣れてきたら軽作業や調理の手伝いに参加できます。',
    {
      eligibilityDescription: 'おおむね18歳以上。家族だけの来所・相談も可。',
      minimumAge: 18,
      locations: [place('中央地区', '名山校区', '名山町（架空）1-1', 'ひだまりハウス')],
      schedules: [weekly(['TU', 'TH', 'SA'], '10:00', '16:00')],
      contacts: [{ title: 'コーディネーター', name: '日高 陽子', phone: phone() }],
    },
  ),
  resource(
    '山下こども食堂「もぐもぐ」',
    '山下地区子ども食堂の会',
    ['childrenCafeteria'],
    ['food', 'childRearing', 'belonging'],
    '地域の子どもと親が一緒に夕食をとれる食堂。宿題を見るボランティアもいます。',
    {
      feesDescription: '子ども無料、大人300円',
      locations: [place('中央地区', '山下校区', '山下町（架空）2-3', '山下公民館')],
      schedules: [monthly(['2WE', '4WE'], '17:00', '19:30')],
    },
  ),
  resource(
    '松原ふれあいいきいきサロン',
    '松原校区社会福祉協議会',
    ['salon'],
    ['belonging', 'care'],
    '高齢者が体操やおしゃべりを楽しむサロン。民生委員が見守りを兼ねて参加しています。',
    {
      minimumAge: 65,
      eligibilityDescription: '校区内にお住まいのおおむね65歳以上の方',
      feesDescription: '1回100円（お茶代）',
      locations: [place('中央地区', '松原校区', '松原町（架空）5-8', '松原校区公民館')],
      schedules: [monthly(['1MO', '3MO'], '10:00', '12:00')],
    },
  ),
  resource(
    'なかす しごと体験工房',
    '社会福祉法人なかす福祉会',
    ['workExperience', 'participationPlace'],
    ['work', 'health'],
    '袋詰め・検品などの軽作業を1日2時間から体験できます。体験の様子は本人の同意のうえで紹介元の相談支援機関に伝えます。',
    {
      eligibilityDescription: '就労経験が少ない、またはブランクが長い方。障害の有無を問いません。',
      minimumAge: 15,
      locations: [place('中央地区', '中洲校区', '中洲通（架空）4-2')],
      schedules: [weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '09:30', '15:30')],
      contacts: [{ title: 'サービス管理責任者', name: '中洲 健一', phone: phone() }],
    },
  ),
  resource(
    '荒田みんなの食堂',
    '荒田地域食堂運営委員会',
    ['childrenCafeteria', 'foodSupport'],
    ['food', 'belonging'],
    '子どもから高齢者まで誰でも利用できる地域食堂。希望者には食品の持ち帰りもあります。',
    {
      feesDescription: '子ども無料、大人300円',
      locations: [place('中央地区', '荒田校区', '荒田（架空）1-20', '荒田地域集会所')],
      schedules: [monthly(['1SA', '3SA'], '11:30', '14:00')],
    },
  ),
  resource(
    'ひきこもり家族会・居場所「こもれび」',
    'かごしま こもれびの会',
    ['ibasho', 'consultationDesk'],
    ['belonging'],
    'ひきこもりの本人と家族のための居場所と家族会。家族だけの参加もできます。',
    {
      locations: [place('上町地区', '清水校区', '清水町（架空）7-7')],
      schedules: [monthly(['2SU'], '13:30', '16:00', '家族会は第2日曜日')],
    },
  ),
  resource(
    '大龍ふれあい農園ボランティア',
    '大龍まちづくり協議会',
    ['volunteering', 'participationPlace'],
    ['belonging', 'health'],
    '地域の農園で野菜づくりを手伝うボランティア。初めての方には世話役が付きます。',
    {
      locations: [place('上町地区', '大龍校区', '大竜町（架空）3-1')],
      schedules: [weekly(['WE', 'SA'], '09:00', '11:30', '雨天中止')],
    },
  ),
  resource(
    '坂元台サロン「さくら」',
    '坂元台町内会',
    ['salon'],
    ['belonging', 'care'],
    '町内会館でのお茶会と脳トレ。送迎が必要な方はご相談ください。',
    {
      minimumAge: 60,
      feesDescription: '1回100円',
      locations: [place('上町地区', '坂元台校区', '坂元町（架空）11-2', '坂元台町内会館')],
      schedules: [weekly(['FR'], '13:30', '15:30')],
    },
  ),
  resource(
    '学習支援教室「まなびや鴨池」',
    'NPO法人かごしま子ども未来',
    ['learningSupport', 'ibasho'],
    ['learning', 'childRearing', 'belonging'],
    '小学生から高校生までの学習支援と居場所。大学生ボランティアが勉強を見ます。',
    {
      minimumAge: 6,
      maximumAge: 18,
      eligibilityDescription: '生活困窮世帯・ひとり親世帯の子どもを優先',
      locations: [place('鴨池地区', '鴨池校区', '鴨池（架空）2-9')],
      schedules: [weekly(['TU', 'TH'], '16:00', '19:00')],
    },
  ),
  resource(
    'フードバンク郡元受取所',
    'フードバンクさつま',
    ['foodSupport'],
    ['food', 'money'],
    '寄付された食品を、相談支援機関の紹介を受けた世帯にお渡しします。',
    {
      applicationProcess: '相談支援機関（自立相談支援機関など）からの紹介状が必要です。',
      locations: [place('鴨池地区', '郡元校区', '郡元（架空）1-4')],
      schedules: [weekly(['WE'], '13:00', '16:00')],
    },
  ),
  resource(
    'しごとチャレンジかもいけ（就労準備）',
    '一般社団法人ワークステップかごしま',
    ['workExperience', 'participationPlace'],
    ['work'],
    '生活リズムづくりから職場見学、短時間の就労体験までを段階的に支援します。',
    {
      minimumAge: 15,
      maximumAge: 64,
      locations: [place('鴨池地区', '鴨池校区', '鴨池新町（架空）6-6')],
      schedules: [weekly(['MO', 'WE', 'FR'], '10:00', '15:00')],
      contacts: [{ title: '就労支援員', name: '鴨田 誠', phone: phone() }],
    },
  ),
  resource(
    '南州建設 現場作業員（協力雇用主）',
    '株式会社南州建設',
    ['cooperatingEmployer', 'employment'],
    ['work', 'reentry'],
    '保護観察所に登録された協力雇用主。刑務所出所者等を現場作業員として雇用し、寮もあります。',
    {
      eligibilityDescription: '保護観察所または更生保護施設からの紹介',
      minimumAge: 18,
      feesDescription: null,
      applicationProcess: '保護観察所の就労支援担当を通じて面接を調整します。',
      locations: [place('鴨池地区', '郡元校区', '郡元町（架空）8-15')],
      schedules: [weekly(['MO', 'TU', 'WE', 'TH', 'FR', 'SA'], '08:00', '17:00')],
      contacts: [{ title: '総務部長', name: '南 大介', phone: phone() }],
    },
  ),
  resource(
    'さつま清掃サービス（協力雇用主・就労体験）',
    '有限会社さつま清掃サービス',
    ['cooperatingEmployer', 'employment', 'workExperience'],
    ['work', 'reentry'],
    'ビル清掃の仕事。1週間の就労体験のあと、希望すれば雇用に移れます。',
    {
      minimumAge: 18,
      feesDescription: null,
      locations: [place('城西地区', '西田校区', '西田（架空）3-3')],
      schedules: [weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '07:00', '15:00')],
      contacts: [{ title: '代表取締役', name: '薩摩 洋', phone: phone() }],
    },
  ),
  resource(
    '西田商店街にぎわいボランティア',
    '西田商店街振興組合',
    ['volunteering', 'participationPlace'],
    ['belonging'],
    '商店街のイベント準備や清掃を手伝うボランティア。短時間から参加できます。',
    {
      locations: [place('城西地区', '西田校区', '西田（架空）1-1', '商店街事務所')],
      schedules: [monthly(['4SA'], '09:00', '12:00')],
    },
  ),
  resource(
    '草牟田こども食堂',
    '草牟田こども食堂実行委員会',
    ['childrenCafeteria'],
    ['food', 'childRearing'],
    '月2回の子ども食堂。ひとりで来る子どもも歓迎です。',
    {
      feesDescription: '子ども無料、大人200円',
      locations: [place('城西地区', '草牟田校区', '草牟田（架空）2-5')],
      schedules: [monthly(['1FR', '3FR'], '17:00', '19:00')],
    },
  ),
  resource(
    '原良 地域の茶の間',
    '原良校区コミュニティ協議会',
    ['salon', 'ibasho'],
    ['belonging', 'care'],
    '誰でも立ち寄れる茶の間。手芸や囲碁のサークルもあります。',
    {
      locations: [place('城西地区', '原良校区', '原良（架空）4-10')],
      schedules: [weekly(['MO', 'TH'], '10:00', '15:00')],
    },
  ),
  resource(
    '居場所カフェ「たけおか」',
    'NPO法人たけおかの丘',
    ['ibasho', 'participationPlace'],
    ['belonging', 'work'],
    '団地の集会所を使った居場所カフェ。慣れてきたら接客や調理の手伝いもできます。',
    {
      locations: [place('武・田上地区', '武岡校区', '武岡（架空）5-2', '武岡ハイツ集会所')],
      schedules: [weekly(['WE', 'FR'], '11:00', '16:00')],
    },
  ),
  resource(
    '田上ふれあい農園（就労体験）',
    '社会福祉法人たがみ会',
    ['workExperience', 'participationPlace'],
    ['work', 'health'],
    '農作業の就労体験。半日から参加でき、体験後は就労継続支援や一般就労につなぎます。',
    {
      locations: [place('武・田上地区', '田上校区', '田上（架空）8-1')],
      schedules: [weekly(['TU', 'TH'], '09:00', '12:00')],
    },
  ),
  resource(
    '武こども食堂「たけっこ」',
    '武校区子ども食堂の会',
    ['childrenCafeteria'],
    ['food', 'childRearing'],
    '地域のお寺で開く子ども食堂。',
    {
      status: 'temporarily closed',
      feesDescription: '子ども無料',
      locations: [place('武・田上地区', '武校区', '武（架空）2-2')],
      schedules: [monthly(['2SA'], '11:00', '13:30', '会場改修のため当面休止')],
    },
  ),
  resource(
    '谷山ものづくり作業所',
    '社会福祉法人たにやま福祉会',
    ['workExperience', 'participationPlace'],
    ['work', 'health'],
    '木工・手芸の作業所。工賃のある作業体験ができます。',
    {
      eligibilityDescription: '障害福祉サービスの受給者証がなくても体験可',
      locations: [place('谷山地区', '谷山校区', '谷山中央（架空）3-7')],
      schedules: [weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '09:30', '15:00')],
    },
  ),
  resource(
    '谷山リサイクル 選別作業（協力雇用主）',
    '株式会社谷山リサイクル',
    ['cooperatingEmployer', 'employment'],
    ['work', 'reentry'],
    '資源ごみの選別作業。未経験者歓迎。協力雇用主として保護観察所に登録しています。',
    {
      minimumAge: 18,
      feesDescription: null,
      locations: [place('谷山地区', '和田校区', '和田（架空）2-18')],
      schedules: [weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '08:30', '17:00')],
      contacts: [{ title: '工場長', name: '谷口 勝', phone: phone() }],
    },
  ),
  resource(
    '和田サロン「わだっこ」',
    '和田校区地区社会福祉協議会',
    ['salon'],
    ['belonging', 'care'],
    '体操、歌、おしゃべりのサロン。',
    {
      minimumAge: 65,
      feesDescription: '1回100円',
      locations: [place('谷山地区', '和田校区', '和田（架空）1-1', '和田地域福祉館')],
      schedules: [monthly(['2TU', '4TU'], '10:00', '11:30')],
    },
  ),
  resource(
    'ユース居場所「ひがしたにやま」',
    'NPO法人ユースサポートかごしま',
    ['ibasho', 'learningSupport', 'participationPlace'],
    ['belonging', 'learning', 'work'],
    '15〜39歳の若者の居場所。学び直しや就労体験への橋渡しもします。',
    {
      minimumAge: 15,
      maximumAge: 39,
      locations: [place('谷山地区', '東谷山校区', '東谷山（架空）4-4')],
      schedules: [weekly(['MO', 'WE', 'FR'], '13:00', '18:00')],
    },
  ),
  resource(
    '伊敷図書ボランティア',
    '伊敷地域図書の会',
    ['volunteering', 'participationPlace'],
    ['belonging', 'learning'],
    '地域文庫の本の整理や読み聞かせの手伝い。人と話すのが苦手な方は整理作業からどうぞ。',
    {
      locations: [place('伊敷地区', '伊敷校区', '伊敷（架空）6-1')],
      schedules: [weekly(['TH'], '10:00', '12:00')],
    },
  ),
  resource(
    '花野こども食堂',
    '花野の子ども応援団',
    ['childrenCafeteria'],
    ['food', 'childRearing'],
    '月1回の子ども食堂と、長期休暇中の昼食会。',
    {
      feesDescription: '子ども無料、大人300円',
      locations: [place('伊敷地区', '花野校区', '花野（架空）2-2')],
      schedules: [monthly(['3SA'], '11:30', '13:30')],
    },
  ),
  resource(
    '居場所「いしきの家」',
    '一般社団法人いしきの家',
    ['ibasho', 'consultationDesk'],
    ['belonging', 'health'],
    '古民家を使った居場所。訪問で関係をつくってから来所につなぐこともできます。',
    {
      locations: [place('伊敷地区', '西伊敷校区', '西伊敷（架空）3-9')],
      schedules: [weekly(['TU', 'SA'], '10:00', '16:00')],
    },
  ),
  resource(
    '吉野いきいきサロン',
    '吉野校区社会福祉協議会',
    ['salon'],
    ['belonging', 'care'],
    '公民館でのいきいき百歳体操とお茶会。',
    {
      minimumAge: 65,
      locations: [place('吉野地区', '吉野校区', '吉野町（架空）1-5', '吉野公民館')],
      schedules: [weekly(['WE'], '10:00', '11:30')],
    },
  ),
  resource(
    '大明丘 農作業体験',
    '大明丘ふるさと農園',
    ['workExperience', 'volunteering'],
    ['work', 'health'],
    '畑の草取りや収穫の体験。体を動かして生活リズムを整えたい方に。',
    {
      locations: [place('吉野地区', '大明丘校区', '大明丘（架空）2-3')],
      schedules: [weekly(['SA'], '09:00', '11:00')],
    },
  ),
  resource(
    '桜島みかん農家の就労体験',
    '桜島みかん生産組合（架空）',
    ['workExperience', 'participationPlace'],
    ['work'],
    '収穫期（11〜12月）のみかんの収穫・選果の体験。フェリー代は組合が負担します。',
    {
      locations: [place('桜島地区', '桜洲校区', '桜島（架空）横山町1')],
      schedules: [weekly(['MO', 'WE', 'FR'], '08:30', '15:00', '11月〜12月のみ')],
    },
  ),
  resource(
    '喜入みんなの食堂',
    '喜入地域食堂の会',
    ['childrenCafeteria', 'foodSupport'],
    ['food', 'belonging'],
    '地域の誰もが集まれる食堂。高齢者の配食も行っています。',
    {
      feesDescription: '子ども無料、大人300円',
      locations: [place('喜入地区', '喜入校区', '喜入町（架空）5')],
      schedules: [monthly(['1SU'], '11:30', '13:30')],
    },
  ),
  resource(
    '居場所「まつもとの縁側」',
    '松元地域福祉ネットワーク',
    ['ibasho', 'salon'],
    ['belonging', 'care'],
    '民家の縁側を開放した居場所。子ども連れも高齢者も立ち寄れます。',
    {
      locations: [place('松元地区', '松元校区', '松元（架空）2-8')],
      schedules: [weekly(['TU', 'FR'], '10:00', '15:00')],
    },
  ),
  resource(
    'くらし・しごと相談（住まいの相談）',
    '鹿児島市くらし・しごとサポートセンター（架空）',
    ['consultationDesk', 'housingSupport'],
    ['housing', 'money', 'work'],
    '住まいを失うおそれのある方の相談、家計の見直し、仕事探しをまとめて受け付けます。',
    {
      feesDescription: '無料',
      applicationProcess: '予約のうえ来所、または電話で相談できます。',
      locations: [place('中央地区', '名山校区', '山下町（架空）11-1', '市役所別館3階')],
      schedules: [weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '08:30', '17:15', '祝日・年末年始を除く')],
      contacts: [{ department: '相談係', title: '主任相談支援員', name: null, phone: phone() }],
    },
  ),
  resource(
    '自立準備ホーム「あさひ寮」',
    '社会福祉法人かごしま更生会（架空）',
    ['housingSupport'],
    ['housing', 'reentry'],
    '刑務所出所者等が自立するまでの住まいと生活支援。保護観察所の委託によります。',
    {
      eligibilityDescription: '保護観察所が委託する方',
      minimumAge: 18,
      applicationProcess: '保護観察所を通じて申し込みます。',
      locations: [place('鴨池地区', '郡元校区', '宇宿（架空）3-3')],
      schedules: [weekly(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], '00:00', '23:59', '入寮者は常時')],
    },
  ),
  resource(
    'しろやま食品 製造補助（協力雇用主）',
    '有限会社しろやま食品',
    ['cooperatingEmployer', 'employment', 'workExperience'],
    ['work', 'reentry'],
    '総菜工場の製造補助。短時間勤務から始められます。',
    {
      minimumAge: 16,
      feesDescription: null,
      locations: [place('上町地区', '清水校区', '城山町（架空）9-9')],
      schedules: [weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '06:00', '14:00')],
      contacts: [{ title: '工場長', name: '城山 直樹', phone: phone() }],
    },
  ),
];

/** Add the resources to a tenant's directory (seeds only; no one is signed in). */
export async function seedResourceDirectory(
  tx: Transaction<DB>,
  tenantId: string,
  resources: readonly ResourceSeed[],
): Promise<number> {
  for (const seed of resources) {
    await insertResource(tx, tenantId, null, {
      ...seed,
      locations: seed.locations.map((l) => ({
        name: null,
        postalCode: null,
        address: null,
        city: null,
        schoolDistrict: null,
        district: null,
        transportation: null,
        latitude: null,
        longitude: null,
        ...l,
        hsdsId: randomUUID(),
      })),
      schedules: seed.schedules.map((s) => ({ ...s, hsdsId: randomUUID() })),
      contacts: seed.contacts.map((c) => ({
        name: null,
        title: null,
        department: null,
        email: null,
        phone: null,
        ...c,
        hsdsId: randomUUID(),
      })),
    });
  }
  return resources.length;
}
