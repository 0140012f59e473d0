import { describe, expect, it } from 'vitest';
import { caseSearchTerms, issueCodesOfArea } from '../../src/domain/caseSearch.ts';
import { nameKey, nameVariants } from '../../src/domain/nameKey.ts';

describe('nameKey', () => {
  it('treats the 異体字 of names as their common form', () => {
    expect(nameKey('髙﨑')).toBe('高崎');
    expect(nameKey('高崎')).toBe('高崎');
    expect(nameKey('渡邊')).toBe(nameKey('渡邉'));
    expect(nameKey('渡邊')).toBe('渡辺');
    expect(nameKey('齋藤')).toBe('斎藤');
    expect(nameKey('𠮷田')).toBe('吉田');
    for (const [variant, standard] of nameVariants) expect(nameKey(variant)).toBe(standard);
  });

  it('drops spaces, middle dots and variation selectors; hiragana become katakana; Latin is upper-cased', () => {
    expect(nameKey('城山　和夫')).toBe('城山和夫');
    expect(nameKey('城山 とめ')).toBe('城山トメ');
    expect(nameKey('ｼﾛﾔﾏ ｶｽﾞｵ')).toBe('シロヤマカズオ');
    expect(nameKey('Smith・John')).toBe('SMITHJOHN');
    expect(nameKey('葛\u{E0100}西')).toBe('葛西');
    expect(nameKey('神\uFE00田')).toBe('神田');
    // a compatibility ideograph with a decomposition becomes its unified form
    expect(nameKey('\uFA10')).toBe('塚');
  });
});

describe('caseSearchTerms', () => {
  it('reads one search box as a name, a reading, a case number, a 宛名番号 or a birth date', () => {
    expect(caseSearchTerms('城山')).toEqual({
      name: '城山',
      kana: '',
      caseNumber: '城山',
      addresseeNumber: null,
      birthDate: null,
    });
    expect(caseSearchTerms('しろやま')).toMatchObject({ name: 'シロヤマ', kana: 'シロヤマ' });
    expect(caseSearchTerms('ｒ８－０００１')).toMatchObject({ caseNumber: 'R8-0001', birthDate: null });
    expect(caseSearchTerms('0012345678')).toMatchObject({ addresseeNumber: '0012345678' });
    expect(caseSearchTerms('昭和33年7月14日')).toMatchObject({
      birthDate: '1958-07-14',
      addresseeNumber: null,
    });
    expect(caseSearchTerms('S33.7.14').birthDate).toBe('1958-07-14');
    expect(caseSearchTerms('1958/7/14').birthDate).toBe('1958-07-14');
  });

  it('knows the issue codes of an area, and none of an unknown one', () => {
    expect(issueCodesOfArea('children')).toContain('youngCarer');
    expect(issueCodesOfArea('nope')).toEqual([]);
  });
});
