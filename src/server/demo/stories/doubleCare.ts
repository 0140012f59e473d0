import { bornYearsAgo } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, livingWith, person } from '../story.ts';

/** ダブルケア: a mother of two caring for her father with dementia; 課題整理 done, meeting not yet held. */
export const doubleCare: DemoStory = {
  about: 'double care: assessed, no meeting yet',
  async tell(cast) {
    const kase = await DemoCase.accept(cast, cast.users.houkatsu, {
      person: person('桜島', '美咲', 'サクラジマ', 'ミサキ', bornYearsAgo(41), 'female'),
      members: [
        livingWith('father', person('桜島', '重雄', 'サクラジマ', 'シゲオ', bornYearsAgo(78), 'male')),
        livingWith('son', person('桜島', '陽太', 'サクラジマ', 'ヨウタ', bornYearsAgo(4), 'male')),
      ],
      topics: ['care', 'childRearing'],
      content: '認知症の父の介護と幼い子の子育てが重なり、仕事も続けられなくなりそうだと本人から相談。',
      receivedDaysAgo: 20,
      outcome: handover(
        '介護と子育ての両方に支援が必要で、関係機関の連携が欠かせない。',
        '父の介護保険サービス（デイサービス）。',
      ),
    });
    await kase.assess(
      ['elderlyCare', 'dementia', 'parentingAnxiety'],
      ['doubleCare'],
      '介護と子育てが同時に重なるダブルケア世帯。',
    );
  },
};
