import { bornYearsAgo, daysAgo } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, itemOf, livingWith, person, report } from '../story.ts';

/** 9060 with its monitoring overdue (shows on the coordinator's tasks). */
export const household9060: DemoStory = {
  about: '9060: monitoring overdue',
  async tell(cast) {
    const { hogo } = cast.users;
    const kase = await DemoCase.accept(cast, hogo, {
      person: person('上町', '昭', 'ウエマチ', 'アキラ', bornYearsAgo(63), 'male'),
      members: [livingWith('mother', person('上町', 'キヨ', 'ウエマチ', 'キヨ', bornYearsAgo(91), 'female'))],
      topics: ['care', 'income', 'family'],
      content: '90代の母を60代の息子が一人で介護。息子は離職し収入がない。',
      receivedDaysAgo: 150,
      outcome: handover('介護・収入・就労の課題が重なる9060世帯。', '生活保護の相談、訪問介護。'),
    });
    await kase.assess(
      ['elderlyCare', 'jobLoss', 'financialHardship'],
      ['9060'],
      '高齢の母の介護と息子の離職・困窮。',
    );
    await kase.consent(['保護第一課', '障害者相談支援事業所', '地域包括支援センター'], 140);
    const plan = await kase.decidedPlan(
      ['地域包括支援センター', '障害者相談支援事業所'],
      130,
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
    await report(hogo, itemOf(plan, 1), 50, '息子と面談。ハローワークへの同行を提案した。');
  },
};
