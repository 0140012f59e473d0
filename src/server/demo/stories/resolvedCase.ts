import { bornYearsAgo, daysAgo } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, itemOf, person, report } from '../story.ts';

/** A case closed at its monitoring: the goal was reached. */
export const resolvedCase: DemoStory = {
  about: 'closed as resolved',
  async tell(cast) {
    const { shogai } = cast.users;
    const kase = await DemoCase.accept(cast, shogai, {
      person: person('吉野', '誠', 'ヨシノ', 'マコト', bornYearsAgo(33), 'male'),
      topics: ['jobSeeking', 'health'],
      content: '精神疾患の診断があり、就労が続かない。家族とも疎遠。',
      receivedDaysAgo: 200,
      outcome: handover('就労と医療・生活の支援を一体で行う必要がある。', '就労移行支援の見学。'),
    });
    await kase.assess(['mentalIllness', 'hardToEmploy'], [], '就労の継続と通院の安定。');
    await kase.consent(['障害者相談支援事業所', '自立相談支援機関'], 180);
    const plan = await kase.decidedPlan(
      ['障害者相談支援事業所', '自立相談支援機関'],
      170,
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
    const item = itemOf(plan, 0);
    await report(shogai, item, 60, '職場を訪問。勤務は安定している。');
    await kase.monitoring(20, {
      itemResults: [{ planItemId: item, progress: 'achieved', note: '6か月の就労継続を達成。' }],
      decision: 'close',
      closure: {
        reason: 'resolved',
        evaluation: '就労が定着し、通院も安定した。目標を達成したため終結とする。',
      },
    });
  },
};
