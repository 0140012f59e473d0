import { describe, expect, it } from 'vitest';
import { placeEntries } from '../../src/db/seed/demoTimeline.ts';

const today = new Date('2026-12-02T10:00:00+09:00');
const on = (date: string) => new Date(`${date}T10:00:00+09:00`);
const dates = (times: Date[]) =>
  times.map((t) => new Date(t.getTime() + 9 * 3_600_000).toISOString().slice(0, 10));

describe('placeEntries (the demo casework dated as its story tells)', () => {
  it('accepts three days after the consultation and puts dated entries at their dates', () => {
    const placed = placeEntries(
      [
        { kind: 'caseAccepted', anchor: null },
        { kind: 'stageChanged', anchor: null },
        { kind: 'assessmentSaved', anchor: null },
        { kind: 'meetingHeld', anchor: on('2026-10-20') },
        { kind: 'planApproved', anchor: on('2026-10-20') },
        { kind: 'supportReported', anchor: on('2026-11-15') },
      ],
      '2026-10-01',
      today,
    );
    expect(dates([placed.acceptedAt])).toEqual(['2026-10-04']);
    expect(dates(placed.times)).toEqual([
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-20',
      '2026-10-20',
      '2026-11-15',
    ]);
  });

  it('accepts a day before the first dated entry when that comes within three days', () => {
    const placed = placeEntries(
      [
        { kind: 'caseAccepted', anchor: null },
        { kind: 'meetingHeld', anchor: on('2026-10-03') },
      ],
      '2026-10-01',
      today,
    );
    expect(dates([placed.acceptedAt])).toEqual(['2026-10-02']);
    expect(placed.times[1]).toEqual(on('2026-10-03'));
  });

  it('never goes back in time: a dated entry older than the one before it follows it', () => {
    const placed = placeEntries(
      [
        { kind: 'caseAccepted', anchor: null },
        { kind: 'meetingHeld', anchor: on('2026-10-20') },
        { kind: 'consentRecorded', anchor: on('2026-10-10') },
      ],
      '2026-10-01',
      today,
    );
    const [accepted, meeting, consent] = placed.times.map((t) => t.getTime()) as [number, number, number];
    expect(accepted).toBeLessThan(meeting);
    expect(consent).toBeGreaterThan(meeting);
    expect(consent - meeting).toBe(10 * 60_000);
  });

  it('spreads closing and reopening after the last dated entry over the time up to today', () => {
    const placed = placeEntries(
      [
        { kind: 'caseAccepted', anchor: null },
        { kind: 'assessmentSaved', anchor: null },
        { kind: 'closed', anchor: null },
        { kind: 'reopened', anchor: null },
      ],
      '2026-02-05',
      today,
    );
    const [, assessed, closed, reopened] = placed.times as [Date, Date, Date, Date];
    expect(dates([assessed])).toEqual(['2026-02-09']);
    expect(closed.getTime()).toBeGreaterThan(on('2026-05-01').getTime());
    expect(reopened.getTime()).toBeGreaterThan(closed.getTime() + 60 * 86_400_000);
    expect(reopened.getTime()).toBeLessThan(today.getTime());
  });

  it('does not accept a case received today in the future', () => {
    const placed = placeEntries([{ kind: 'caseAccepted', anchor: null }], '2026-12-02', today);
    expect(placed.acceptedAt).toEqual(today);
  });
});
