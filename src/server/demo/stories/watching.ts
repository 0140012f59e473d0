import { bornYearsAgo } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, person } from '../story.ts';

/** Watching: a 支援会議 held, consent not yet given. */
export const watching: DemoStory = {
  about: 'watched over without consent',
  async tell(cast) {
    const { houkatsu, hogo } = cast.users;
    const kase = await DemoCase.accept(cast, hogo, {
      person: person('甲突', '幸子', 'コウツキ', 'サチコ', bornYearsAgo(47), 'female'),
      topics: ['dvAbuse', 'income'],
      content: '生活保護の面接で、夫からの暴力をうかがわせる発言があった。本人は支援を迷っている。',
      consentToShare: false,
      receivedDaysAgo: 25,
      outcome: handover(
        '本人の同意が得られないが、見守りと関係機関の情報共有が必要。',
        '女性相談窓口の案内。',
      ),
    });
    await kase.heldMeeting('supportMeeting', ['地域包括支援センター', '保護第一課'], 10, [houkatsu, hogo]);
  },
};
