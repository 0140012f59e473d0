import { bornYearsAgo } from '../demoDays.ts';
import { consultation, type DemoStory, handover, handoverIdOf, person } from '../story.ts';

/** A handover the coordinating section returned, with its reasons. */
export const returnedHandover: DemoStory = {
  about: 'a handover returned with reasons',
  async tell(cast) {
    const { houkatsu } = cast.users;
    const taken = await consultation(houkatsu, {
      person: person('磯', '健一', 'イソ', 'ケンイチ', bornYearsAgo(72), 'male'),
      topics: ['care'],
      content: '一人暮らしの男性の介護サービス利用について近所の方から相談。',
      receivedDaysAgo: 14,
      outcome: handover('本人が支援を拒んでいる。', '訪問による声かけ。'),
    });
    await cast.coordinator.call('POST', `/api/handovers/${await handoverIdOf(houkatsu, taken.id)}/return`, {
      reason:
        '現時点では介護保険サービスの調整で対応できる見込みです。包括で引き続き訪問し、課題が重なった場合は再度ご相談ください。',
    });
  },
};
