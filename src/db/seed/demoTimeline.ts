import { type Kysely, sql, type Transaction } from 'kysely';
import { now } from '../../domain/clock.ts';
import { nextCaseNumber } from '../caseNumbers.ts';
import type { DB } from '../schema.ts';

/**
 * The demo casework is made through the API, so every step of it is stamped with the moment the
 * seed ran: a case received 75 days ago would be accepted today, after the meetings that decided
 * its plan. This pass gives each demo case the timeline its story tells, in one transaction:
 *
 * - the handover is accepted a few days after the consultation (never after the first dated step);
 * - each timeline entry whose record carries its own date (a meeting held, a consent given, a
 *   support report, a monitoring) moves to that date; entries without one (assessment saved, stage
 *   changes, plan drafted …) go between their dated neighbours, in the order they were made, a day
 *   apart at most; closing, suspending or reopening after the last dated step share the time up to
 *   today;
 * - the case's acceptance and closure dates, the handover's decision and the plan's approval follow
 *   their entries, and case numbers are given again in order of acceptance, per 年度.
 *
 * 支援経過記録 (progress notes) keep the dates they were written with. Only for freshly seeded demo
 * data: it rewrites history, which nothing else may do.
 */
export async function settleDemoTimeline(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const cases = await tx
      .selectFrom('cases')
      .innerJoin('handovers', 'handovers.case_id', 'cases.id')
      .innerJoin('consultations', 'consultations.id', 'handovers.consultation_id')
      .select([
        'cases.id',
        'cases.tenant_id',
        'cases.closed_on',
        'handovers.id as handover_id',
        'consultations.received_on',
      ])
      .execute();
    const accepted: { id: string; tenantId: string; on: string }[] = [];
    for (const c of cases) {
      const acceptedAt = await settleCase(tx, c.id, isoDay(c.received_on));
      const closedAt = await lastOf(tx, c.id, 'closed');
      await tx
        .updateTable('cases')
        .set({
          accepted_on: tokyoDate(acceptedAt),
          closed_on: c.closed_on && closedAt ? tokyoDate(closedAt) : c.closed_on,
        })
        .where('id', '=', c.id)
        .execute();
      await tx
        .updateTable('handovers')
        .set({ decided_at: acceptedAt })
        .where('id', '=', c.handover_id)
        .execute();
      accepted.push({ id: c.id, tenantId: c.tenant_id, on: tokyoDate(acceptedAt) });
    }
    await renumber(tx, accepted);
    await settleClosedConsultations(tx);
  });
}

/**
 * A consultation the counter answered and closed itself, with no referral and no handover, was
 * closed on the day it came in (the demo closes it through the API, stamped with the seed's moment):
 * so one received years ago is past its retention period on 廃棄候補一覧.
 */
async function settleClosedConsultations(tx: Transaction<DB>): Promise<void> {
  const closed = await tx
    .selectFrom('consultations as c')
    .select(['c.id', 'c.received_on'])
    .where('c.status', '=', 'closed')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('referrals as r')
            .select('r.id')
            .whereRef('r.consultation_id', '=', 'c.id')
            .union(selectFrom('handovers as h').select('h.id').whereRef('h.consultation_id', '=', 'c.id')),
        ),
      ),
    )
    .execute();
  for (const c of closed) {
    const closedAt = new Date(`${isoDay(c.received_on)}T16:00:00+09:00`);
    if (closedAt.getTime() > now().getTime()) continue;
    await tx.updateTable('consultations').set({ closed_at: closedAt }).where('id', '=', c.id).execute();
  }
}

const HOUR = 3_600_000;
/** Turns of a case that come months, not days, after what went before. */
const TURNS = new Set(['closed', 'suspended', 'reopened']);
const DAY = 24 * HOUR;

/** 10:00 in Tokyo on an ISO date. */
const atTen = (isoDate: string) => new Date(`${isoDate}T10:00:00+09:00`);
/** The ISO date (YYYY-MM-DD) of a DATE column's value. */
const isoDay = (value: unknown) => String(value).slice(0, 10);
const tokyoDate = (instant: Date) => new Date(instant.getTime() + 9 * HOUR).toISOString().slice(0, 10);

interface Entry {
  id: string;
  kind: string;
  subject_id: string | null;
}

/** Re-time one case's entries; returns when the case was accepted. */
async function settleCase(tx: Transaction<DB>, caseId: string, receivedOn: string): Promise<Date> {
  const entries = await tx
    .selectFrom('case_events')
    .select(['id', 'kind', 'subject_id'])
    .where('case_id', '=', caseId)
    .where('kind', '!=', 'progressNoted')
    .orderBy('recorded_at')
    .orderBy('occurred_at')
    .execute();
  const anchors = await Promise.all(entries.map((entry) => anchorOf(tx, entry)));
  const placed = placeEntries(
    entries.map((entry, index) => ({ kind: entry.kind, anchor: anchors[index] ?? null })),
    receivedOn,
    now(),
  );
  for (const [index, entry] of entries.entries()) {
    const at = placed.times[index] as Date;
    await tx
      .updateTable('case_events')
      .set({ occurred_at: at, recorded_at: at })
      .where('id', '=', entry.id)
      .execute();
    if (entry.kind === 'planApproved' && entry.subject_id)
      await tx
        .updateTable('support_plans')
        .set({ approved_at: at })
        .where('id', '=', entry.subject_id)
        .execute();
  }
  return placed.acceptedAt;
}

