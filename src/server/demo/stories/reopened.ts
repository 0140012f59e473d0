import { bornYearsAgo } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, person } from '../story.ts';

/** Closed, then reopened when things changed again. */
export const reopened: DemoStory = {
  about: 'closed, then reopened',
  async tell(cast) {
    const kase = await DemoCase.accept(cast, cast.users.hogo, {
      person: person('鴨池', '茂', 'カモイケ', 'シゲル', bornYearsAgo(70), 'male'),
      topics: ['health', 'income'],
      content: 'アルコール依存の治療中断と家賃滞納。',
      receivedDaysAgo: 300,
      outcome: handover('依存症の治療と生活再建の支援が必要。', '精神保健福祉相談。'),
    });
    await kase.assess(['addiction', 'rentArrears'], [], '治療の継続と住まいの維持。');
    await kase.close({ reason: 'stabilised', evaluation: '通院が続き、生活が安定した。' });
    await kase.reopen('通院が再び途切れ、家賃の滞納が始まったと大家から連絡があった。');
  },
};
