/**
 * A sliding-window counter: at most `max` events per key within any `windowMs`. Pure apart from the
 * clock it is handed, so its rule is tested without waiting.
 */
export type WindowDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
    if (!(windowMs > 0)) throw new RangeError('windowMs must be positive');
  }

  /** Count one event for `key` at `now` if the window has room; otherwise say how long until it has. */
  take(key: string, now: number): WindowDecision {
    const recent = (this.events.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.max) {
      this.events.set(key, recent);
      // the oldest event in the window leaves it at oldest + windowMs
      return { allowed: false, retryAfterMs: (recent[0] ?? now) + this.windowMs - now };
    }
    recent.push(now);
    this.events.set(key, recent);
    return { allowed: true, remaining: this.max - recent.length };
  }

  /** Drop keys whose events have all left the window, so the map does not grow without bound. */
  prune(now: number): void {
    for (const [key, times] of this.events) {
      if (times.every((at) => at <= now - this.windowMs)) this.events.delete(key);
    }
  }
}