/**
 * When each of a case's entries (in the order they were made) happened: the acceptance three days
 * after the consultation, or a day before the first dated entry if that comes sooner; dated entries
 * at their date unless that would put them before the entry made before them.
 */
export function placeEntries(
  entries: readonly { kind: string; anchor: Date | null }[],
  receivedOn: string,
  today: Date,
): { acceptedAt: Date; times: Date[] } {
  const firstAnchor = entries.find((e) => e.anchor !== null)?.anchor ?? null;
  const received = atTen(receivedOn);
  let acceptedAt = new Date(received.getTime() + 3 * DAY);
  if (firstAnchor && acceptedAt.getTime() >= firstAnchor.getTime())
    acceptedAt = new Date(Math.max(received.getTime() + HOUR, firstAnchor.getTime() - DAY));
  if (acceptedAt.getTime() > today.getTime()) acceptedAt = today;

  const times: Date[] = [];
  let previous = acceptedAt;
  for (const [index, entry] of entries.entries()) {
    const anchor = entry.kind === 'caseAccepted' ? acceptedAt : entry.anchor;
    let at: Date;
    if (anchor && anchor.getTime() >= previous.getTime()) at = anchor;
    else if (anchor) at = new Date(previous.getTime() + 10 * 60_000);
    else {
      const next = entries.slice(index + 1).find((e) => e.anchor !== null)?.anchor;
      const room = Math.max(0, (next ?? today).getTime() - previous.getTime());
      // After the last dated step, closing, suspending and reopening share the time up to today.
      const turns = entries.slice(index).filter((e) => TURNS.has(e.kind)).length;
      const step = !next && TURNS.has(entry.kind) ? room / (turns + 1) : Math.min(DAY, room / 2);
      at = new Date(previous.getTime() + step);
    }
    times.push(at);
    previous = at;
  }
  return { acceptedAt, times };
}

/** The entries whose record carries a calendar date of its own, and the table and column that hold it. */
const datedRecords = {
  consentRecorded: { table: 'consents', column: 'given_on' },
  supportReported: { table: 'support_reports', column: 'supported_on' },
  monitored: { table: 'monitorings', column: 'conducted_on' },
} as const;

/** The date an entry's own record gives it, if any. */
async function anchorOf(tx: Transaction<DB>, entry: Entry): Promise<Date | null> {
  const subject = entry.subject_id;
  if (!subject) return null;
  switch (entry.kind) {
    case 'meetingHeld': {
      const row = await tx
        .selectFrom('meetings')
        .select('held_at')
        .where('id', '=', subject)
        .executeTakeFirst();
      return row?.held_at ? new Date(row.held_at) : null;
    }
    case 'consentRecorded':
    case 'supportReported':
    case 'monitored': {
      const { table, column } = datedRecords[entry.kind];
      const row = await tx
        .selectFrom(table)
        .select(sql.ref<string>(column).as('day'))
        .where('id', '=', subject)
        .executeTakeFirst();
      return row ? atTen(isoDay(row.day)) : null;
    }
    case 'planApproved': {
      const row = await tx
        .selectFrom('support_plans')
        .innerJoin('meetings', 'meetings.id', 'support_plans.decided_meeting_id')
        .select('meetings.held_at')
        .where('support_plans.id', '=', subject)
        .executeTakeFirst();
      return row?.held_at ? new Date(new Date(row.held_at).getTime() + HOUR) : null;
    }
    default:
      return null;
  }
}

async function lastOf(tx: Transaction<DB>, caseId: string, kind: string): Promise<Date | null> {
  const row = await tx
    .selectFrom('case_events')
    .select('occurred_at')
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .orderBy('occurred_at', 'desc')
    .executeTakeFirst();
  return row ? new Date(row.occurred_at) : null;
}

/** Case numbers again, in order of acceptance within each 年度 (the counters start afresh). */
async function renumber(tx: Transaction<DB>, accepted: { id: string; tenantId: string; on: string }[]) {
  const tenants = [...new Set(accepted.map((c) => c.tenantId))];
  if (tenants.length === 0) return;
  await tx.deleteFrom('case_number_counters').where('tenant_id', 'in', tenants).execute();
  // Numbers are unique per tenant: park them first, then give them in order.
  for (const c of accepted)
    await tx
      .updateTable('cases')
      .set({ case_number: `demo-${c.id}` })
      .where('id', '=', c.id)
      .execute();
  const ordered = [...accepted].sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id));
  for (const c of ordered) {
    const number = await nextCaseNumber(tx, c.tenantId, c.on);
    await tx.updateTable('cases').set({ case_number: number }).where('id', '=', c.id).execute();
  }
}
