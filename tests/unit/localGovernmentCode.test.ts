import { describe, expect, it } from 'vitest';
import { checkDigitOf, parseLocalGovernmentCode } from '../../src/domain/localGovernmentCode.ts';

describe('地方公共団体コード', () => {
  it('computes the check digit of published codes', () => {
    // 鹿児島市 462012, 霧島市 462187, 札幌市 011002, 千代田区 131016, 那覇市 472018
    expect(checkDigitOf('46201')).toBe(2);
    expect(checkDigitOf('46218')).toBe(7);
    expect(checkDigitOf('01100')).toBe(2);
    expect(checkDigitOf('13101')).toBe(6);
    expect(checkDigitOf('47201')).toBe(8);
  });

  it('takes the last digit when 11 minus the remainder has two digits', () => {
    // remainder 0 → 11 → 1; remainder 1 → 10 → 0
    const withRemainder = (r: number) => {
      for (let n = 0; n < 100_000; n++) {
        const five = String(n).padStart(5, '0');
        const sum = [...five].reduce((t, d, i) => t + Number(d) * (6 - i), 0);
        if (sum % 11 === r) return five;
      }
      throw new Error('none');
    };
    expect(checkDigitOf(withRemainder(0))).toBe(1);
    expect(checkDigitOf(withRemainder(1))).toBe(0);
  });

  it('accepts six digits with the right check digit, five digits, and full-width digits', () => {
    expect(parseLocalGovernmentCode('462012')).toEqual({ ok: true, code: '462012' });
    expect(parseLocalGovernmentCode('46201')).toEqual({ ok: true, code: '462012' });
    expect(parseLocalGovernmentCode(' ４６２０１２ ')).toEqual({ ok: true, code: '462012' });
  });

  it('refuses a wrong check digit, naming the right one, and anything not a code', () => {
    expect(parseLocalGovernmentCode('462013')).toMatchObject({
      ok: false,
      problem: 'checkDigit',
      message: expect.stringContaining('検査数字は 2'),
    });
    for (const bad of ['', '4620', '4620123', 'kagoshima', '46-201'])
      expect(parseLocalGovernmentCode(bad)).toMatchObject({ ok: false, problem: 'format' });
    expect(parseLocalGovernmentCode('48201')).toMatchObject({ ok: false, problem: 'prefecture' });
    expect(parseLocalGovernmentCode('00201')).toMatchObject({ ok: false, problem: 'prefecture' });
  });

  it('rejects non-digits in checkDigitOf', () => {
    expect(() => checkDigitOf('4620a')).toThrow(RangeError);
  });
});
