import { useTranslation } from 'react-i18next';
import { addCalendarDays } from '../../../../../src/domain/caseSearch.ts';
import { today } from '../../../../../src/domain/clock.ts';
import { toIsoDate } from '../../../../../src/domain/wareki.ts';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { formatDate } from '../../../lib/wareki.ts';
import { type MeetingCalendar, useMeetingCalendar } from '../api/get-meeting-calendar.ts';
import '../../../lib/i18n/stats.bundle.ts';

export type CalendarView = 'week' | 'month';

/** Monday of the week holding the date (weeks start on Monday in the office). */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return addCalendarDays(date, -((weekday + 6) % 7));
}

/** The first and last day shown for a view around a date. */
export function calendarRange(view: CalendarView, date: string): { from: string; to: string } {
  if (view === 'week') {
    const from = mondayOf(date);
    return { from, to: addCalendarDays(from, 6) };
  }
  const first = `${date.slice(0, 7)}-01`;
  const next = new Date(`${first}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { from: first, to: addCalendarDays(next.toISOString().slice(0, 10), -1) };
}

function shift(view: CalendarView, date: string, direction: 1 | -1): string {
  if (view === 'week') return addCalendarDays(mondayOf(date), 7 * direction);
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + direction);
  return d.toISOString().slice(0, 10);
}

const timeOf = (instant: string) =>
  new Intl.DateTimeFormat('ja-JP', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' }).format(
    new Date(instant),
  );

/**
 * 会議カレンダー (`/meetings/calendar?view=week|month&date=`): the meetings my organisation may see,
 * a week as a list of days or a month as a grid (a table, so it reads in order without sight).
 */
export function MeetingCalendarPage({ view, date }: { view: CalendarView; date: string | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const anchor = date ?? today();
  const { from, to } = calendarRange(view, anchor);
  const calendar = useMeetingCalendar(from, to);
  const period = `${formatDate(from, language)} – ${formatDate(to, language)}`;

  return (
    <>
      <PageHeading lead={t('stats.calendar.lead')}>{t('stats.calendar.heading')}</PageHeading>
      <nav
        aria-label={t('stats.calendar.navigation')}
        className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2"
      >
        <RouteLink to="/meetings/calendar" search={{ view, date: shift(view, anchor, -1) }}>
          {view === 'week' ? t('stats.calendar.previousWeek') : t('stats.calendar.previousMonth')}
        </RouteLink>
        <RouteLink to="/meetings/calendar" search={{ view, date: shift(view, anchor, 1) }}>
          {view === 'week' ? t('stats.calendar.nextWeek') : t('stats.calendar.nextMonth')}
        </RouteLink>
        <RouteLink
          to="/meetings/calendar"
          search={{ view: view === 'week' ? 'month' : 'week', date: anchor }}
        >
          {view === 'week' ? t('stats.calendar.showMonth') : t('stats.calendar.showWeek')}
        </RouteLink>
      </nav>
      {calendar.isPending ? (
        <Loading />
      ) : calendar.isError ? (
        <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : view === 'week' ? (
        <WeekTable calendar={calendar.data} caption={t('stats.calendar.weekCaption', { period })} />
      ) : (
        <MonthTable calendar={calendar.data} caption={t('stats.calendar.monthCaption', { period })} />
      )}
    </>
  );
}

function meetingsOn(calendar: MeetingCalendar, day: string) {
  return calendar.items.filter((m) => toIsoDate(m.scheduledAt) === day);
}

function MeetingLine({ meeting }: { meeting: MeetingCalendar['items'][number] }) {
  return (
    <li>
      <span className="mr-2 whitespace-nowrap">{timeOf(meeting.scheduledAt)}</span>
      <RouteLink to="/meetings/$meetingId" params={{ meetingId: meeting.id }}>
        {meeting.title}
      </RouteLink>
      <span className="ml-2 text-solid-gray-700">
        （{meeting.kindName}・{meeting.caseNumber}）
      </span>
    </li>
  );
}

function WeekTable({ calendar, caption }: { calendar: MeetingCalendar; caption: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const days = Array.from({ length: 7 }, (_, i) => addCalendarDays(calendar.from, i));
  return (
    <Table caption={caption} captionDetail={t('stats.home.count', { count: calendar.items.length })}>
      <TableHead columns={[t('stats.calendar.day'), t('stats.calendar.meetings')]} />
      <tbody>
        {days.map((day) => {
          const meetings = meetingsOn(calendar, day);
          return (
            <tr key={day}>
              <Th scope="row" className="whitespace-nowrap">
                {formatDate(day, language, { withWeekday: true })}
              </Th>
              <Td>
                {meetings.length === 0 ? (
                  <span className="text-solid-gray-700">{t('stats.calendar.none')}</span>
                ) : (
                  <ul className="flex flex-col gap-1">
                    {meetings.map((m) => (
                      <MeetingLine key={m.id} meeting={m} />
                    ))}
                  </ul>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function MonthTable({ calendar, caption }: { calendar: MeetingCalendar; caption: string }) {
  const { t } = useTranslation();
  const start = mondayOf(calendar.from);
  const weeks: string[][] = [];
  for (let day = start; day <= calendar.to; day = addCalendarDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addCalendarDays(day, i)));
  }
  const weekdays = t('stats.calendar.weekdays').split(',');
  return (
    <Table caption={caption} captionDetail={t('stats.home.count', { count: calendar.items.length })}>
      <thead>
        <tr>
          {weekdays.map((w) => (
            <Th key={w} scope="col">
              {w}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const inMonth = day >= calendar.from && day <= calendar.to;
              const meetings = inMonth ? meetingsOn(calendar, day) : [];
              return (
                <Td key={day} className={`min-w-[8rem] ${inMonth ? '' : 'bg-solid-gray-50'}`}>
                  {inMonth ? (
                    <>
                      <span className="block text-std-16B-170">
                        {t('stats.calendar.dayOfMonth', { day: Number(day.slice(8)) })}
                      </span>
                      {meetings.length > 0 ? (
                        <ul className="flex flex-col gap-1">
                          {meetings.map((m) => (
                            <MeetingLine key={m.id} meeting={m} />
                          ))}
                        </ul>
                      ) : null}
                    </>
                  ) : null}
                </Td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
