import { describe, expect, it } from 'vitest';
import { SlidingWindow } from '../../src/domain/slidingWindow.ts';

describe('SlidingWindow', () => {
  it('allows max events in the window, then refuses with the time until the oldest leaves', () => {
    const window = new SlidingWindow(3, 1000);
    expect(window.take('a', 0)).toEqual({ allowed: true, remaining: 2 });
    expect(window.take('a', 100)).toEqual({ allowed: true, remaining: 1 });
    expect(window.take('a', 200)).toEqual({ allowed: true, remaining: 0 });
    expect(window.take('a', 300)).toEqual({ allowed: false, retryAfterMs: 700 });
    // a refused attempt is not counted: at 1000 the first event has left the window
    expect(window.take('a', 1000)).toEqual({ allowed: true, remaining: 0 });
    expect(window.take('a', 1050)).toEqual({ allowed: false, retryAfterMs: 50 });
  });

  it('counts each key on its own', () => {
    const window = new SlidingWindow(1, 1000);
    expect(window.take('a', 0).allowed).toBe(true);
    expect(window.take('b', 0).allowed).toBe(true);
    expect(window.take('a', 10).allowed).toBe(false);
  });

  it('forgets keys whose events have all left the window', () => {
    const window = new SlidingWindow(1, 1000);
    window.take('a', 0);
    window.prune(2000);
    expect(window.take('a', 2000)).toEqual({ allowed: true, remaining: 0 });
  });

  it('refuses a nonsensical configuration', () => {
    expect(() => new SlidingWindow(0, 1000)).toThrow(RangeError);
    expect(() => new SlidingWindow(1, 0)).toThrow(RangeError);
  });
});
