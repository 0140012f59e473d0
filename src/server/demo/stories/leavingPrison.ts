import { bornYearsAgo, daysAhead } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, itemOf, orgId, person, report } from '../story.ts';

/** Leaving prison: supported with 鹿児島保護観察所 and 鹿児島県地域生活定着センター; the offence history shared on consent. */
export const leavingPrison: DemoStory = {
  about: 'after release: plan, report, a sensitive fact shared on consent',
  async tell(cast) {
    const { hogokansatsu } = cast.users;
    const kase = await DemoCase.accept(cast, hogokansatsu, {
      person: person('天文館', '正', 'テンモンカン', 'タダシ', bornYearsAgo(68), 'male'),
      topics: ['housing', 'income', 'health'],
      content: '満期釈放後、身寄りがなく住まいが定まらない高齢の男性。福祉サービスにつなぎたい。',
      receivedDaysAgo: 35,
      outcome: handover(
        '住まい・収入・健康の課題が重なり、福祉と更生保護の連携が必要。',
        '更生保護施設への一時入所の調整。',
      ),
    });
    await kase.assess(['offenceHistory', 'unstableHousing', 'noKin'], [], '出所後の住まいと生活の再建。');
    await kase.consent(['鹿児島保護観察所', '鹿児島県地域生活定着センター', '保護第一課'], 30);
    const plan = await kase.decidedPlan(
      ['鹿児島県地域生活定着センター', '保護第一課'],
      25,
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
    await report(hogokansatsu, itemOf(plan, 2), 6, '面接を実施。新しい住まいで落ち着いて生活している。');
    // 要配慮個人情報: the offence history (満期釈放) is recorded by 鹿児島保護観察所 on the case, which
    // marks it 犯罪をした者等, and shared on the person's consent to 犯罪歴等 with the centre and the
    // coordinating section only (保護第一課 supports the case without knowing it).
    await kase.consent(['鹿児島保護観察所', '鹿児島県地域生活定着センター', '重層事業担当'], 24, [
      'basic',
      'offence',
    ]);
    const fact = await hogokansatsu.call<{ id: string }>('POST', '/api/sensitive-facts', {
      personId: kase.personId,
      caseId: kase.caseId,
      kind: 'offence',
      subtype: 'sentenceServed',
      summary: '窃盗により服役し、満期釈放（架空の記録）',
      details: '前刑：窃盗（懲役1年6月）。刑事施設を満期で出所。身元引受人なし。（デモ用の架空の記録）',
    });
    for (const [name, reason] of [
      ['鹿児島県地域生活定着センター', '出所後の住まいと福祉サービスの調整のため'],
      ['重層事業担当', '支援プランの調整のため'],
    ] as const) {
      await hogokansatsu.call('POST', `/api/sensitive-facts/${fact.id}/grants`, {
        organizationId: orgId(cast, name),
        reason,
      });
    }
  },
};
