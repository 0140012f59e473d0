/**
 * The search key of a name (氏名) as written, so that a search for 城山, 高崎 or やまだ finds the
 * person whatever variant or script was typed or registered. The database keeps the same key in
 * `persons.name_key`, a generated column computed by the SQL function `kasane_name_key` (migration
 * 1001), so every way a person is written keeps it; this module computes it for what a user types.
 *
 * The key is, in this order:
 * 1. Unicode NFKC (full-width ASCII → half-width, half-width katakana → full-width with their voicing
 *    marks composed, compatibility ideographs that have a decomposition → their unified form);
 * 2. hiragana → katakana (names registered in kana: とめ and トメ alike);
 * 3. 異体字 (variant kanji common in names) → the form most people type: 髙→高, 﨑/嵜/碕→崎 …
 *    ({@link nameVariants});
 * 4. spaces, middle dots and variation selectors (IVS) removed; Latin letters upper-cased.
 *
 * Changing {@link nameVariants} changes the key: it needs a migration that re-creates the SQL
 * function and the column (tests/db/nameKey.test.ts fails while the two disagree).
 */

/** Variant kanji seen in names and the form they are searched as. Pairs of [variant, standard]. */
export const nameVariants: readonly (readonly [string, string])[] = [
  ['髙', '高'],
  ['﨑', '崎'],
  ['嵜', '崎'],
  ['碕', '崎'],
  ['邊', '辺'],
  ['邉', '辺'],
  ['齋', '斎'],
  ['齊', '斉'],
  ['濵', '浜'],
  ['濱', '浜'],
  ['澤', '沢'],
  ['櫻', '桜'],
  ['廣', '広'],
  ['國', '国'],
  ['德', '徳'],
  ['瀨', '瀬'],
  ['冨', '富'],
  ['槗', '橋'],
  ['𠮷', '吉'],
  ['淵', '渕'],
  ['籠', '篭'],
  ['惠', '恵'],
  ['眞', '真'],
  ['龍', '竜'],
  ['曻', '昇'],
];

/** Hiragana ぁ…ゖ and the iteration marks ゝゞ, and their katakana (0x60 above). */
export const hiragana = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) =>
  String.fromCodePoint(0x3041 + i),
)
  .concat(['ゝ', 'ゞ'])
  .join('');
export const katakanaOfHiragana = Array.from(hiragana, (c) =>
  String.fromCodePoint((c.codePointAt(0) ?? 0) + 0x60),
).join('');

/** Characters dropped from the key: spaces (after NFKC every space is U+0020 or a control), middle dots, variation selectors. */
export const droppedFromNameKey = [
  ' ',
  '\t',
  '\u30FB', // ・
  '\u00B7', // ·
  ...Array.from({ length: 16 }, (_, i) => String.fromCodePoint(0xfe00 + i)),
  ...Array.from({ length: 240 }, (_, i) => String.fromCodePoint(0xe0100 + i)),
].join('');

const variantMap = new Map(nameVariants.filter(([from, to]) => from !== to));
const dropped = new Set(Array.from(droppedFromNameKey));

/** The search key of a name or of what was typed to find one. Never displayed. */
export function nameKey(s: string): string {
  const out: string[] = [];
  for (const char of s.normalize('NFKC')) {
    if (dropped.has(char)) continue;
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e) {
      out.push(String.fromCodePoint(code + 0x60));
      continue;
    }
    const standard = variantMap.get(char);
    if (standard) {
      out.push(standard);
      continue;
    }
    out.push(code >= 0x61 && code <= 0x7a ? char.toUpperCase() : char);
  }
  return out.join('');
}
