import { describe, expect, it } from 'vitest';
import { validationRefusal } from '../../../test-support/problems.ts';
import { householdControlId, householdErrors } from './household-errors.ts';

describe('householdControlId', () => {
  it.each([
    ['members.1.relation', 'hh-member-1-relation'],
    ['members.0.personId', 'hh-member-0-relation'],
    ['members.2.diedOn', 'hh-member-2-died-on'],
    ['members.3.supported', 'hh-member-3-relation'],
    ['newMembers.0.person.familyName', 'hh-new-0-family'],
    ['newMembers.4.person.givenNameKana', 'hh-new-4-given-kana'],
    ['newMembers.1.person.birthDate', 'hh-new-1-birth'],
    ['newMembers.0.person.personId', 'hh-new-0-family'],
    ['newMembers.0.diedOn', 'hh-new-0-relation'],
    ['relations.2.to', 'hh-link-2-to'],
    ['relations.5', 'hh-link-5-kind'],
    ['ties.0.organizationId', 'hh-tie-0-org'],
    ['ties.3.memberId', 'hh-tie-3-member'],
    ['ties.1.stressful', 'hh-tie-1-strength'],
  ])('%s is shown at %s', (field, id) => {
    expect(householdControlId(field)).toBe(id);
  });

  it.each(['members', 'relations', 'ties.x.kind', 'newMembers.0.person.unknown', 'cases.0.id', ''])(
    '%s has no control of its own',
    (field) => {
      expect(householdControlId(field)).toBeNull();
    },
  );
});

describe('householdErrors', () => {
  const refusal = validationRefusal([
    { field: 'newMembers.0.person.familyName', code: 'required', message: '氏を入力してください' },
    { field: 'members', code: 'supported', message: '支援対象の世帯員を1人以上にしてください' },
    { field: 'ties.0.memberId', code: 'member', message: '世帯員から選んでください' },
  ]);

  it('places each message at its control and keeps the rest for the summary', () => {
    const errors = householdErrors(refusal);
    expect([...errors.byControl]).toEqual([
      ['hh-new-0-family', '氏を入力してください'],
      ['hh-tie-0-member', '世帯員から選んでください'],
    ]);
    expect(errors.unplaced).toEqual(['支援対象の世帯員を1人以上にしてください']);
    expect(errors.all).toHaveLength(3);
  });

  it('has nothing to place for an error that is not the server refusing fields', () => {
    expect(householdErrors(new Error('network'))).toEqual({ byControl: new Map(), unplaced: [], all: [] });
    expect(householdErrors(null).all).toEqual([]);
  });
});
