import { bornYearsAgo, daysAgo, daysAhead } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, itemOf, livingWith, person, report } from '../story.ts';

/** An 83-year-old mother and her withdrawn 54-year-old son; supported by 障害者相談支援事業所 and 保護第一課. */
export const household8050: DemoStory = {
  about: '8050: a plan approved, reports filed',
  async tell(cast) {
    const { houkatsu, shogai, hogo } = cast.users;
    const kase = await DemoCase.accept(cast, houkatsu, {
      person: person('城山', '和夫', 'シロヤマ', 'カズオ', bornYearsAgo(54, 120), 'male'),
      members: [
        livingWith('mother', person('城山', 'トメ', 'シロヤマ', 'トメ', bornYearsAgo(83, 40), 'female')),
      ],
      visitor: { name: '城山 トメ', relation: 'mother' },
      topics: ['withdrawal', 'care', 'income'],
      content:
        '母（83歳）から、54歳の息子が20年近く自室にひきこもっている。自分の足腰が弱り、年金だけでは二人の生活が苦しいと相談。',
      wishes: '息子が外に出られるようになってほしい。',
      receivedDaysAgo: 75,
      outcome: handover(
        '母の介護と息子のひきこもり、世帯の経済的困窮が重なり、包括だけでは対応が難しい。',
        '母の要介護認定申請、介護保険サービスの案内。',
      ),
    });
    await kase.assess(
      ['withdrawal', 'elderlyCare', 'financialHardship'],
      ['8050'],
      '母の介護、息子のひきこもり、経済的困窮が重なる8050世帯。',
    );
    await kase.heldMeeting('supportMeeting', ['障害者相談支援事業所'], 60, [shogai]);
    await kase.consent(['障害者相談支援事業所', '保護第一課', '地域包括支援センター'], 50);
    const plan = await kase.decidedPlan(
      ['障害者相談支援事業所', '保護第一課'],
      45,
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
    const outreach = itemOf(plan, 0);
    await report(
      shogai,
      outreach,
      30,
      '自宅を訪問。本人は自室から出てこなかったが、ドア越しに挨拶を交わせた。',
    );
    await report(shogai, outreach, 9, '2回目の訪問。本人と居間で10分ほど話せた。');
    await report(hogo, itemOf(plan, 1), 20, '母と面談し、生活保護の申請手続きを説明した。');
    await report(houkatsu, itemOf(plan, 2), 12, 'デイサービスの利用開始を確認。母の表情が明るくなった。');

    // アウトリーチ before consent: the counter's attempts on the consultation, moved into the case
    // when it opened; the latest's next attempt is ahead, so nothing is overdue.
    const detail = await houkatsu.call<{ origin: { consultation: { id: string } } | null }>(
      'GET',
      `/api/cases/${kase.caseId}`,
    );
    const consultationId = detail.origin?.consultation.id;
    if (!consultationId) throw new Error('demo: the 8050 case has no consultation');
    const attempts = [
      { on: 74, method: 'letter', result: 'letterLeft', relationship: 'none', next: 70 },
      { on: 70, method: 'visit', result: 'noAnswer', relationship: 'none', next: 66 },
      { on: 66, method: 'minsei', result: 'heardOf', relationship: 'known', next: null },
    ] as const;
    for (const a of attempts)
      await houkatsu.call('POST', '/api/outreach-contacts', {
        consultationId,
        attemptedOn: daysAgo(a.on),
        method: a.method,
        result: a.result,
        relationship: a.relationship,
        nextAttemptOn: a.next === null ? null : daysAgo(a.next),
        ...(a.result === 'heardOf'
          ? { note: '民生委員から、本人が夜にコンビニへ出かけることがあると聞いた。' }
          : {}),
      });

    // 参加支援: the son at a 居場所 (active, followed up) and a 就労体験 he ended (ended, with a reason)
    const resourceId = async (name: string) => {
      const { items } = await shogai.call<{ items: { id: string; name: string }[] }>(
        'GET',
        `/api/resources?q=${encodeURIComponent(name)}`,
      );
      const found = items.find((r) => r.name === name);
      if (!found) throw new Error(`demo: no resource ${name}`);
      return found.id;
    };
    const place = async (
      resource: string,
      kind: 'ibasho' | 'workExperience',
      events: { kind: string; daysAgo: number; party?: string; endReason?: string; note: string }[],
    ) => {
      const placement = await shogai.call<{ id: string }>('POST', `/api/cases/${kase.caseId}/placements`, {
        personId: kase.personId,
        resourceId: await resourceId(resource),
        planItemId: outreach,
        kind,
      });
      for (const { daysAgo: ago, ...event } of events)
        await shogai.call('PATCH', `/api/placements/${placement.id}`, {
          event: { ...event, occurredOn: daysAgo(ago) },
        });
    };
    await place('ひきこもり家族会・居場所「こもれび」', 'ibasho', [
      { kind: 'visit', daysAgo: 28, note: '相談員と一緒に見学。入口で10分ほど過ごした。' },
      { kind: 'start', daysAgo: 21, note: '家族会の日に初めて参加。' },
      { kind: 'followUp', daysAgo: 7, party: 'person', note: '本人：「静かな部屋なら行ける」。' },
    ]);
    await place('なかす しごと体験工房', 'workExperience', [
      { kind: 'trial', daysAgo: 40, note: '半日の体験。' },
      { kind: 'end', daysAgo: 35, endReason: 'health', note: '体調を崩し、本人と相談して終了。' },
    ]);
  },
};
