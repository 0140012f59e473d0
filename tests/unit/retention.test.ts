import { describe, expect, it } from 'vitest';
import { caseStages } from '../../src/domain/caseStage.ts';
import {
  type CaseForRetention,
  type ConsultationForRetention,
  caseRetention,
  consultationRetention,
  type DisposalInput,
  defaultRetentionRules,
  disposableFrom,
  emptySelection,
  planDisposal,
  type RetentionRules,
  refusedSelection,
  retentionStartsOn,
  validRetentionRules,
} from '../../src/domain/retention.ts';

const rules: RetentionRules = { caseYears: 5, consultationYears: 3, personYears: 10 };

const closedCase = (
  id: string,
  closedOn: string,
  extra: Partial<CaseForRetention> = {},
): CaseForRetention => ({
  id,
  stage: 'closed',
  closedOn,
  holdReason: null,
  disposed: false,
  ...extra,
});
const consultation = (
  id: string,
  extra: Partial<ConsultationForRetention> = {},
): ConsultationForRetention => ({
  id,
  status: 'closed',
  closedOn: '2020-05-01',
  caseId: null,
  disposed: false,
  ...extra,
});

describe('the retention period counts from 1 April of the next 年度 (翌年度起算)', () => {
  it.each([
    ['2020-04-01', '2021-04-01', '2026-04-01'],
    ['2020-06-01', '2021-04-01', '2026-04-01'],
    ['2021-03-31', '2021-04-01', '2026-04-01'],
    ['2021-04-01', '2022-04-01', '2027-04-01'],
    ['2019-12-31', '2020-04-01', '2025-04-01'],
  ])('ended %s: counted from %s, disposable from %s with 5 years', (ended, starts, from) => {
    expect(retentionStartsOn(ended)).toBe(starts);
    expect(disposableFrom(ended, 5)).toBe(from);
  });

  it('one year is the shortest period', () => {
    expect(disposableFrom('2024-03-31', 1)).toBe('2025-04-01');
  });
});

describe('caseRetention', () => {
  it('a closed case expires on the first day of its disposable 年度, not the day before', () => {
    const kase = closedCase('c', '2020-06-01');
    expect(caseRetention(kase, rules, '2026-03-31')).toEqual({
      kind: 'retained',
      disposableFrom: '2026-04-01',
    });
    expect(caseRetention(kase, rules, '2026-04-01')).toEqual({
      kind: 'expired',
      disposableFrom: '2026-04-01',
    });
    expect(caseRetention(kase, rules, '2030-01-01')).toEqual({
      kind: 'expired',
      disposableFrom: '2026-04-01',
    });
  });

  it.each(caseStages.filter((s) => s !== 'closed'))('a case in stage %s is never expired', (stage) => {
    expect(caseRetention({ ...closedCase('c', '2001-01-01'), stage }, rules, '2099-01-01')).toEqual({
      kind: 'open',
    });
  });

  it('a reopened case (closed date cleared) is not expired', () => {
    expect(
      caseRetention(
        closedCase('c', '2001-01-01', { stage: 'supporting', closedOn: null }),
        rules,
        '2099-01-01',
      ),
    ).toEqual({ kind: 'open' });
    expect(caseRetention(closedCase('c', '2001-01-01', { closedOn: null }), rules, '2099-01-01')).toEqual({
      kind: 'open',
    });
  });

  it('a hold keeps an expired case off the list, whatever its age', () => {
    expect(caseRetention(closedCase('c', '2001-01-01', { holdReason: '訴訟' }), rules, '2099-01-01')).toEqual(
      {
        kind: 'held',
        reason: '訴訟',
      },
    );
  });

  it('a disposed case stays disposed', () => {
    expect(caseRetention(closedCase('c', '2001-01-01', { disposed: true }), rules, '2099-01-01')).toEqual({
      kind: 'disposed',
    });
  });

  it('the city’s number of years decides', () => {
    const kase = closedCase('c', '2020-06-01');
    expect(caseRetention(kase, { ...rules, caseYears: 10 }, '2026-04-01').kind).toBe('retained');
    expect(caseRetention(kase, { ...rules, caseYears: 10 }, '2031-04-01').kind).toBe('expired');
  });
});

describe('consultationRetention', () => {
  it('a consultation that became a case follows the case', () => {
    expect(
      consultationRetention(consultation('q', { caseId: 'c', status: 'handedOver' }), rules, '2099-01-01'),
    ).toEqual({ kind: 'followsCase', caseId: 'c' });
  });

  it.each(['open', 'referred', 'handedOver'] as const)(
    'a consultation %s without a case is not expired',
    (status) => {
      expect(
        consultationRetention(consultation('q', { status, closedOn: null }), rules, '2099-01-01'),
      ).toEqual({
        kind: 'open',
      });
    },
  );

  it('a closed consultation expires consultationYears after the 年度 of its closing', () => {
    const q = consultation('q', { closedOn: '2020-05-01' });
    expect(consultationRetention(q, rules, '2024-03-31')).toEqual({
      kind: 'retained',
      disposableFrom: '2024-04-01',
    });
    expect(consultationRetention(q, rules, '2024-04-01')).toEqual({
      kind: 'expired',
      disposableFrom: '2024-04-01',
    });
  });

  it('a disposed consultation stays disposed', () => {
    expect(consultationRetention(consultation('q', { disposed: true }), rules, '2099-01-01').kind).toBe(
      'disposed',
    );
  });
});

