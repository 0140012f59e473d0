import type { TFunction } from 'i18next';
import type { Resource } from '../../../../../src/contract/resources.ts';
import '../../../lib/i18n/resources.bundle.ts';

type Schedule = Resource['schedules'][number];
const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
type Weekday = (typeof weekdayCodes)[number];
const isWeekday = (value: string): value is Weekday => (weekdayCodes as readonly string[]).includes(value);

/** One BYDAY value in words: `TU` → 火, `2SA` → 第2土, `-1FR` → 最終金. */
function dayText(value: string, t: TFunction): string {
  const match = /^(-?\d)?([A-Z]{2})$/.exec(value);
  const code = match?.[2] ?? '';
  if (!isWeekday(code)) return value;
  const day = t(`resources.weekdays.${code}`);
  const ordinal = match?.[1];
  if (!ordinal) return day;
  return ordinal === '-1'
    ? t('resources.detail.lastOrdinal', { day })
    : t('resources.detail.ordinal', { n: ordinal, day });
}

/** A schedule as people say it: 毎週 火・金 10:00〜15:00. */
export function scheduleText(schedule: Schedule, t: TFunction): string {
  const days = schedule.byday.map((d) => dayText(d, t)).join('・');
  const when =
    schedule.freq === 'MONTHLY'
      ? t('resources.detail.monthly', { days })
      : t('resources.detail.weekly', { days });
  const hours =
    schedule.opensAt && schedule.closesAt
      ? ` ${t('resources.detail.hours', { opens: schedule.opensAt, closes: schedule.closesAt })}`
      : '';
  return `${when}${hours}${schedule.notes ? `（${schedule.notes}）` : ''}`;
}
