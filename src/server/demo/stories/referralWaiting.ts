import { bornYearsAgo } from '../demoDays.ts';
import { consultation, type DemoStory, orgId, person } from '../story.ts';

/** A referral (つなぎ) waiting at 障害者相談支援事業所. */
export const referralWaiting: DemoStory = {
  about: 'a referral waiting at another organisation',
  async tell(cast) {
    await consultation(cast.users.houkatsu, {
      person: person('吉田', '直美', 'ヨシダ', 'ナオミ', bornYearsAgo(44), 'female'),
      topics: ['health'],
      content: '精神障害のある娘の今後について母から相談。障害福祉サービスの利用を希望。',
      receivedDaysAgo: 2,
      outcome: {
        kind: 'referral',
        toOrganizationId: orgId(cast, '障害者相談支援事業所'),
        note: 'サービス等利用計画の作成についてご相談ください。',
      },
    });
  },
};
