import { type RawBuilder, sql } from 'kysely';
import type { CaseFilter } from '../contract/cases.ts';
import {
  addCalendarDays as addDays,
  caseSearchTerms,
  issueCodesOfArea,
  MONITORING_DUE_SOON_DAYS,
} from '../domain/caseSearch.ts';
import { overdueCutoff, reportBaseCutoff } from '../domain/dueDates.ts';

const escapeLike = (key: string) => key.replace(/[\\%_]/g, (c) => `\\${c}`);
const anywhere = (key: string) => `%${escapeLike(key)}%`;

const openStage = sql<boolean>`c.stage NOT IN ('closed', 'suspended')`;

/**
 * The conditions of one 事例一覧 filter on a `cases` row aliased `c`, for the caller `userId` on
 * `today`. cases.list, cases.export and the home dashboard's figures all filter through here, so a
 * figure and the list it links to always agree. Visibility (caseVisible) is the caller's to add.
 */
export function caseFilterConditions(
  filter: Omit<CaseFilter, 'q'> & { q?: string | undefined },
  context: { userId: string; today: string },
): RawBuilder<boolean>[] {
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.stage) conditions.push(sql<boolean>`c.stage = ${filter.stage}`);
  if (filter.open === 'true') conditions.push(openStage);
  if (filter.assignedToMe === 'true') conditions.push(sql<boolean>`c.assigned_user_id = ${context.userId}`);
  if (filter.unassigned === 'true')
    conditions.push(sql<boolean>`(c.assigned_user_id IS NULL AND ${openStage})`);
  // the latest 課題整理's flags and issues, kept on the case by triggers (migration 20261205_2101)
  if (filter.householdFlag)
    conditions.push(sql<boolean>`(${filter.householdFlag} = ANY(c.assessed_household_flags))`);
  if (filter.issueArea) {
    const codes = issueCodesOfArea(filter.issueArea);
    conditions.push(sql<boolean>`(c.assessed_issues && ${sql.val(codes)}::text[])`);
  }
  if (filter.monitoring === 'overdue') {
    // overdue by the effective (business-day) due date, as every screen shows it (src/domain/dueDates.ts)
    const before = overdueCutoff(context.today);
    conditions.push(sql<boolean>`(c.next_monitoring_on < ${before}::date AND ${openStage})`);
  }
  if (filter.monitoring === 'dueSoon') {
    const until = addDays(context.today, MONITORING_DUE_SOON_DAYS);
    conditions.push(
      sql<boolean>`(c.next_monitoring_on BETWEEN ${context.today}::date AND ${until}::date AND ${openStage})`,
    );
  }
  if (filter.noContactDays !== undefined) {
    const since = addDays(context.today, -filter.noContactDays);
    // no timeline entry of a contact kind (contactEventKinds) since the day: last_contact_at is the
    // latest such entry, kept by triggers on case_events (migration 20261203_0201)
    conditions.push(
      sql<boolean>`(${openStage} AND (c.last_contact_at IS NULL
        OR c.last_contact_at < (${since}::date::timestamp AT TIME ZONE 'Asia/Tokyo')))`,
    );
  }
  if (filter.reportOverdueOrganizationId) {
    // due by the one rule: 30 days after the last report, or after the start when none (src/domain/dueDates.ts)
    const cutoff = reportBaseCutoff(context.today);
    conditions.push(
      sql<boolean>`(${openStage} AND EXISTS (
        SELECT 1 FROM plan_items ro_pi
        WHERE ro_pi.case_id = c.id AND ro_pi.organization_id = ${filter.reportOverdueOrganizationId}
          AND ${planItemRunsOn('ro_pi', context.today)} AND ${reportOverdue('ro_pi', cutoff)}))`,
    );
  }
  if (filter.q) conditions.push(caseMatches(filter.q));
  return conditions;
}

/**
 * A plan item's support report is due by the one rule (src/domain/dueDates.ts): its last report,
 * else its start, else its plan's approval, lies before `cutoff`, and its plan is approved and its
 * case open. That day is the item's `report_base_on`, NULL when the item cannot be due, kept by
 * triggers on the items, their plans and cases (migration 20261205_2103; the last report's day in
 * turn by triggers on support_reports, migration 20261203_0201). `item` names the plan_items row
 * of the outer query.
 */
export function reportOverdue(item: string, cutoff: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${item}.report_base_on`)} < ${cutoff}::date)`;
}

/** The plan item `item` (a plan_items row of the outer query) runs on `day`: begun and not yet ended. */
export function planItemRunsOn(item: string, day: string): RawBuilder<boolean> {
  const from = sql.ref(`${item}.period_from`);
  const to = sql.ref(`${item}.period_to`);
  return sql<boolean>`((${from} IS NULL OR ${from} <= ${day}::date) AND (${to} IS NULL OR ${to} >= ${day}::date))`;
}

/**
 * The search box: the case number, or any target person of the case by 氏名 (name_key, trigram
 * index), フリガナ (kana_key), 宛名番号 or birth date. The persons that match are found once, the
 * name and reading fragments through the functions that reach the trigram indexes under row-level
 * security (migration 20261205_1901), and each case is then checked against that set.
 */
function caseMatches(input: string): RawBuilder<boolean> {
  const terms = caseSearchTerms(input);
  const persons: RawBuilder<unknown>[] = [];
  if (terms.name) persons.push(sql`SELECT id FROM kasane_persons_by_name(${anywhere(terms.name)})`);
  if (terms.kana) persons.push(sql`SELECT id FROM kasane_persons_by_kana(${anywhere(terms.kana)})`);
  if (terms.addresseeNumber)
    persons.push(sql`SELECT id FROM persons WHERE addressee_number = ${terms.addresseeNumber}`);
  if (terms.birthDate) persons.push(sql`SELECT id FROM persons WHERE birth_date = ${terms.birthDate}::date`);
  const byPerson =
    persons.length > 0
      ? sql<boolean>`EXISTS (
          SELECT 1 FROM case_persons scp
          WHERE scp.case_id = c.id AND scp.person_id IN (${sql.join(persons, sql` UNION `)}))`
      : sql<boolean>`false`;
  return terms.caseNumber
    ? sql<boolean>`(c.case_number LIKE ${anywhere(terms.caseNumber)} OR ${byPerson})`
    : byPerson;
}
