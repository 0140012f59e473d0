import { bornYearsAgo } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, livingWith, person } from '../story.ts';

/** A young carer household under assessment. */
export const youngCarer: DemoStory = {
  about: 'young carer: assessed',
  async tell(cast) {
    const kase = await DemoCase.accept(cast, cast.users.shogai, {
      person: person('宇宿', '結衣', 'ウスキ', 'ユイ', bornYearsAgo(16), 'female'),
      members: [livingWith('mother', person('宇宿', '真理', 'ウスキ', 'マリ', bornYearsAgo(45), 'female'))],
      topics: ['care', 'withdrawal'],
      content: '精神障害のある母の世話のため、高校生の娘が学校を休みがちになっている。',
      receivedDaysAgo: 9,
      outcome: handover(
        'ヤングケアラーの状況で、教育・障害・子ども分野の連携が必要。',
        '母の居宅介護の利用。',
      ),
    });
    await kase.assess(
      ['youngCarer', 'mental', 'schoolRefusal'],
      ['youngCarerHousehold'],
      '娘がヤングケアラーとなっている世帯。',
    );
  },
};