describe('planDisposal', () => {
  const today = '2026-04-01';
  const input: DisposalInput = {
    cases: [
      closedCase('old', '2020-06-01'),
      closedCase('young', '2024-06-01'),
      closedCase('held', '2010-06-01', { holdReason: '開示請求の対応中' }),
      { id: 'open', stage: 'supporting', closedOn: null, holdReason: null, disposed: false },
      closedCase('gone', '2010-06-01', { disposed: true }),
    ],
    consultations: [
      consultation('q-old', { closedOn: '2021-06-01' }),
      consultation('q-young', { closedOn: '2025-06-01' }),
      consultation('q-of-old', { caseId: 'old', status: 'handedOver', closedOn: null }),
      consultation('q-of-young', { caseId: 'young', status: 'handedOver', closedOn: null }),
    ],
    persons: [
      { id: 'p-old', lastChangedOn: '2020-01-01', caseIds: ['old'], consultationIds: ['q-of-old'] },
      { id: 'p-both', lastChangedOn: '2020-01-01', caseIds: ['old', 'young'], consultationIds: [] },
      { id: 'p-q', lastChangedOn: '2020-01-01', caseIds: [], consultationIds: ['q-old'] },
      { id: 'p-held', lastChangedOn: '2020-01-01', caseIds: ['held'], consultationIds: [] },
      { id: 'p-gone-and-old', lastChangedOn: '2020-01-01', caseIds: ['gone', 'old'], consultationIds: [] },
      { id: 'p-none-old', lastChangedOn: '2015-06-01', caseIds: [], consultationIds: [] },
      { id: 'p-none-young', lastChangedOn: '2020-06-01', caseIds: [], consultationIds: [] },
    ],
  };

  it('lists the expired cases and consultations and the persons no kept record names', () => {
    const plan = planDisposal(input, rules, today);
    expect(plan.cases).toEqual([{ id: 'old', disposableFrom: '2026-04-01' }]);
    expect(plan.consultations).toEqual([
      { id: 'q-old', disposableFrom: '2025-04-01', caseId: null },
      { id: 'q-of-old', disposableFrom: '2026-04-01', caseId: 'old' },
    ]);
    expect(plan.persons).toEqual([
      { id: 'p-old', reason: 'lastRecord' },
      { id: 'p-q', reason: 'lastRecord' },
      { id: 'p-gone-and-old', reason: 'lastRecord' },
      { id: 'p-none-old', reason: 'noRecord' },
    ]);
  });

  it('a person with a kept case stays, though another of their cases goes', () => {
    const plan = planDisposal(input, rules, today);
    expect(plan.persons.map((p) => p.id)).not.toContain('p-both');
    expect(plan.persons.map((p) => p.id)).not.toContain('p-held');
  });

  it('with a selection, only what was selected goes, and persons follow from it', () => {
    const plan = planDisposal(input, rules, today, {
      caseIds: [],
      consultationIds: ['q-old'],
      personIds: [],
    });
    expect(plan.cases).toEqual([]);
    expect(plan.consultations.map((c) => c.id)).toEqual(['q-old']);
    expect(plan.persons.map((p) => p.id)).toEqual(['p-q']);
  });

  it('refuses a selection naming what is not on the list', () => {
    const plan = planDisposal(input, rules, today, {
      caseIds: ['old', 'young', 'held'],
      consultationIds: ['q-of-young'],
      personIds: ['p-none-young', 'p-none-old'],
    });
    expect(
      refusedSelection(plan, {
        caseIds: ['old', 'young', 'held'],
        consultationIds: ['q-of-young'],
        personIds: ['p-none-young', 'p-none-old'],
      }),
    ).toEqual({ caseIds: ['young', 'held'], consultationIds: ['q-of-young'], personIds: ['p-none-young'] });
  });

  it('nothing is expired on a day before any period ends', () => {
    const plan = planDisposal(input, rules, '2021-01-01');
    expect(plan).toEqual({ cases: [], consultations: [], persons: [] });
  });

  it('an empty selection is recognised', () => {
    expect(emptySelection({ caseIds: [], consultationIds: [], personIds: [] })).toBe(true);
    expect(emptySelection({ caseIds: ['x'], consultationIds: [], personIds: [] })).toBe(false);
  });
});

describe('validRetentionRules', () => {
  it.each([
    [defaultRetentionRules, true],
    [{ caseYears: 1, consultationYears: 100, personYears: 30 }, true],
    [{ caseYears: 0, consultationYears: 5, personYears: 5 }, false],
    [{ caseYears: 5, consultationYears: 101, personYears: 5 }, false],
    [{ caseYears: 5, consultationYears: 5, personYears: 2.5 }, false],
  ])('%o → %s', (value, valid) => {
    expect(validRetentionRules(value)).toBe(valid);
  });
});
