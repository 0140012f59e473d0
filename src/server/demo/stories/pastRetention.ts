import { bornYearsAgo } from '../demoDays.ts';
import { consultation, type DemoStory, person } from '../story.ts';

/**
 * A consultation the counter answered itself seven years ago and closed (dated to its day by
 * settleDemoTimeline): past the default 5-year retention period, so the coordinating section's
 * 廃棄候補一覧 has a record to review (docs/retention.md). It names a person no other record names.
 */
export const pastRetention: DemoStory = {
  about: 'closed at the counter years ago, past its retention period',
  async tell(cast) {
    const { hogo } = cast.users;
    const made = await consultation(hogo, {
      person: person('荒田', '昭', 'アラタ', 'アキラ', bornYearsAgo(74), 'male'),
      topics: ['income'],
      content: '年金の受給手続きについて。',
      receivedDaysAgo: 7 * 365,
      outcome: { kind: 'ownAgency' },
    });
    await hogo.call('POST', `/api/consultations/${made.id}/close`, {
      note: '年金事務所の窓口を案内し、対応を終了。',
    });
  },
};
