/**
 * Search normalisation for names and フリガナ, so that a search ignores ひらがな/カタカナ,
 * 全角/半角, spaces and middle dots: 'やまだ　たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ' and 'ヤマダ・タロウ' all become
 * 'ヤマダタロウ'. The result is a search key, never something to display.
 */

// Half-width katakana U+FF61–U+FF9F in code point order, as full-width characters. The voicing marks
// ﾞ and ﾟ become combining marks so that they compose with the kana before them ('ｶﾞ' → 'ガ').
const halfWidthKatakana =
  '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン\u3099\u309A';
const halfWidthStart = 0xff61;

const hiraganaToKatakanaOffset = 0x60;

/** Map one character to its full-width katakana or half-width ASCII counterpart. */
function widenOrNarrow(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0xff61 && code <= 0xff9f) return halfWidthKatakana[code - halfWidthStart] ?? char;
  // Full-width ASCII ！…～ is ASCII shifted by 0xFEE0.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0);
  // Hiragana ぁ…ゖ and the iteration marks ゝゞ sit 0x60 below their katakana.
  if ((code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e) {
    return String.fromCodePoint(code + hiraganaToKatakanaOffset);
  }
  // Spacing ゛ and ゜ typed after a kana mean the same as the combining marks.
  if (code === 0x309b) return '\u3099';
  if (code === 0x309c) return '\u309A';
  return char;
}

/** Compose a katakana with a following voicing mark where Unicode has a single character for it. */
function composeVoicing(_match: string, kana: string, mark: string): string {
  const composed = (kana + mark).normalize('NFC');
  return composed.length === 1 ? composed : kana + mark;
}

/**
 * The search key of a name or フリガナ: hiragana become katakana, half-width katakana become
 * full-width with their voicing marks composed ('ｶﾞ' → 'ガ', decomposed 'カ\u3099' too), full-width
 * ASCII becomes half-width, Latin letters are upper-cased, and spaces (half and full width) and
 * middle dots (・ ･ ·) are removed. Kanji are left as they are.
 */
export function normalizeKana(s: string): string {
  return Array.from(s, widenOrNarrow)
    .join('')
    .replace(/([\u30A1-\u30FA\u30FD])([\u3099\u309A])/g, composeVoicing)
    .replace(/\u3099/g, '゛')
    .replace(/\u309A/g, '゜')
    .replace(/[\s\u30FB\u00B7]/g, '')
    .replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

const kanaOnly = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE]+$/;

/**
 * Whether the string is made only of full-width hiragana, katakana, the long vowel mark 'ー' and
 * the kana iteration marks; empty strings, spaces, middle dots and half-width katakana are not.
 * Check `isKana(normalizeKana(s))` to accept フリガナ typed with those.
 */
export function isKana(s: string): boolean {
  return kanaOnly.test(s);
}
