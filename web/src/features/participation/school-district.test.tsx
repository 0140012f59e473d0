import { describe, expect, it } from 'vitest';
import { schoolDistrictOf } from './school-district.ts';

describe('schoolDistrictOf', () => {
  const known = ['谷山校区', '東谷山校区', '和田校区'];
  it('finds the 校区 named in the address, the longest match first', () => {
    expect(schoolDistrictOf('鹿児島市和田（架空）2-5', known)).toBe('和田校区');
    expect(schoolDistrictOf('鹿児島市東谷山（架空）4-1', known)).toBe('東谷山校区');
  });
  it('presets nothing when no 校区 appears or there is no address', () => {
    expect(schoolDistrictOf('鹿児島市（架空の住所）', known)).toBeUndefined();
    expect(schoolDistrictOf(null, known)).toBeUndefined();
  });
});
