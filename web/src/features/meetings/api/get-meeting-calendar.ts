import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { meetingCalendarSchema } from '../../../../../src/contract/dashboard.ts';
import { getJson } from '../../../lib/api-client.ts';

export type MeetingCalendar = z.infer<typeof meetingCalendarSchema>;

/** `GET /api/meetings/calendar?from=&to=` (meetings.calendar): the meetings I may see in a period. */
export function getMeetingCalendar(from: string, to: string, signal?: AbortSignal): Promise<MeetingCalendar> {
  return getJson(
    `/api/meetings/calendar?${new URLSearchParams({ from, to })}`,
    meetingCalendarSchema,
    signal,
  );
}

export function meetingCalendarQueryOptions(from: string, to: string) {
  return queryOptions({
    queryKey: ['meetings', 'calendar', from, to],
    queryFn: ({ signal }) => getMeetingCalendar(from, to, signal),
  });
}

export function useMeetingCalendar(from: string, to: string) {
  return useQuery(meetingCalendarQueryOptions(from, to));
}
