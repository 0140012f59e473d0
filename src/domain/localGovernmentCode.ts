/**
 * 全国地方公共団体コード (JIS X 0401/0402, 総務省): five digits (two for the prefecture, three for the
 * municipality) and a check digit. The check digit is the last digit of 11 minus the remainder of
 * (d1×6 + d2×5 + d3×4 + d4×3 + d5×2) divided by 11; e.g. 鹿児島市 46201 → 462012.
 * Pure: unit-tested in tests/unit/localGovernmentCode.test.ts.
 */

/** The check digit of a five-digit code. */
export function checkDigitOf(fiveDigits: string): number {
  if (!/^\d{5}$/.test(fiveDigits)) throw new RangeError(`not five digits: ${fiveDigits}`);
  const sum = [...fiveDigits].reduce((total, digit, index) => total + Number(digit) * (6 - index), 0);
  return (11 - (sum % 11)) % 10;
}

export type LocalGovernmentCodeProblem = 'format' | 'prefecture' | 'checkDigit';

export type LocalGovernmentCodeResult =
  | { ok: true; code: string }
  | { ok: false; problem: LocalGovernmentCodeProblem; message: string };

/**
 * Read a code as typed: six digits with a correct check digit, or five digits (the check digit is
 * then added). Full-width digits are accepted. Prefectures are 01 (北海道) to 47 (沖縄県).
 */
export function parseLocalGovernmentCode(input: string): LocalGovernmentCodeResult {
  const digits = input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{5,6}$/.test(digits))
    return {
      ok: false,
      problem: 'format',
      message: '地方公共団体コードは6桁（検査数字を含む）または5桁の数字で指定してください',
    };
  const prefecture = Number(digits.slice(0, 2));
  if (prefecture < 1 || prefecture > 47)
    return {
      ok: false,
      problem: 'prefecture',
      message: '地方公共団体コードの上2桁は都道府県コード（01〜47）です',
    };
  const five = digits.slice(0, 5);
  const check = checkDigitOf(five);
  if (digits.length === 6 && Number(digits[5]) !== check)
    return {
      ok: false,
      problem: 'checkDigit',
      message: `地方公共団体コードの検査数字が一致しません（${five} の検査数字は ${check} です）`,
    };
  return { ok: true, code: `${five}${check}` };
}
