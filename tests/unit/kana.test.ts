import { describe, expect, it } from 'vitest';
import { isKana, normalizeKana } from '../../src/domain/kana.ts';

function codePointRange(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index));
}

describe('normalizeKana', () => {
  it.each([
    // ひらがな → カタカナ
    ['やまだ', 'ヤマダ'],
    ['ぱぴぷぺぽ', 'パピプペポ'],
    ['ゔぁいおりん', 'ヴァイオリン'],
    ['ぁぃぅぇぉゃゅょっゎゕゖ', 'ァィゥェォャュョッヮヵヶ'],
    ['ゝゞ', 'ヽヾ'],
    ['すずき　いちろー', 'スズキイチロー'],
    // 半角カナ → 全角カナ, voicing marks composed
    ['ﾔﾏﾀﾞ', 'ヤマダ'],
    ['ｶﾞｷﾞｸﾞｹﾞｺﾞ', 'ガギグゲゴ'],
    ['ｻﾞｼﾞｽﾞｾﾞｿﾞ', 'ザジズゼゾ'],
    ['ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ', 'ダヂヅデド'],
    ['ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ', 'バビブベボ'],
    ['ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ', 'パピプペポ'],
    ['ｳﾞｧｲｵﾘﾝ', 'ヴァイオリン'],
    ['ﾜﾞ', 'ヷ'],
    ['ｦ', 'ヲ'],
    ['ｽｰﾊﾟｰ', 'スーパー'],
    ['ｧｨｩｪｫｬｭｮｯ', 'ァィゥェォャュョッ'],
    ['｡｢｣､', '。「」、'],
    // a voicing mark with nothing to compose with stays visible
    ['ｱﾞ', 'ア゛'],
    ['ﾞ', '゛'],
    ['ﾟ', '゜'],
    // decomposed input (e.g. from macOS) and spacing marks typed after a kana
    ['カ\u3099', 'ガ'],
    ['か\u3099', 'ガ'],
    ['ハ\u309A', 'パ'],
    ['か゛', 'ガ'],
    ['は゜', 'パ'],
    ['ウ゛', 'ヴ'],
    // spaces and middle dots
    ['ヤマダ タロウ', 'ヤマダタロウ'],
    ['ヤマダ　タロウ', 'ヤマダタロウ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
    ['ジョン・スミス', 'ジョンスミス'],
    ['ｼﾞｮﾝ･ｽﾐｽ', 'ジョンスミス'],
    ['ジョン·スミス', 'ジョンスミス'],
    ['\tヤマダ\n', 'ヤマダ'],
    // 全角英数 → 半角, upper case
    ['ＡＢＣ１２３', 'ABC123'],
    ['ａｂｃ', 'ABC'],
    ['smith john', 'SMITHJOHN'],
    ['Ｍｃ　Ｄｏｎａｌｄ', 'MCDONALD'],
    ['ＹＡＭＡＤＡ－ｔａｒｏ', 'YAMADA-TARO'],
    ['（株）', '(株)'],
    // kanji and other scripts are left alone
    ['山田 太郎', '山田太郎'],
    ['山田　花子', '山田花子'],
    ['髙橋', '髙橋'],
    ['渡邊', '渡邊'],
    ['José', 'JOSé'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeKana(input)).toBe(expected);
  });

  it('maps every hiragana to the katakana 0x60 above it', () => {
    for (const hiragana of codePointRange(0x3041, 0x3096)) {
      const katakana = String.fromCodePoint((hiragana.codePointAt(0) ?? 0) + 0x60);
      expect(normalizeKana(hiragana), hiragana).toBe(katakana);
    }
  });

  it('widens every half-width katakana as NFKC does (the middle dot is removed)', () => {
    for (const halfWidth of codePointRange(0xff61, 0xff9d)) {
      const expected = halfWidth === '･' ? '' : halfWidth.normalize('NFKC');
      expect(normalizeKana(halfWidth), halfWidth).toBe(expected);
    }
  });

  it('composes every half-width kana with ﾞ or ﾟ that Unicode can compose', () => {
    let composed = 0;
    for (const base of codePointRange(0xff66, 0xff9d)) {
      for (const mark of ['ﾞ', 'ﾟ']) {
        const nfkc = (base + mark).normalize('NFKC');
        if (nfkc.length !== 1) continue;
        composed += 1;
        expect(normalizeKana(base + mark), base + mark).toBe(nfkc);
      }
    }
    // ﾞ: カ…コ, サ…ソ, タ…ト, ハ…ホ (20) and ウ, ワ, ヲ (3); ﾟ: ハ…ホ (5).
    expect(composed).toBe(28);
  });

  it('narrows every full-width ASCII character', () => {
    for (const fullWidth of codePointRange(0xff01, 0xff5e)) {
      const ascii = String.fromCodePoint((fullWidth.codePointAt(0) ?? 0) - 0xfee0);
      expect(normalizeKana(fullWidth), fullWidth).toBe(ascii.toUpperCase());
    }
  });

  it.each([
    [['やまだ たろう', 'ヤマダ タロウ', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ・タロウ', 'やまだ　タロウ', 'ﾔﾏﾀ\uFF9E･ﾀﾛｳ']],
    [['ぐえん・ばん・あん', 'グエン バン アン', 'ｸﾞｴﾝ ﾊﾞﾝ ｱﾝ', 'ク\u3099エンハ\u3099ンアン']],
    [['Smith John', 'ＳＭＩＴＨ　ＪＯＨＮ', 'smith・john', 'ｓｍｉｔｈ ｊｏｈｎ']],
  ])('gives one search key for all spellings of %j', (spellings) => {
    const keys = new Set(spellings.map(normalizeKana));
    expect(keys.size).toBe(1);
  });

  it.each([
    ['ヤマダ', 'ヤマタ'],
    ['ハナコ', 'パナコ'],
    ['シヨウ', 'ショウ'],
    ['山田', '山口'],
  ])('still tells %j from %j', (a, b) => {
    expect(normalizeKana(a)).not.toBe(normalizeKana(b));
  });

  it('is idempotent', () => {
    for (const input of ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ｱﾞ', 'か゛', 'ｓｍｉｔｈ', 'ジョン・スミス', '山田　花子', 'ゝゞ']) {
      const once = normalizeKana(input);
      expect(normalizeKana(once), input).toBe(once);
    }
  });
});

describe('isKana', () => {
  it.each([
    ['ヤマダ', true],
    ['やまだ', true],
    ['ヤマダたろう', true],
    ['スーパー', true],
    ['ヴァイオリン', true],
    ['ヵヶ', true],
    ['ゝゞヽヾ', true],
    ['ー', true],
    ['ヷヺ', true],
    ['', false],
    ['ヤマダ タロウ', false],
    ['ヤマダ　タロウ', false],
    ['ジョン・スミス', false],
    ['ﾔﾏﾀﾞ', false],
    ['山田', false],
    ['やま田', false],
    ['yamada', false],
    ['ＹＡＭＡＤＡ', false],
    ['ヤマダ1', false],
    ['カ\u3099', false],
    ['゛', false],
    ['〜', false],
  ])('%j → %s', (input, expected) => {
    expect(isKana(input)).toBe(expected);
  });

  it.each([['ﾔﾏﾀﾞ ﾀﾛｳ'], ['ジョン・スミス'], ['やまだ　はなこ'], ['カ\u3099ク']])(
    'accepts %j once normalised',
    (input) => {
      expect(isKana(normalizeKana(input))).toBe(true);
    },
  );

  it('accepts every hiragana and katakana letter', () => {
    for (const kana of [...codePointRange(0x3041, 0x3096), ...codePointRange(0x30a1, 0x30fa)]) {
      expect(isKana(kana), kana).toBe(true);
    }
  });
});
