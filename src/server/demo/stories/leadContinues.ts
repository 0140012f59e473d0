import { bornYearsAgo } from '../demoDays.ts';
import { DemoCase, type DemoStory, handover, orgId, person } from '../story.ts';

/** Coordination ended while the lead organisation (主担当) carries on. */
export const leadContinues: DemoStory = {
  about: 'closed, the lead organisation carries on',
  async tell(cast) {
    const kase = await DemoCase.accept(cast, cast.users.houkatsu, {
      person: person('荒田', '静子', 'アラタ', 'シズコ', bornYearsAgo(88), 'female'),
      topics: ['care', 'neighbourhood'],
      mainTopic: 'neighbourhood',
      content: 'ごみの片付けができず近隣とのトラブルになっている一人暮らしの高齢女性。',
      receivedDaysAgo: 240,
      outcome: handover('近隣トラブルと介護の課題。', '訪問による声かけ。'),
    });
    await kase.assess(
      ['hoarding', 'livingAlone', 'neighbourTrouble'],
      [],
      'ごみ屋敷状態の解消と見守り体制。',
    );
    await kase.close({
      reason: 'leadAgencyContinues',
      evaluation:
        '住環境が改善し、近隣との関係も落ち着いた。今後は地域包括支援センターが主担当として見守る。',
      leadOrganizationId: orgId(cast, '地域包括支援センター'),
    });
  },
};
