import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { today } from '../../domain/clock.ts';
import { seedDemoForms } from './demoForms.ts';

/**
 * The demo's casework: a dozen synthetic cases across every stage, made through the real API
 * (in-process, `app.inject`) as the demo users would make them, so every record, participant,
 * timeline entry and audit event is exactly what the app itself writes. All people are generated.
 */

interface Response<T> {
  status: number;
  body: T;
}

export class DemoUser {
  private cookie = '';
  private csrf = '';

  constructor(
    private readonly app: FastifyInstance,
    readonly loginId: string,
  ) {}

  async signIn(): Promise<this> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { loginId: this.loginId, password: DEMO_PASSWORD },
    });
    if (response.statusCode !== 200) throw new Error(`demo: sign-in ${this.loginId}: ${response.body}`);
    this.cookie = String(response.cookies.find((c) => c.name === 'kasane_session')?.value ?? '');
    this.csrf = response.json().csrfToken;
    return this;
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<T> {
    const response = await this.app.inject({
      method,
      url,
      cookies: { kasane_session: this.cookie },
      headers: method === 'GET' ? {} : { 'x-csrf-token': this.csrf },
      ...(method === 'GET' ? {} : { payload: (payload ?? {}) as object }),
    });
    const result: Response<T> = { status: response.statusCode, body: response.json() as T };
    if (result.status >= 300)
      throw new Error(`demo: ${this.loginId} ${method} ${url} → ${result.status} ${response.body}`);
    return result.body;
  }
}

