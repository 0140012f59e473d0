import { afterEach, describe, expect, it } from 'vitest';
import { now, resetClock, setClock, today } from '../../src/domain/clock.ts';

afterEach(() => resetClock());

describe('clock', () => {
  it('reads the system time by default', () => {
    const before = Date.now();
    const read = now().getTime();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });

  it('gives the calendar date in Japan, not in UTC', () => {
    setClock('2026-03-31T15:30:00Z'); // 00:30 on 1 April in Tokyo: a new 年度
    expect(today()).toBe('2026-04-01');
    setClock('2026-03-31T14:59:59Z');
    expect(today()).toBe('2026-03-31');
  });

  it('can be frozen, moved by a function, and reset', () => {
    setClock(new Date('2027-01-01T00:00:00+09:00'));
    expect(now().toISOString()).toBe('2026-12-31T15:00:00.000Z');
    let tick = 0;
    setClock(() => new Date(Date.UTC(2026, 0, 1) + tick++ * 86_400_000));
    expect([today(), today()]).toEqual(['2026-01-01', '2026-01-02']);
    resetClock();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('hands out copies, so a caller cannot move a frozen clock', () => {
    setClock('2026-05-01T00:00:00Z');
    now().setUTCFullYear(1999);
    expect(now().getUTCFullYear()).toBe(2026);
  });
});
