import { describe, expect, it } from 'vitest';
import {
  MIN_PASSWORD_SCORE,
  type PasswordEstimate,
  passwordViolationMessage,
  passwordViolations,
} from '../../src/domain/passwordRules.ts';
import { passwordProblems } from '../../src/server/passwordPolicy.ts';
import { estimatePassword } from '../../src/server/passwordStrength.ts';

describe('the password strength estimator (zxcvbn-ts, offline dictionaries)', () => {
  it('finds passwords from the breached list, whole, with a Japanese warning', async () => {
    for (const password of ['q1w2e3r4t5y6', 'leavemealone', '1qaz2wsx3edc', 'qazwsxedcrfv']) {
      const estimate = await estimatePassword(password);
      expect(estimate.breached, password).toBe(true);
      expect(estimate.score).toBeLessThan(MIN_PASSWORD_SCORE);
      expect(estimate.warning).toMatch(/パスワード/);
    }
  });

  it('scores keyboard walks, repeats and a word with a year as weak, passphrases as strong', async () => {
    for (const weak of ['sakurajima2026', 'aaaaaaaaaaaaaa', 'asdfghjkl;1234', 'abcdefghijklmn'])
      expect((await estimatePassword(weak)).score, weak).toBeLessThan(MIN_PASSWORD_SCORE);
    for (const strong of ['yama-kawa-umi-sora-2026', 'correct horse battery', 'taishoku-yotei-2026-aki'])
      expect((await estimatePassword(strong)).score, strong).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
  });

  it('counts the user’s own details against the password', async () => {
    const alone = await estimatePassword('gorobei-tsurumaru');
    const withInputs = await estimatePassword('gorobei-tsurumaru', ['gorobei', 'tsurumaru']);
    expect(withInputs.score).toBeLessThan(alone.score);
  });
});

describe('passwordViolations with an estimate', () => {
  const estimate = (overrides: Partial<PasswordEstimate>): PasswordEstimate => ({
    score: 4,
    breached: false,
    warning: null,
    suggestions: [],
    ...overrides,
  });

  it('calls a breached password common and a low score weak, only when nothing else explains it', () => {
    expect(passwordViolations('a-long-passphrase', 'x1', estimate({ breached: true, score: 1 }))).toEqual([
      'common',
    ]);
    expect(passwordViolations('a-long-passphrase', 'x1', estimate({ score: 2 }))).toEqual(['weak']);
    expect(passwordViolations('a-long-passphrase', 'x1', estimate({ score: 3 }))).toEqual([]);
    expect(passwordViolations('short', 'x1', estimate({ score: 0 }))).toEqual(['tooShort']);
  });

  it('words the weak message with the estimator’s Japanese advice', () => {
    expect(
      passwordViolationMessage(
        'weak',
        estimate({
          score: 1,
          warning: '日付は推測されやすくなります',
          suggestions: ['最近の西暦は避けてください'],
        }),
      ),
    ).toBe(
      'このパスワードは推測されやすいため使えません。関係のない単語を4つ以上つなげるなど、長く推測されにくいものにしてください（日付は推測されやすくなります。最近の西暦は避けてください）',
    );
  });

  it('passwordProblems puts it together for a route', async () => {
    expect(await passwordProblems('yama-kawa-umi-sora-2026', 'joho-admin')).toEqual([]);
    expect((await passwordProblems('q1w2e3r4t5y6', 'joho-admin')).map((p) => p.code)).toEqual(['common']);
    const weak = await passwordProblems('sakurajima2026', 'joho-admin');
    expect(weak.map((p) => p.code)).toEqual(['weak']);
    expect(weak[0]?.message).toMatch(/推測されやすい/);
  });
});
