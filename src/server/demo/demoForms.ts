import type { FastifyInstance } from 'fastify';
import type { Household } from '../../contract/households.ts';
import { at } from './demoDays.ts';
import { type DemoUser, signInAll } from './demoUser.ts';

/**
 * Demo data of issue 11, made through the API like the rest of the demo: the 8050 household drawn
 * as a genogram (the father who died, the mother and the son living together, the son's sister
 * living away) and an ecomap (民生委員, a neighbour, the son's former employer), and 支援経過記録 of
 * the organisations working with it. The dates follow the case's story: the 地域包括支援センター's
 * visits and calls come between the consultation (75 days ago) and the 支援会議 (60 days ago),
 * before the handover was accepted; the partners' contacts come after the plan was decided
 * (45 days ago), beside their support reports.
 */

async function caseOf(coordinator: DemoUser, kana: string): Promise<string | undefined> {
  const page = await coordinator.call<{ items: { id: string; person: { kana: string } }[] }>(
    'GET',
    '/api/cases?limit=100',
  );
  return page.items.find((item) => item.person.kana.replace(/\s/g, '') === kana)?.id;
}

export async function seedDemoForms(app: FastifyInstance): Promise<void> {
  const { coordinator, houkatsu, shogai, hogo } = await signInAll(app, [
    'coordinator',
    'houkatsu',
    'shogai',
    'hogo',
  ] as const);
  const caseId = await caseOf(coordinator, 'シロヤマカズオ');
  if (!caseId) return;

  const household = await coordinator.call<Household>('GET', `/api/cases/${caseId}/household`);
  const son = household.members.find((m) => m.relation === 'self');
  const mother = household.members.find((m) => m.relation === 'mother');
  if (!son || !mother) return;
  await coordinator.call('PUT', `/api/cases/${caseId}/household`, {
    members: household.members.map((m) => ({
      personId: m.person.id,
      relation: m.relation,
      livingTogether: m.livingTogether,
      supported: m.supported,
    })),
    newMembers: [
      {
        person: {
          familyName: '城山',
          givenName: '源一',
          familyNameKana: 'シロヤマ',
          givenNameKana: 'ゲンイチ',
          sex: 'male',
          birthDate: '1938-11-03',
        },
        relation: 'father',
        livingTogether: false,
        deceased: true,
        diedOn: '2009-02-14',
      },
      {
        person: {
          familyName: '西田',
          givenName: '由美',
          familyNameKana: 'ニシダ',
          givenNameKana: 'ユミ',
          sex: 'female',
          birthDate: '1975-07-21',
          address: '福岡市（架空の住所）',
        },
        relation: 'sibling',
        livingTogether: false,
      },
    ],
    relations: [
      { from: 'new:0', to: mother.person.id, kind: 'spouse' },
      { from: 'new:0', to: son.person.id, kind: 'parentChild' },
      { from: mother.person.id, to: son.person.id, kind: 'parentChild' },
      { from: 'new:0', to: 'new:1', kind: 'parentChild' },
      { from: mother.person.id, to: 'new:1', kind: 'parentChild' },
    ],
    ties: [
      { kind: 'welfareCommissioner', name: '上村', strength: 'strong', note: '月1回、母を訪ねている' },
      { kind: 'neighbour', name: '隣家', strength: 'weak', stressful: true, note: '庭木と騒音で苦情あり' },
      { kind: 'employer', name: '元勤務先', strength: 'weak', memberId: son.person.id },
      { kind: 'relative', name: '妹（福岡）', strength: 'normal', note: '盆と正月に帰省' },
    ],
  });

  const note = (user: DemoUser, occurredAt: string, kind: string, counterpart: string, content: string) =>
    user.call('POST', `/api/cases/${caseId}/progress-notes`, { occurredAt, kind, counterpart, content });
  // Before the handover was accepted: the counter that took the consultation.
  await note(
    houkatsu,
    at(73, '10:00'),
    'homeVisit',
    '母',
    '自宅を訪問。母は腰痛で買い物が難しい。息子は自室から出てこなかった。',
  );
  await note(houkatsu, at(68, '15:30'), 'phone', '母', '要介護認定の申請方法を電話で説明した。');
  await note(
    houkatsu,
    at(64, '11:00'),
    'accompaniment',
    '母',
    '母の要介護認定の申請に同行した。重層事業への引継ぎについて了承を得た。',
  );
  // After the plan was decided, beside the partners' support reports.
  await note(
    shogai,
    at(31, '16:00'),
    'phone',
    '母',
    '初回訪問の日程を母と電話で調整した。本人には母から伝えてもらう。',
  );
  await note(hogo, at(21, '10:30'), 'officeVisit', '母', '母が来所。生活保護の申請書類を一緒に確認した。');
  await note(shogai, at(9, '14:00'), 'homeVisit', '本人', '本人と居間で10分ほど話せた。次回は散歩に誘う。');
  await note(
    coordinator,
    at(3, '13:30'),
    'meeting',
    '障害者相談支援事業所',
    '次回モニタリングに向けて、通所先の候補を打ち合わせた。',
  );
}
