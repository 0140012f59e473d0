import { describe, expect, it } from 'vitest';
import { bulletLines, isBulletList } from './bullet-lines.ts';

describe('bulletLines', () => {
  it('splits items run together after a sentence end', () => {
    const text =
      '・生活困窮者に対し、相談支援、就労支援等の必要な支援を行う。・住居確保給付金を支給することで、安定した就労活動ができるようにする。';
    const lines = bulletLines(text);
    expect(lines).toEqual([
      '・生活困窮者に対し、相談支援、就労支援等の必要な支援を行う。',
      '・住居確保給付金を支給することで、安定した就労活動ができるようにする。',
    ]);
    expect(isBulletList(lines)).toBe(true);
  });

  it('keeps a 「・」 inside a sentence (a list of nouns) where it is', () => {
    expect(bulletLines('保護司・更生保護女性会・協力雇用主と連携する。')).toEqual([
      '保護司・更生保護女性会・協力雇用主と連携する。',
    ]);
  });

  it('keeps line breaks as boundaries and drops empty lines', () => {
    expect(bulletLines('一行目。\n\n二行目。')).toEqual(['一行目。', '二行目。']);
    expect(isBulletList(['一行目。', '二行目。'])).toBe(false);
  });

  it('returns a plain sentence whole', () => {
    expect(bulletLines('優遇措置を行う。')).toEqual(['優遇措置を行う。']);
    expect(isBulletList(['優遇措置を行う。'])).toBe(false);
  });
});
