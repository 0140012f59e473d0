import { describe, expect, it } from 'vitest';
import { happenedAt } from '../../src/domain/time.ts';

describe('happenedAt (a dated fact on a timeline ordered by when things happened)', () => {
  it('keeps the recording moment when it was recorded on that day in Japan', () => {
    const recorded = new Date('2026-11-20T06:30:00Z'); // 15:30 in Tokyo
    expect(happenedAt('2026-11-20', recorded)).toEqual(recorded);
  });

  it('uses the Japanese date of the recording, not the UTC one', () => {
    const recorded = new Date('2026-11-19T23:30:00Z'); // 08:30 on the 20th in Tokyo
    expect(happenedAt('2026-11-20', recorded)).toEqual(recorded);
    expect(happenedAt('2026-11-19', recorded)).toEqual(new Date('2026-11-19T08:00:00Z'));
  });

  it('puts a fact recorded days later at the end of its own working day', () => {
    expect(happenedAt('2026-11-12', new Date('2026-11-20T01:00:00Z'))).toEqual(
      new Date('2026-11-12T17:00:00+09:00'),
    );
  });
});
