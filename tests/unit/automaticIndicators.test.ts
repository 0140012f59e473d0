import { describe, expect, it } from 'vitest';
import {
  automaticIndicatorsOf,
  countsCooperatingEmployers,
} from '../../src/domain/resources/automaticIndicators.ts';

describe('automatic indicators of a programme (協力雇用主 of the directory)', () => {
  it('belong to programmes that speak of 協力雇用主 only', () => {
    expect(countsCooperatingEmployers('協力雇用主等に対する優遇措置')).toBe(true);
    expect(countsCooperatingEmployers('生活困窮者自立支援事業')).toBe(false);
    expect(
      automaticIndicatorsOf('社会を明るくする運動への参加', {
        cooperatingEmployers: 9,
        placedWithCooperatingEmployers: 9,
      }),
    ).toEqual([]);
  });

  it.each([
    [0, 0],
    [1, '5未満'],
    [4, '5未満'],
    [5, 5],
  ])('shows the directory count as it is and %i persons placed as %s', (placed, shown) => {
    const [employers, persons] = automaticIndicatorsOf('協力雇用主等に対する優遇措置', {
      cooperatingEmployers: 3,
      placedWithCooperatingEmployers: placed,
    });
    expect(employers?.value).toBe(3);
    expect(persons?.value).toBe(shown);
  });
});
