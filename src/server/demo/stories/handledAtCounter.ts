import { bornYearsAgo } from '../demoDays.ts';
import { consultation, type DemoStory, person } from '../story.ts';

/** A consultation the counter handled itself. */
export const handledAtCounter: DemoStory = {
  about: 'handled at the counter',
  async tell(cast) {
    await consultation(cast.users.houkatsu, {
      person: person('郡元', '久', 'コオリモト', 'ヒサシ', bornYearsAgo(86), 'male'),
      topics: ['care'],
      content: '介護保険の住宅改修について。',
      receivedDaysAgo: 7,
      outcome: { kind: 'ownAgency' },
    });
  },
};
