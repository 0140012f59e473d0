import { describe, expect, it } from 'vitest';
import { easyDate, easyReadPlan, shortSentences } from '../../src/domain/easyRead/easyReadPlan.ts';
import { rubyOfToken, rubySegments, toHiragana } from '../../src/domain/easyRead/furigana.ts';
import { grade1Kanji, grade2Kanji, isKanji, needsReading } from '../../src/domain/easyRead/kanjiGrades.ts';

describe('学年別漢字配当表, grades 1 and 2', () => {
  it('holds 80 and 160 distinct kanji, none in both', () => {
    expect(new Set(grade1Kanji).size).toBe(80);
    expect(new Set(grade2Kanji).size).toBe(160);
    expect([...grade1Kanji].filter((k) => grade2Kanji.includes(k))).toEqual([]);
    expect([...grade1Kanji, ...grade2Kanji].every(isKanji)).toBe(true);
  });

  it('asks for a reading only over kanji beyond the 2nd grade', () => {
    expect(needsReading('月')).toBe(false);
    expect(needsReading('電')).toBe(false);
    expect(needsReading('支')).toBe(true);
    expect(needsReading('援')).toBe(true);
    expect(needsReading('あ')).toBe(false);
    expect(needsReading('々')).toBe(false);
  });
});

describe('ふりがな', () => {
  it('reads katakana as hiragana', () => {
    expect(toHiragana('シエン')).toBe('しえん');
    expect(toHiragana('センター')).toBe('せんたー');
  });

  it('puts the reading over the kanji only, leaving 送り仮名 bare', () => {
    expect(rubyOfToken({ surface: '支援', reading: 'シエン' })).toEqual([{ text: '支援', ruby: 'しえん' }]);
    expect(rubyOfToken({ surface: '伺い', reading: 'ウカガイ' })).toEqual([
      { text: '伺', ruby: 'うかが' },
      { text: 'い', ruby: null },
    ]);
    expect(rubyOfToken({ surface: 'お届け', reading: 'オトドケ' })).toEqual([
      { text: 'お', ruby: null },
      { text: '届', ruby: 'とど' },
      { text: 'け', ruby: null },
    ]);
  });

  it('leaves words of 1st- and 2nd-grade kanji, kana and unknown readings bare', () => {
    expect(rubyOfToken({ surface: '電話', reading: 'デンワ' })).toEqual([{ text: '電話', ruby: null }]);
    expect(rubyOfToken({ surface: 'ください', reading: 'クダサイ' })).toEqual([
      { text: 'ください', ruby: null },
    ]);
    expect(rubyOfToken({ surface: '燦', reading: null })).toEqual([{ text: '燦', ruby: null }]);
  });

  it('joins bare neighbours into one segment', () => {
    expect(
      rubySegments([
        { surface: '地域', reading: 'チイキ' },
        { surface: 'の', reading: 'ノ' },
        { surface: '人', reading: 'ヒト' },
        { surface: 'が', reading: 'ガ' },
        { surface: '訪問', reading: 'ホウモン' },
      ]),
    ).toEqual([
      { text: '地域', ruby: 'ちいき' },
      { text: 'の人が', ruby: null },
      { text: '訪問', ruby: 'ほうもん' },
    ]);
  });
});

describe('the plan in やさしい日本語', () => {
  it('cuts staff text into short sentences', () => {
    expect(shortSentences('母の通院を手伝う。月に一度は外出する！\n家計を見直す')).toEqual([
      '母の通院を手伝う。',
      '月に一度は外出する！',
      '家計を見直す',
    ]);
    const long = '介護保険の申請を手伝い、ケアマネジャーと一緒に自宅を訪問して、母の生活の様子を確かめる。';
    expect(shortSentences(long).length).toBeGreaterThan(1);
    expect(shortSentences(long).join('')).toBe(long);
  });

  it('says who does what and when, the next meeting and whom to call', () => {
    const doc = easyReadPlan({
      personName: '山田 太郎',
      version: 2,
      decidedOn: '2026-11-05',
      wishes: '家で母と暮らしたい。',
      longTermGoal: '安心して暮らす。',
      shortTermGoals: '外に出る日を増やす。',
      items: [
        {
          organizationName: '地域包括支援センター',
          content: '母の介護の相談にのる。',
          frequency: '月1回',
          periodFrom: '2026-11-05',
          periodTo: '2027-03-31',
        },
      ],
      nextMonitoringOn: '2027-01-15',
      contact: { organizationName: '重層事業担当', phone: '099-000-0000', staffName: '調整 花子' },
    });
    expect(doc.title).toBe('山田 太郎さんの 支援の 計画');
    const text = JSON.stringify(doc);
    expect(text).toContain('地域包括支援センターが 手伝います');
    expect(text).toContain('月1回です。');
    expect(text).toContain('2026年11月5日から 2027年3月31日まで です。');
    expect(text).toContain('2027年1月15日に、計画が うまく いって いるか 話し合います。');
    expect(text).toContain('重層事業担当に 電話して ください。');
    expect(text).toContain('電話番号は 099-000-0000 です。');
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'この 計画に ついて',
      'あなたの ねがい',
      'めざす こと',
      'だれが なにを するか',
      'つぎに 話し合う 日',
      'こまった ときは',
    ]);
    expect(easyDate('2027-01-05')).toBe('2027年1月5日');
  });
});
