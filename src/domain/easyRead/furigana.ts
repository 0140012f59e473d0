import { needsReading } from './kanjiGrades.ts';

/** A word as a morphological analyser gives it: its surface and its reading in katakana (or none). */
export interface ReadToken {
  surface: string;
  reading: string | null;
}

/** A piece of text, with its ふりがな when it holds kanji beyond the 2nd grade. */
export interface RubySegment {
  text: string;
  ruby: string | null;
}

/** カタカナ → ひらがな (ー and others kept). */
export function toHiragana(katakana: string): string {
  return katakana.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

const isKana = (ch: string) => /[\u3041-\u309f\u30a1-\u30ff]/.test(ch);

/**
 * The segments of one word: kana before and after the kanji stay bare (送り仮名), the part with
 * kanji gets the rest of the reading. 通い (カヨイ) → 通(かよ) + い. When the reading does not
 * line up with the kana around the kanji, the whole word carries the reading.
 */
export function rubyOfToken(token: ReadToken): RubySegment[] {
  const { surface } = token;
  if (![...surface].some(needsReading) || !token.reading) return [{ text: surface, ruby: null }];
  const reading = toHiragana(token.reading);
  const chars = [...surface];
  const hira = chars.map((ch) => toHiragana(ch));
  let head = 0;
  while (
    head < chars.length &&
    isKana(chars[head] as string) &&
    reading.startsWith(hira.slice(0, head + 1).join(''))
  )
    head++;
  let tail = 0;
  while (
    tail < chars.length - head &&
    isKana(chars[chars.length - 1 - tail] as string) &&
    reading.endsWith(hira.slice(chars.length - 1 - tail).join(''))
  )
    tail++;
  const core = chars.slice(head, chars.length - tail).join('');
  const coreReading = reading.slice(
    hira.slice(0, head).join('').length,
    reading.length - hira.slice(chars.length - tail).join('').length,
  );
  if (!core || !coreReading || core === coreReading)
    return [{ text: surface, ruby: reading === surface ? null : reading }];
  return [
    ...(head ? [{ text: chars.slice(0, head).join(''), ruby: null }] : []),
    { text: core, ruby: coreReading },
    ...(tail ? [{ text: chars.slice(chars.length - tail).join(''), ruby: null }] : []),
  ];
}

/** Segments of a sentence: words with ふりがな where needed, neighbouring bare text joined. */
export function rubySegments(tokens: readonly ReadToken[]): RubySegment[] {
  const segments: RubySegment[] = [];
  for (const segment of tokens.flatMap(rubyOfToken)) {
    const last = segments.at(-1);
    if (last && last.ruby === null && segment.ruby === null) last.text += segment.text;
    else segments.push({ ...segment });
  }
  return segments;
}
