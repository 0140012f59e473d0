import { bornYearsAgo } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, livingWith, person } from '../story.ts';

/** A case just accepted, nothing done yet. */
export const newlyAccepted: DemoStory = {
  about: 'accepted, nothing done yet',
  async tell(cast) {
    await DemoCase.accept(cast, cast.users.hogo, {
      person: person('武岡', '由美', 'タケオカ', 'ユミ', bornYearsAgo(36), 'female'),
      members: [livingWith('son', person('武岡', '翔', 'タケオカ', 'ショウ', bornYearsAgo(15), 'male'))],
      topics: ['childRearing', 'income', 'withdrawal'],
      mainTopic: 'withdrawal',
      content: 'ひとり親世帯。中学生の子が不登校で、母も体調を崩している。',
      receivedDaysAgo: 4,
      outcome: handover('子の不登校と母の体調不良、経済的困窮が重なる。', '児童扶養手当の案内。'),
    });
  },
};
