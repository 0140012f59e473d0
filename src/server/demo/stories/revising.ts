import { bornYearsAgo, daysAgo } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, itemOf, livingWith, person } from '../story.ts';

/** Revising: the monitoring decided the plan needs revision. */
export const revising: DemoStory = {
  about: 'plan under revision after monitoring',
  async tell(cast) {
    const kase = await DemoCase.accept(cast, cast.users.houkatsu, {
      person: person('紫原', '勝', 'ムラサキバル', 'マサル', bornYearsAgo(80), 'male'),
      members: [
        livingWith('spouse', person('紫原', '典子', 'ムラサキバル', 'ノリコ', bornYearsAgo(77), 'female')),
      ],
      topics: ['care', 'health'],
      content: '老老介護。妻の認知症が進み、夫も持病がある。',
      receivedDaysAgo: 120,
      outcome: handover('夫婦ともに支援が必要で、医療と介護の連携が要る。', '訪問介護。'),
    });
    await kase.assess(
      ['dementia', 'elderlyCare', 'physicalIllness'],
      ['elderlyCaringElderly'],
      '老老介護の世帯。',
    );
    await kase.consent(['地域包括支援センター', '保護第一課'], 100);
    const plan = await kase.decidedPlan(
      ['保護第一課'],
      95,
      [{ content: '介護サービスの調整と見守り', organization: '地域包括支援センター', frequency: '週1回' }],
      daysAgo(5),
    );
    await kase.monitoring(3, {
      itemResults: [
        { planItemId: itemOf(plan, 0), progress: 'partly', note: '妻の状態が変化し、施設入所の検討が必要。' },
      ],
      decision: 'revise',
      note: '妻の施設入所を含めてプランを見直す。',
    });
  },
};
