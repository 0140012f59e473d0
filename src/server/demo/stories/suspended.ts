import { bornYearsAgo } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, person } from '../story.ts';

/** Suspended: the person moved out of contact. */
export const suspended: DemoStory = {
  about: 'suspended, out of contact',
  async tell(cast) {
    const { houkatsu } = cast.users;
    const kase = await DemoCase.accept(cast, houkatsu, {
      person: person('田上', '浩二', 'タガミ', 'コウジ', bornYearsAgo(59), 'male'),
      topics: ['debt', 'housing'],
      content: '多重債務と家賃滞納。',
      receivedDaysAgo: 90,
      outcome: handover('債務・住まい・就労の課題が重なる。', '法テラスの案内。'),
    });
    await kase.assess(['multipleDebt', 'rentArrears'], [], '債務整理と住まいの確保。');
    await kase.heldMeeting('supportMeeting', ['地域包括支援センター'], 70, [houkatsu]);
    await kase.suspend('本人と連絡が取れなくなったため、一時中断する。');
  },
};
