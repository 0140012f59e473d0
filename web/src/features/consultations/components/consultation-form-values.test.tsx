import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n.ts';
import {
  type ConsultationFormValues,
  consultationResolver,
  emptyConsultationValues,
  emptyMember,
  emptyPerson,
  errorAt,
  toConsultationInput,
} from './consultation-form-values.ts';

const t = i18n.getFixedT('ja');
const options: ResolverOptions<ConsultationFormValues> = { fields: {}, shouldUseNativeValidation: false };

function filledIn(): ConsultationFormValues {
  const values = emptyConsultationValues(new Date('2026-11-27T10:00:00+09:00'));
  return {
    ...values,
    channel: 'visit',
    person: {
      ...emptyPerson('new', true),
      familyName: '山下',
      givenName: '健一',
      familyNameKana: 'やました',
      givenNameKana: 'けんいち',
      birthDate: 'S47.10.18',
      sex: 'male',
    },
    topics: ['withdrawal', 'care'],
    mainTopic: 'withdrawal',
    content: '息子がひきこもっている。',
    consentToShare: 'true',
    outcome: {
      kind: 'handover',
      toOrganizationId: '',
      note: '',
      reason: '複合課題',
      servicesTried: '介護保険',
    },
  };
}

async function validate(values: ConsultationFormValues) {
  return consultationResolver(t)(values, undefined, options);
}

describe('the 相談受付・申込票 form', () => {
  it('turns the form into the consultations.create body: 和暦 read, empty phone rows dropped, booleans', () => {
    const { input, problems } = toConsultationInput(filledIn(), t);
    expect(problems).toEqual([]);
    expect(input.person).toMatchObject({ familyName: '山下', birthDate: '1972-10-18', phones: [] });
    expect(input.receivedOn).toBe('2026-11-27');
    expect(input.consentToShare).toBe(true);
    expect(input.visitor).toBeNull();
    expect(input.outcome).toEqual({ kind: 'handover', reason: '複合課題', servicesTried: '介護保険' });
  });

  it('passes a complete form with the contract schema', async () => {
    const result = await validate(filledIn());
    expect(result.errors).toEqual({});
  });

  it('reports an unreadable 和暦 date on its field, with the reason', async () => {
    const values = filledIn();
    values.person.birthDate = '平成31年5月1日';
    const result = await validate(values);
    expect(errorAt(result.errors, 'person.birthDate')).toContain('令和元年5月1日');
  });

  it('reports a household member left unchosen once, not as a cascade of missing fields', async () => {
    const values = filledIn();
    values.householdMembers = [
      { ...emptyMember(), person: emptyPerson('existing'), relation: 'mother', livingTogether: 'true' },
    ];
    const result = await validate(values);
    expect(errorAt(result.errors, 'householdMembers.0.person.personId')).toBe(
      '検索して選ぶか、「新しく登録する」を選んでください',
    );
    expect(errorAt(result.errors, 'householdMembers.0.person.familyName')).toBeUndefined();
  });

  it('puts the contract’s errors on the fields: no next step, no consent answer', async () => {
    const values = filledIn();
    values.outcome.kind = '';
    values.consentToShare = '';
    const result = await validate(values);
    expect(errorAt(result.errors, 'outcome.kind')).toMatch(/対応/);
    expect(errorAt(result.errors, 'consentToShare')).toMatch(/同意/);
  });

  it('refuses a ◎ main topic that is not among the ticked topics', async () => {
    const values = filledIn();
    values.mainTopic = 'debt';
    const result = await validate(values);
    expect(errorAt(result.errors, 'mainTopic')).toMatch(/◎/);
  });
});
