import { bornYearsAgo } from '../demoDays.ts';
import { consultation, type DemoStory, handover, livingWith, person } from '../story.ts';

/** A handover waiting in the coordinator's inbox. */
export const handoverWaiting: DemoStory = {
  about: "a handover in the coordinator's inbox",
  async tell(cast) {
    await consultation(cast.users.shogai, {
      person: person('伊敷', '大地', 'イシキ', 'ダイチ', bornYearsAgo(24), 'male'),
      members: [
        livingWith('mother', person('伊敷', '久美子', 'イシキ', 'クミコ', bornYearsAgo(52), 'female')),
      ],
      visitor: { name: '伊敷 久美子', relation: 'mother' },
      topics: ['withdrawal', 'health'],
      content:
        '発達障害の診断がある息子が大学を中退後ひきこもっている。母がヤングケアラーだった経験もあり相談。',
      receivedDaysAgo: 3,
      outcome: handover(
        '本人・母ともに支援が必要で、障害福祉だけでは難しい。',
        '地域活動支援センターの紹介。',
      ),
    });
  },
};