function daysAgo(days: number): string {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
function daysAhead(days: number): string {
  return daysAgo(-days);
}
/** A past instant on that many days ago at the given Japan time, as ISO with offset. */
const at = (days: number, time: string) => `${daysAgo(days)}T${time}:00+09:00`;

export interface Organizations {
  [name: string]: string;
}

export interface NewPerson {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  sex: 'male' | 'female';
  address?: string;
}

const person = (
  familyName: string,
  givenName: string,
  familyNameKana: string,
  givenNameKana: string,
  birthDate: string,
  sex: 'male' | 'female',
): NewPerson => ({
  familyName,
  givenName,
  familyNameKana,
  givenNameKana,
  birthDate,
  sex,
  address: '鹿児島市（架空の住所）',
});

export interface Flow {
  coordinator: DemoUser;
  orgs: Organizations;
  kinds: { supportMeeting: string; multilayerMeeting: string };
}

export async function consultation(
  counter: DemoUser,
  body: {
    person: NewPerson;
    members?: { person: NewPerson; relation: string; livingTogether: boolean }[];
    visitor?: { name: string; relation: string } | null;
    topics: string[];
    mainTopic: string;
    content: string;
    wishes?: string;
    consentToShare: boolean;
    receivedOn: string;
    outcome: Record<string, unknown>;
  },
) {
  return counter.call<{ id: string; person: { id: string } }>('POST', '/api/consultations', {
    person: body.person,
    householdMembers: (body.members ?? []).map((m) => ({
      person: m.person,
      relation: m.relation,
      livingTogether: m.livingTogether,
    })),
    visitor: body.visitor ?? null,
    channel: 'visit',
    topics: body.topics,
    mainTopic: body.mainTopic,
    content: body.content,
    wishes: body.wishes,
    consentToShare: body.consentToShare,
    receivedOn: body.receivedOn,
    outcome: body.outcome,
  });
}

export async function handoverIdOf(counter: DemoUser, consultationId: string): Promise<string> {
  const detail = await counter.call<{ handovers: { id: string }[] }>(
    'GET',
    `/api/consultations/${consultationId}`,
  );
  const newest = detail.handovers[0];
  if (!newest) throw new Error('demo: no handover');
  return newest.id;
}

/** Take a consultation, hand it over, have the coordinator accept it: returns the case id and persons. */
export async function acceptedCase(flow: Flow, counter: DemoUser, input: Parameters<typeof consultation>[1]) {
  const taken = await consultation(counter, input);
  const handoverId = await handoverIdOf(counter, taken.id);
  const accepted = await flow.coordinator.call<{ caseId: string }>(
    'POST',
    `/api/handovers/${handoverId}/accept`,
  );
  const detail = await flow.coordinator.call<{
    persons: { id: string; isTarget?: boolean; relation?: string }[];
  }>('GET', `/api/cases/${accepted.caseId}`);
  return { caseId: accepted.caseId, personId: taken.person.id, personIds: detail.persons.map((p) => p.id) };
}

export async function assess(
  flow: Flow,
  caseId: string,
  issues: string[],
  householdFlags: string[],
  summary: string,
) {
  await flow.coordinator.call('PUT', `/api/cases/${caseId}/assessment`, {
    issues,
    householdFlags,
    summary,
    wishes: '（本人）できれば今の家で暮らし続けたい。',
    strengths: '近所に見守ってくれる知人がいる。',
    relations: [],
  });
}

export async function consent(
  flow: Flow,
  personId: string,
  caseId: string,
  organizationNames: string[],
  givenDaysAgo: number,
  categories: string[] = ['basic', 'consultation', 'assessment', 'plan'],
) {
  await flow.coordinator.call('POST', '/api/consents', {
    personId,
    caseId,
    organizationIds: organizationNames.map((n) => flow.orgs[n]),
    categories,
    givenOn: daysAgo(givenDaysAgo),
    method: 'signedForm',
  });
}

export async function heldMeeting(
  flow: Flow,
  caseId: string,
  kind: 'supportMeeting' | 'multilayerMeeting',
  organizationNames: string[],
  heldDaysAgo: number,
  acknowledgers: DemoUser[] = [],
): Promise<string> {
  const meeting = await flow.coordinator.call<{ id: string }>('POST', `/api/cases/${caseId}/meetings`, {
    kindId: flow.kinds[kind],
    title: kind === 'supportMeeting' ? '支援会議（情報共有・見守り）' : '重層的支援会議（支援プランの協議）',
    scheduledAt: at(heldDaysAgo, '14:00'),
    place: '市役所本館 会議室',
    agenda: '1. 課題の共有\n2. 役割分担の協議',
    invitedOrganizationIds: organizationNames.map((n) => flow.orgs[n]),
  });
  for (const user of acknowledgers) await user.call('POST', `/api/meetings/${meeting.id}/acknowledgement`);
  await flow.coordinator.call('POST', `/api/meetings/${meeting.id}/minutes`, {
    heldAt: at(heldDaysAgo, '14:00'),
    attendance: organizationNames.map((n) => ({
      organizationId: flow.orgs[n],
      attended: true,
      attendeeName: `${n} 担当者`,
    })),
    minutes: '各機関から状況を報告し、今後の支援方針を確認した。',
    decisions:
      kind === 'multilayerMeeting'
        ? '支援プラン案のとおり役割分担を決定した。'
        : '同意取得まで各機関で見守りを継続する。',
  });
  return meeting.id;
}

export async function approvedPlan(
  flow: Flow,
  caseId: string,
  meetingId: string,
  items: { content: string; organization: string; frequency: string; links?: string[] }[],
  nextMonitoringOn: string,
) {
  const plan = await flow.coordinator.call<{ id: string; items: { id: string }[] }>(
    'POST',
    `/api/cases/${caseId}/plans`,
    {
      wishes: '家族それぞれが安心して暮らせるようにしたい。',
      longTermGoal: '世帯が地域の中で孤立せずに生活を続けられる。',
      shortTermGoals: '必要な制度につながり、定期的に支援者と会える。',
      nextMonitoringOn,
      items: items.map((item) => ({
        content: item.content,
        organizationId: flow.orgs[item.organization],
        frequency: item.frequency,
        periodFrom: daysAgo(40),
        periodTo: daysAhead(150),
        links: item.links ?? [],
      })),
    },
  );
  await flow.coordinator.call('POST', `/api/plans/${plan.id}/approve`, { meetingId });
  return plan;
}

export async function report(user: DemoUser, planItemId: string, supportedDaysAgo: number, content: string) {
  await user.call('POST', '/api/support-reports', {
    planItemId,
    supportedOn: daysAgo(supportedDaysAgo),
    content,
    result: 'done',
  });
}

/** Seed the demo cases; call once, on a freshly seeded demo tenant. */
export async function seedDemoCases(app: FastifyInstance): Promise<void> {
  const users = Object.fromEntries(
    await Promise.all(
      ['coordinator', 'houkatsu', 'shogai', 'hogo', 'hogokansatsu'].map(
        async (id) => [id, await new DemoUser(app, id).signIn()] as const,
      ),
    ),
  ) as Record<'coordinator' | 'houkatsu' | 'shogai' | 'hogo' | 'hogokansatsu', DemoUser>;
  const { coordinator, houkatsu, shogai, hogo, hogokansatsu } = users;
  const orgList = await coordinator.call<{ items: { id: string; name: string }[] }>(
    'GET',
    '/api/organizations',
  );
  const orgs: Organizations = Object.fromEntries(orgList.items.map((o) => [o.name, o.id]));
  const kinds = await meetingKinds(coordinator);
  const flow: Flow = { coordinator, orgs, kinds };

  // 1. 8050: an 83-year-old mother and her withdrawn 54-year-old son; supported by 障害者相談支援事業所 and 保護第一課.
  const c8050 = await acceptedCase(flow, houkatsu, {
    person: person('城山', '和夫', 'シロヤマ', 'カズオ', daysAgo(54 * 365 + 120), 'male'),
    members: [
      {
        person: person('城山', 'トメ', 'シロヤマ', 'トメ', daysAgo(83 * 365 + 40), 'female'),
        relation: 'mother',
        livingTogether: true,
      },
    ],
    visitor: { name: '城山 トメ', relation: 'mother' },
    topics: ['withdrawal', 'care', 'income'],
    mainTopic: 'withdrawal',
    content:
      '母（83歳）から、54歳の息子が20年近く自室にひきこもっている。自分の足腰が弱り、年金だけでは二人の生活が苦しいと相談。',
    wishes: '息子が外に出られるようになってほしい。',
    consentToShare: true,
    receivedOn: daysAgo(75),
    outcome: {
      kind: 'handover',
      reason: '母の介護と息子のひきこもり、世帯の経済的困窮が重なり、包括だけでは対応が難しい。',
      servicesTried: '母の要介護認定申請、介護保険サービスの案内。',
    },
  });
  await assess(
    flow,
    c8050.caseId,
    ['withdrawal', 'elderlyCare', 'financialHardship'],
    ['8050'],
    '母の介護、息子のひきこもり、経済的困窮が重なる8050世帯。',
  );
  await heldMeeting(flow, c8050.caseId, 'supportMeeting', ['障害者相談支援事業所'], 60, [shogai]);
  await consent(
    flow,
    c8050.personId,
    c8050.caseId,
    ['障害者相談支援事業所', '保護第一課', '地域包括支援センター'],
    50,
  );
  const m8050 = await heldMeeting(
    flow,
    c8050.caseId,
    'multilayerMeeting',
    ['障害者相談支援事業所', '保護第一課'],
    45,
  );
  const p8050 = await approvedPlan(
    flow,
    c8050.caseId,
    m8050,
    [
      {
        content: '本人への訪問（アウトリーチ）と障害福祉サービスの利用調整',
        organization: '障害者相談支援事業所',
        frequency: '週1回',
        links: ['outreach'],
      },
      { content: '生活保護の相談と家計の見直し', organization: '保護第一課', frequency: '月1回' },
      { content: '母の介護サービス利用の見守り', organization: '地域包括支援センター', frequency: '月2回' },
    ],
    daysAhead(20),
  );
  const [i1, i2, i3] = p8050.items;
  if (i1)
    await report(shogai, i1.id, 30, '自宅を訪問。本人は自室から出てこなかったが、ドア越しに挨拶を交わせた。');
  if (i1) await report(shogai, i1.id, 9, '2回目の訪問。本人と居間で10分ほど話せた。');
  if (i2) await report(hogo, i2.id, 20, '母と面談し、生活保護の申請手続きを説明した。');
  if (i3) await report(houkatsu, i3.id, 12, 'デイサービスの利用開始を確認。母の表情が明るくなった。');

  // 2. ダブルケア: a mother of two caring for her father with dementia; 課題整理 done, meeting not yet held.
  const cDouble = await acceptedCase(flow, houkatsu, {
    person: person('桜島', '美咲', 'サクラジマ', 'ミサキ', daysAgo(41 * 365), 'female'),
    members: [
      {
        person: person('桜島', '重雄', 'サクラジマ', 'シゲオ', daysAgo(78 * 365), 'male'),
        relation: 'father',
        livingTogether: true,
      },
      {
        person: person('桜島', '陽太', 'サクラジマ', 'ヨウタ', daysAgo(4 * 365), 'male'),
        relation: 'son',
        livingTogether: true,
      },
    ],
    topics: ['care', 'childRearing'],
    mainTopic: 'care',
    content: '認知症の父の介護と幼い子の子育てが重なり、仕事も続けられなくなりそうだと本人から相談。',
    consentToShare: true,
    receivedOn: daysAgo(20),
    outcome: {
      kind: 'handover',
      reason: '介護と子育ての両方に支援が必要で、関係機関の連携が欠かせない。',
      servicesTried: '父の介護保険サービス（デイサービス）。',
    },
  });
  await assess(
    flow,
    cDouble.caseId,
    ['elderlyCare', 'dementia', 'parentingAnxiety'],
    ['doubleCare'],
    '介護と子育てが同時に重なるダブルケア世帯。',
  );

  // 3. Leaving prison: supported with 鹿児島保護観察所 and 鹿児島県地域生活定着センター.
  const cRelease = await acceptedCase(flow, hogokansatsu, {
    person: person('天文館', '正', 'テンモンカン', 'タダシ', daysAgo(68 * 365), 'male'),
    topics: ['housing', 'income', 'health'],
    mainTopic: 'housing',
    content: '満期釈放後、身寄りがなく住まいが定まらない高齢の男性。福祉サービスにつなぎたい。',
    consentToShare: true,
    receivedOn: daysAgo(35),
    outcome: {
      kind: 'handover',
      reason: '住まい・収入・健康の課題が重なり、福祉と更生保護の連携が必要。',
      servicesTried: '更生保護施設への一時入所の調整。',
    },
  });
  await assess(
    flow,
    cRelease.caseId,
    ['offenceHistory', 'unstableHousing', 'noKin'],
    [],
    '出所後の住まいと生活の再建。',
  );
  await consent(
    flow,
    cRelease.personId,
    cRelease.caseId,
    ['鹿児島保護観察所', '鹿児島県地域生活定着センター', '保護第一課'],
    30,
  );
  const mRelease = await heldMeeting(
    flow,
    cRelease.caseId,
    'multilayerMeeting',
    ['鹿児島県地域生活定着センター', '保護第一課'],
    25,
  );
  const pRelease = await approvedPlan(
    flow,
    cRelease.caseId,
    mRelease,
    [
      {
        content: '住まいの確保と福祉サービスへのつなぎ',
        organization: '鹿児島県地域生活定着センター',
        frequency: '週1回',
      },
      { content: '生活保護の申請支援', organization: '保護第一課', frequency: '随時' },
      { content: '保護観察の面接と生活状況の共有', organization: '鹿児島保護観察所', frequency: '月2回' },
    ],
    daysAhead(10),
  );
  const releaseItem = pRelease.items[2];
  if (releaseItem)
    await report(hogokansatsu, releaseItem.id, 6, '面接を実施。新しい住まいで落ち着いて生活している。');
  // 要配慮個人情報: the offence history (満期釈放) is recorded by 鹿児島保護観察所 on the case, which
  // marks it 犯罪をした者等, and shared on the person's consent to 犯罪歴等 with the centre and the
  // coordinating section only (保護第一課 supports the case without knowing it).
  await consent(
    flow,
    cRelease.personId,
    cRelease.caseId,
    ['鹿児島保護観察所', '鹿児島県地域生活定着センター', '重層事業担当'],
    24,
    ['basic', 'offence'],
  );
  const releaseFact = await hogokansatsu.call<{ id: string }>('POST', '/api/sensitive-facts', {
    personId: cRelease.personId,
    caseId: cRelease.caseId,
    kind: 'offence',
    subtype: 'sentenceServed',
    summary: '窃盗により服役し、満期釈放（架空の記録）',
    details: '前刑：窃盗（懲役1年6月）。刑事施設を満期で出所。身元引受人なし。（デモ用の架空の記録）',
  });
  for (const [name, reason] of [
    ['鹿児島県地域生活定着センター', '出所後の住まいと福祉サービスの調整のため'],
    ['重層事業担当', '支援プランの調整のため'],
  ] as const) {
    await hogokansatsu.call('POST', `/api/sensitive-facts/${releaseFact.id}/grants`, {
      organizationId: flow.orgs[name],
      reason,
    });
  }

  // 4. A handover returned with reasons.
  const returned = await consultation(houkatsu, {
    person: person('磯', '健一', 'イソ', 'ケンイチ', daysAgo(72 * 365), 'male'),
    topics: ['care'],
    mainTopic: 'care',
    content: '一人暮らしの男性の介護サービス利用について近所の方から相談。',
    consentToShare: true,
    receivedOn: daysAgo(14),
    outcome: { kind: 'handover', reason: '本人が支援を拒んでいる。', servicesTried: '訪問による声かけ。' },
  });
  await coordinator.call('POST', `/api/handovers/${await handoverIdOf(houkatsu, returned.id)}/return`, {
    reason:
      '現時点では介護保険サービスの調整で対応できる見込みです。包括で引き続き訪問し、課題が重なった場合は再度ご相談ください。',
  });

  // 5. A closed case (resolved).
  const cClosed = await acceptedCase(flow, shogai, {
    person: person('吉野', '誠', 'ヨシノ', 'マコト', daysAgo(33 * 365), 'male'),
    topics: ['jobSeeking', 'health'],
    mainTopic: 'jobSeeking',
    content: '精神疾患の診断があり、就労が続かない。家族とも疎遠。',
    consentToShare: true,
    receivedOn: daysAgo(200),
    outcome: {
      kind: 'handover',
      reason: '就労と医療・生活の支援を一体で行う必要がある。',
      servicesTried: '就労移行支援の見学。',
    },
  });
  await assess(flow, cClosed.caseId, ['mentalIllness', 'hardToEmploy'], [], '就労の継続と通院の安定。');
  await consent(flow, cClosed.personId, cClosed.caseId, ['障害者相談支援事業所', '自立相談支援機関'], 180);
  const mClosed = await heldMeeting(
    flow,
    cClosed.caseId,
    'multilayerMeeting',
    ['障害者相談支援事業所', '自立相談支援機関'],
    170,
  );
  const pClosed = await approvedPlan(
    flow,
    cClosed.caseId,
    mClosed,
    [
      {
        content: '就労定着の支援',
        organization: '障害者相談支援事業所',
        frequency: '月2回',
        links: ['participationSupport'],
      },
    ],
    daysAgo(30),
  );
  const closedItem = pClosed.items[0];
  if (closedItem) await report(shogai, closedItem.id, 60, '職場を訪問。勤務は安定している。');
  await coordinator.call('POST', `/api/cases/${cClosed.caseId}/monitorings`, {
    conductedOn: daysAgo(20),
    itemResults: closedItem
      ? [{ planItemId: closedItem.id, progress: 'achieved', note: '6か月の就労継続を達成。' }]
      : [],
    decision: 'close',
    closure: {
      reason: 'resolved',
      evaluation: '就労が定着し、通院も安定した。目標を達成したため終結とする。',
    },
  });

  // 6. Watching: a 支援会議 held, consent not yet given.
  const cWatch = await acceptedCase(flow, hogo, {
    person: person('甲突', '幸子', 'コウツキ', 'サチコ', daysAgo(47 * 365), 'female'),
    topics: ['dvAbuse', 'income'],
    mainTopic: 'dvAbuse',
    content: '生活保護の面接で、夫からの暴力をうかがわせる発言があった。本人は支援を迷っている。',
    consentToShare: false,
    receivedOn: daysAgo(25),
    outcome: {
      kind: 'handover',
      reason: '本人の同意が得られないが、見守りと関係機関の情報共有が必要。',
      servicesTried: '女性相談窓口の案内。',
    },
  });
  await heldMeeting(flow, cWatch.caseId, 'supportMeeting', ['地域包括支援センター', '保護第一課'], 10, [
    houkatsu,
    hogo,
  ]);

  // 7. Revising: monitoring decided the plan needs revision.
  const cRevise = await acceptedCase(flow, houkatsu, {
    person: person('紫原', '勝', 'ムラサキバル', 'マサル', daysAgo(80 * 365), 'male'),
    members: [
      {
        person: person('紫原', '典子', 'ムラサキバル', 'ノリコ', daysAgo(77 * 365), 'female'),
        relation: 'spouse',
        livingTogether: true,
      },
    ],
    topics: ['care', 'health'],
    mainTopic: 'care',
    content: '老老介護。妻の認知症が進み、夫も持病がある。',
    consentToShare: true,
    receivedOn: daysAgo(120),
    outcome: {
      kind: 'handover',
      reason: '夫婦ともに支援が必要で、医療と介護の連携が要る。',
      servicesTried: '訪問介護。',
    },
  });
  await assess(
    flow,
    cRevise.caseId,
    ['dementia', 'elderlyCare', 'physicalIllness'],
    ['elderlyCaringElderly'],
    '老老介護の世帯。',
  );
  await consent(flow, cRevise.personId, cRevise.caseId, ['地域包括支援センター', '保護第一課'], 100);
  const mRevise = await heldMeeting(flow, cRevise.caseId, 'multilayerMeeting', ['保護第一課'], 95);
  const pRevise = await approvedPlan(
    flow,
    cRevise.caseId,
    mRevise,
    [{ content: '介護サービスの調整と見守り', organization: '地域包括支援センター', frequency: '週1回' }],
    daysAgo(5),
  );
  const reviseItem = pRevise.items[0];
  await coordinator.call('POST', `/api/cases/${cRevise.caseId}/monitorings`, {
    conductedOn: daysAgo(3),
    itemResults: reviseItem
      ? [{ planItemId: reviseItem.id, progress: 'partly', note: '妻の状態が変化し、施設入所の検討が必要。' }]
      : [],
    decision: 'revise',
    note: '妻の施設入所を含めてプランを見直す。',
  });

  // 8. Suspended: the person moved out of contact.
  const cSuspend = await acceptedCase(flow, houkatsu, {
    person: person('田上', '浩二', 'タガミ', 'コウジ', daysAgo(59 * 365), 'male'),
    topics: ['debt', 'housing'],
    mainTopic: 'debt',
    content: '多重債務と家賃滞納。',
    consentToShare: true,
    receivedOn: daysAgo(90),
    outcome: {
      kind: 'handover',
      reason: '債務・住まい・就労の課題が重なる。',
      servicesTried: '法テラスの案内。',
    },
  });
  await assess(flow, cSuspend.caseId, ['multipleDebt', 'rentArrears'], [], '債務整理と住まいの確保。');
  await heldMeeting(flow, cSuspend.caseId, 'supportMeeting', ['地域包括支援センター'], 70, [houkatsu]);
  await coordinator.call('POST', `/api/cases/${cSuspend.caseId}/suspend`, {
    reason: '本人と連絡が取れなくなったため、一時中断する。',
  });

  // 9. 9060 with monitoring overdue (shows on the coordinator's tasks).
  const c9060 = await acceptedCase(flow, hogo, {
    person: person('上町', '昭', 'ウエマチ', 'アキラ', daysAgo(63 * 365), 'male'),
    members: [
      {
        person: person('上町', 'キヨ', 'ウエマチ', 'キヨ', daysAgo(91 * 365), 'female'),
        relation: 'mother',
        livingTogether: true,
      },
    ],
    topics: ['care', 'income', 'family'],
    mainTopic: 'care',
    content: '90代の母を60代の息子が一人で介護。息子は離職し収入がない。',
    consentToShare: true,
    receivedOn: daysAgo(150),
    outcome: {
      kind: 'handover',
      reason: '介護・収入・就労の課題が重なる9060世帯。',
      servicesTried: '生活保護の相談、訪問介護。',
    },
  });
  await assess(
    flow,
    c9060.caseId,
    ['elderlyCare', 'jobLoss', 'financialHardship'],
    ['9060'],
    '高齢の母の介護と息子の離職・困窮。',
  );
  await consent(
    flow,
    c9060.personId,
    c9060.caseId,
    ['保護第一課', '障害者相談支援事業所', '地域包括支援センター'],
    140,
  );
  const m9060 = await heldMeeting(
    flow,
    c9060.caseId,
    'multilayerMeeting',
    ['地域包括支援センター', '障害者相談支援事業所'],
    130,
  );
  const p9060 = await approvedPlan(
    flow,
    c9060.caseId,
    m9060,
    [
      { content: '母の介護サービス利用の調整', organization: '地域包括支援センター', frequency: '月2回' },
      {
        content: '息子の就労と生活の相談',
        organization: '保護第一課',
        frequency: '月1回',
        links: ['participationSupport'],
      },
    ],
    daysAgo(4),
  );
  const p9060Item = p9060.items[1];
  if (p9060Item) await report(hogo, p9060Item.id, 50, '息子と面談。ハローワークへの同行を提案した。');

  // 10. Coordination ended while the lead organisation (主担当) carries on.
  const cLead = await acceptedCase(flow, houkatsu, {
    person: person('荒田', '静子', 'アラタ', 'シズコ', daysAgo(88 * 365), 'female'),
    topics: ['care', 'neighbourhood'],
    mainTopic: 'neighbourhood',
    content: 'ごみの片付けができず近隣とのトラブルになっている一人暮らしの高齢女性。',
    consentToShare: true,
    receivedOn: daysAgo(240),
    outcome: { kind: 'handover', reason: '近隣トラブルと介護の課題。', servicesTried: '訪問による声かけ。' },
  });
  await assess(
    flow,
    cLead.caseId,
    ['hoarding', 'livingAlone', 'neighbourTrouble'],
    [],
    'ごみ屋敷状態の解消と見守り体制。',
  );
  await coordinator.call('POST', `/api/cases/${cLead.caseId}/close`, {
    reason: 'leadAgencyContinues',
    evaluation: '住環境が改善し、近隣との関係も落ち着いた。今後は地域包括支援センターが主担当として見守る。',
    leadOrganizationId: orgs.地域包括支援センター,
  });

  // 11. A young carer household under assessment.
  const cYoung = await acceptedCase(flow, shogai, {
    person: person('宇宿', '結衣', 'ウスキ', 'ユイ', daysAgo(16 * 365), 'female'),
    members: [
      {
        person: person('宇宿', '真理', 'ウスキ', 'マリ', daysAgo(45 * 365), 'female'),
        relation: 'mother',
        livingTogether: true,
      },
    ],
    topics: ['care', 'withdrawal'],
    mainTopic: 'care',
    content: '精神障害のある母の世話のため、高校生の娘が学校を休みがちになっている。',
    consentToShare: true,
    receivedOn: daysAgo(9),
    outcome: {
      kind: 'handover',
      reason: 'ヤングケアラーの状況で、教育・障害・子ども分野の連携が必要。',
      servicesTried: '母の居宅介護の利用。',
    },
  });
  await assess(
    flow,
    cYoung.caseId,
    ['youngCarer', 'mental', 'schoolRefusal'],
    ['youngCarerHousehold'],
    '娘がヤングケアラーとなっている世帯。',
  );

  // 12. Closed, then reopened when things changed again.
  const cReopen = await acceptedCase(flow, hogo, {
    person: person('鴨池', '茂', 'カモイケ', 'シゲル', daysAgo(70 * 365), 'male'),
    topics: ['health', 'income'],
    mainTopic: 'health',
    content: 'アルコール依存の治療中断と家賃滞納。',
    consentToShare: true,
    receivedOn: daysAgo(300),
    outcome: {
      kind: 'handover',
      reason: '依存症の治療と生活再建の支援が必要。',
      servicesTried: '精神保健福祉相談。',
    },
  });
  await assess(flow, cReopen.caseId, ['addiction', 'rentArrears'], [], '治療の継続と住まいの維持。');
  await coordinator.call('POST', `/api/cases/${cReopen.caseId}/close`, {
    reason: 'stabilised',
    evaluation: '通院が続き、生活が安定した。',
  });
  await coordinator.call('POST', `/api/cases/${cReopen.caseId}/reopen`, {
    reason: '通院が再び途切れ、家賃の滞納が始まったと大家から連絡があった。',
  });

  // 9. Accepted, nothing done yet; 10. a handover waiting in the coordinator's inbox.
  await acceptedCase(flow, hogo, {
    person: person('武岡', '由美', 'タケオカ', 'ユミ', daysAgo(36 * 365), 'female'),
    members: [
      {
        person: person('武岡', '翔', 'タケオカ', 'ショウ', daysAgo(15 * 365), 'male'),
        relation: 'son',
        livingTogether: true,
      },
    ],
    topics: ['childRearing', 'income', 'withdrawal'],
    mainTopic: 'withdrawal',
    content: 'ひとり親世帯。中学生の子が不登校で、母も体調を崩している。',
    consentToShare: true,
    receivedOn: daysAgo(4),
    outcome: {
      kind: 'handover',
      reason: '子の不登校と母の体調不良、経済的困窮が重なる。',
      servicesTried: '児童扶養手当の案内。',
    },
  });
  await consultation(shogai, {
    person: person('伊敷', '大地', 'イシキ', 'ダイチ', daysAgo(24 * 365), 'male'),
    members: [
      {
        person: person('伊敷', '久美子', 'イシキ', 'クミコ', daysAgo(52 * 365), 'female'),
        relation: 'mother',
        livingTogether: true,
      },
    ],
    visitor: { name: '伊敷 久美子', relation: 'mother' },
    topics: ['withdrawal', 'health'],
    mainTopic: 'withdrawal',
    content:
      '発達障害の診断がある息子が大学を中退後ひきこもっている。母がヤングケアラーだった経験もあり相談。',
    consentToShare: true,
    receivedOn: daysAgo(3),
    outcome: {
      kind: 'handover',
      reason: '本人・母ともに支援が必要で、障害福祉だけでは難しい。',
      servicesTried: '地域活動支援センターの紹介。',
    },
  });

  // 11. A referral (つなぎ) waiting at 障害者相談支援事業所; 12. a consultation handled at the counter.
  await consultation(houkatsu, {
    person: person('吉田', '直美', 'ヨシダ', 'ナオミ', daysAgo(44 * 365), 'female'),
    topics: ['health'],
    mainTopic: 'health',
    content: '精神障害のある娘の今後について母から相談。障害福祉サービスの利用を希望。',
    consentToShare: true,
    receivedOn: daysAgo(2),
    outcome: {
      kind: 'referral',
      toOrganizationId: orgs.障害者相談支援事業所,
      note: 'サービス等利用計画の作成についてご相談ください。',
    },
  });
  await consultation(houkatsu, {
    person: person('郡元', '久', 'コオリモト', 'ヒサシ', daysAgo(86 * 365), 'male'),
    topics: ['care'],
    mainTopic: 'care',
    content: '介護保険の住宅改修について。',
    consentToShare: true,
    receivedOn: daysAgo(7),
    outcome: { kind: 'ownAgency' },
  });

  await assignCoordinator(coordinator);
  // issue 11: the 8050 household's genogram and ecomap, and 支援経過記録 (src/server/demo/demoForms.ts)
  await seedDemoForms(app);
}

/**
 * The coordinator carries every open case of the coordinating section as its 担当職員 (cases.assign),
 * so that the April reshuffle (users.bulkReassign) has real cases to count and move in the demo.
 */
async function assignCoordinator(coordinator: DemoUser): Promise<void> {
  const me = await coordinator.call<{ user: { id: string } }>('GET', '/api/session');
  const open: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: { id: string; abilities: { assign: boolean } }[]; nextCursor: string | null } =
      await coordinator.call('GET', `/api/cases?limit=100${query}`);
    open.push(...page.items.filter((item) => item.abilities.assign).map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  // Oldest change first: assigning touches updated_at, and the case list keeps its order.
  for (const caseId of open.reverse()) {
    await coordinator.call('PUT', `/api/cases/${caseId}/assignee`, { userId: me.user.id });
  }
}

export async function meetingKinds(
  user: DemoUser,
): Promise<{ supportMeeting: string; multilayerMeeting: string }> {
  const { items } = await user.call<{ items: { id: string; code: string }[] }>('GET', '/api/meeting-kinds');
  const id = (code: string) => items.find((k) => k.code === code)?.id ?? '';
  return { supportMeeting: id('supportMeeting'), multilayerMeeting: id('multilayerMeeting') };
}
