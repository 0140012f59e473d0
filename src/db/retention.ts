import { type ExpressionBuilder, sql, type Transaction, type UpdateObject } from 'kysely';
import * as clock from '../domain/clock.ts';
import {
  type DisposalInput,
  type DisposalPlan,
  defaultRetentionRules,
  type RetentionRules,
} from '../domain/retention.ts';
import { consultationsWithOrganization } from './consultations.ts';
import type { Executor } from './executor.ts';
import { insertNewRow } from './newRow.ts';
import { personFullNameColumns } from './persons.ts';
import type { DB } from './schema.ts';

/** 保存期間・廃棄 (docs/retention.md): the city's periods, what the rules are applied to, and disposal itself. */

export interface StoredRetentionRules extends RetentionRules {
  isDefault: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export async function retentionRulesOf(db: Executor, tenantId: string): Promise<StoredRetentionRules> {
  const row = await db
    .selectFrom('retention_rules as r')
    .leftJoin('users as u', 'u.id', 'r.updated_by')
    .select(['r.case_years', 'r.consultation_years', 'r.person_years', 'r.updated_at', 'u.display_name'])
    .where('r.tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) return { ...defaultRetentionRules, isDefault: true, updatedAt: null, updatedBy: null };
  return {
    caseYears: row.case_years,
    consultationYears: row.consultation_years,
    personYears: row.person_years,
    isDefault: false,
    updatedAt: row.updated_at,
    updatedBy: row.display_name,
  };
}

export async function saveRetentionRules(
  tx: Transaction<DB>,
  tenantId: string,
  userId: string,
  rules: RetentionRules,
): Promise<void> {
  const values = {
    case_years: rules.caseYears,
    consultation_years: rules.consultationYears,
    person_years: rules.personYears,
    updated_by: userId,
    updated_at: clock.now(),
  };
  await tx
    .insertInto('retention_rules')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

const tokyoDate = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD')`;

/**
 * Everything the rules are applied to, for one city: every case and consultation with the dates and
 * states the rules read, and every person with the cases and consultations that name them (as the
 * person supported or consulting, a case member, or a member of the record's household).
 */
export async function loadDisposalInput(db: Executor, tenantId: string): Promise<DisposalInput> {
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'stage', 'closed_on', 'retention_hold_reason', 'disposed_at'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const consultations = await db
    .selectFrom('consultations as con')
    .select((eb) => [
      'con.id',
      'con.status',
      'con.disposed_at',
      sql<string | null>`CASE WHEN con.closed_at IS NULL THEN NULL ELSE ${tokyoDate('con.closed_at')} END`.as(
        'closed_on',
      ),
      eb
        .selectFrom('handovers as h')
        .select('h.case_id')
        .whereRef('h.consultation_id', '=', 'con.id')
        .where('h.case_id', 'is not', null)
        .limit(1)
        .as('case_id'),
    ])
    .where('con.tenant_id', '=', tenantId)
    .execute();
  const persons = await sql<{
    id: string;
    last_changed_on: string;
    case_ids: string[];
    consultation_ids: string[];
  }>`
    SELECT p.id, ${tokyoDate('p.updated_at')} AS last_changed_on,
      ARRAY(SELECT c.id FROM cases c WHERE c.primary_person_id = p.id
            UNION SELECT cp.case_id FROM case_persons cp WHERE cp.person_id = p.id
            UNION SELECT c.id FROM household_members hm JOIN cases c ON c.household_id = hm.household_id
                  WHERE hm.person_id = p.id) AS case_ids,
      ARRAY(SELECT con.id FROM consultations con WHERE con.person_id = p.id
            UNION SELECT con.id FROM household_members hm JOIN consultations con ON con.household_id = hm.household_id
                  WHERE hm.person_id = p.id) AS consultation_ids
    FROM persons p WHERE p.tenant_id = ${tenantId}`.execute(db);
  return {
    cases: cases.map((c) => ({
      id: c.id,
      stage: c.stage,
      closedOn: c.closed_on,
      holdReason: c.retention_hold_reason,
      disposed: c.disposed_at !== null,
    })),
    consultations: consultations.map((c) => ({
      id: c.id,
      status: c.status,
      closedOn: c.closed_on,
      caseId: c.case_id ?? null,
      disposed: c.disposed_at !== null,
    })),
    persons: persons.rows.map((p) => ({
      id: p.id,
      lastChangedOn: p.last_changed_on,
      caseIds: p.case_ids,
      consultationIds: p.consultation_ids,
    })),
  };
}

/** The rows the disposal list shows for the planned ids (names are shown to the reviewer, and audited). */
export async function describeDisposal(db: Executor, tenantId: string, plan: DisposalPlan) {
  const caseIds = plan.cases.map((c) => c.id);
  const consultationIds = plan.consultations.filter((c) => c.caseId === null).map((c) => c.id);
  const personIds = plan.persons.map((p) => p.id);
  const cases = caseIds.length
    ? await db
        .selectFrom('cases as c')
        .innerJoin('organizations as o', 'o.id', 'c.coordinating_organization_id')
        .leftJoin('persons as p', 'p.id', 'c.primary_person_id')
        .select((eb) => [
          'c.id',
          'c.case_number',
          'c.closed_on',
          'c.closure_reason',
          'o.name as organization_name',
          ...personFullNameColumns,
          eb
            .selectFrom('handovers as h')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('h.case_id', '=', 'c.id')
            .as('consultation_count'),
        ])
        .where('c.tenant_id', '=', tenantId)
        .where('c.id', 'in', caseIds)
        .orderBy('c.closed_on')
        .orderBy('c.case_number')
        .execute()
    : [];
  const consultations = consultationIds.length
    ? await consultationsWithOrganization(db)
        .leftJoin('persons as p', 'p.id', 'c.person_id')
        .select(['c.main_topic', tokyoDate('c.closed_at').as('closed_on'), ...personFullNameColumns])
        .where('c.tenant_id', '=', tenantId)
        .where('c.id', 'in', consultationIds)
        .orderBy('c.received_on')
        .execute()
    : [];
  const persons = personIds.length
    ? await db
        .selectFrom('persons as p')
        .select(['p.id', ...personFullNameColumns])
        .where('p.tenant_id', '=', tenantId)
        .where('p.id', 'in', personIds)
        .orderBy('p.family_name_kana')
        .orderBy('p.given_name_kana')
        .execute()
    : [];
  return { cases, consultations, persons };
}

/** Closed cases kept off the disposal list by a hold. */
export async function heldCases(db: Executor, tenantId: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'case_number', 'closed_on', 'retention_hold_reason'])
    .where('tenant_id', '=', tenantId)
    .where('retention_hold_reason', 'is not', null)
    .where('disposed_at', 'is', null)
    .orderBy('case_number')
    .execute();
}

/** Put a hold on a case (reason) or lift it (null). Answers the case number, or undefined if no such case. */
export async function setRetentionHold(
  tx: Transaction<DB>,
  tenantId: string,
  caseId: string,
  userId: string,
  reason: string | null,
): Promise<{ case_number: string; previous: string | null } | undefined> {
  const before = await tx
    .selectFrom('cases')
    .select(['case_number', 'retention_hold_reason'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .where('disposed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  await tx
    .updateTable('cases')
    .set({
      retention_hold_reason: reason,
      retention_hold_by: reason === null ? null : userId,
      retention_hold_at: reason === null ? null : clock.now(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .execute();
  return { case_number: before.case_number, previous: before.retention_hold_reason };
}

/**
 * Dispose of the planned records in the caller's transaction. What a statistic counts stays as an
 * anonymous row (codes, dates, organisations, versions); everything that names or describes a
 * person goes: the persons themselves, their households' members, relations and ties, free text,
 * consents and their scans, sensitive facts and their grants, support reports, monitorings,
 * progress notes, placement events, timeline entries (a suspension's entry stays, emptied: it is
 * counted). Answers the case numbers of the disposed cases.
 */
export async function disposeRecords(
  tx: Transaction<DB>,
  tenantId: string,
  plan: DisposalPlan,
): Promise<{ caseNumbers: string[] }> {
  const now = clock.now();
  const C = plan.cases.map((c) => c.id);
  const Q = plan.consultations.map((c) => c.id);
  const P = plan.persons.map((p) => p.id);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const cases = C.length ? C : none;
  const consultations = Q.length ? Q : none;
  const persons = P.length ? P : none;
  const t = tenantId;

  const caseNumbers = C.length
    ? (
        await tx
          .selectFrom('cases')
          .select('case_number')
          .where('tenant_id', '=', t)
          .where('id', 'in', C)
          .orderBy('case_number')
          .execute()
      ).map((r) => r.case_number)
    : [];

  // 要配慮個人情報 and consents of the cases and of the persons
  const owners: DisposedOwners = { tenantId: t, cases, consultations, persons };
  await deleteOwnedRecords(tx, owners, 'sensitive_facts');
  await deleteOwnedRecords(tx, owners, 'consents');

  // the cases' own records
  await tx.deleteFrom('support_reports').where('tenant_id', '=', t).where('case_id', 'in', cases).execute();
  await tx.deleteFrom('monitorings').where('tenant_id', '=', t).where('case_id', 'in', cases).execute();
  await tx.deleteFrom('progress_notes').where('tenant_id', '=', t).where('case_id', 'in', cases).execute();
  const placements = caseRecordIds(tx, owners, 'placements');
  await tx
    .deleteFrom('placement_events')
    .where('tenant_id', '=', t)
    .where('placement_id', 'in', placements)
    .execute();
  await emptyRecords(tx, owners, 'placements', { person_id: null, note: null, end_reason: null });
  await tx
    .updateTable('outreach_contacts')
    .set({ note: null })
    .where('tenant_id', '=', t)
    .where((eb) => eb.or([eb('case_id', 'in', cases), eb('consultation_id', 'in', consultations)]))
    .execute();
  await tx
    .deleteFrom('case_events')
    .where('tenant_id', '=', t)
    .where('case_id', 'in', cases)
    .where('kind', '<>', 'suspended')
    .execute();
  await emptyRecords(tx, owners, 'case_events', { summary: '', details: '{}', subject_id: null });
  const meetings = caseRecordIds(tx, owners, 'meetings');
  await tx
    .updateTable('meeting_invitations')
    .set({ attendee_name: null, deputy_name: null })
    .where('tenant_id', '=', t)
    .where('meeting_id', 'in', meetings)
    .execute();
  await emptyRecords(tx, owners, 'meetings', {
    title: '',
    place: null,
    agenda: null,
    minutes: null,
    decisions: null,
  });
  await emptyRecords(tx, owners, 'assessments', {
    summary: null,
    wishes: null,
    strengths: null,
    relations: '[]',
  });
  await emptyRecords(tx, owners, 'support_plans', {
    wishes: '',
    long_term_goal: '',
    short_term_goals: '',
  });
  await emptyRecords(tx, owners, 'plan_items', { content: '', frequency: null });
  await tx.deleteFrom('case_persons').where('tenant_id', '=', t).where('case_id', 'in', cases).execute();
  await emptyRecords(tx, owners, 'cases', {
    primary_person_id: null,
    closure_evaluation: null,
    assigned_user_id: null,
    disposed_at: now,
    updated_at: now,
  });

  // the consultations (standalone ones and those of the cases)
  await emptyRecords(tx, owners, 'referrals', { note: null, decline_reason: null });
  await emptyRecords(tx, owners, 'handovers', {
    reason: '',
    services_tried: '',
    return_reason: null,
  });
  await emptyRecords(tx, owners, 'consultations', {
    person_id: null,
    visitor: sql`NULL`,
    content: '',
    wishes: null,
    close_note: null,
    disposed_at: now,
  });

  // households no kept record uses any more lose their members, relations and ties (the row stays, empty)
  const households = sql<boolean>`h.household_id IN (
      SELECT household_id FROM cases WHERE tenant_id = ${t} AND id IN (${sql.join(cases)})
      UNION SELECT household_id FROM consultations WHERE tenant_id = ${t} AND id IN (${sql.join(consultations)}))
    AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.household_id = h.household_id AND k.disposed_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM consultations k WHERE k.household_id = h.household_id AND k.disposed_at IS NULL)`;
  for (const table of ['household_ties', 'household_relations', 'household_members'] as const)
    await sql`DELETE FROM ${sql.table(table)} AS h WHERE h.tenant_id = ${t} AND ${households}`.execute(tx);

  // the persons
  if (P.length) {
    await tx
      .deleteFrom('person_links')
      .where('tenant_id', '=', t)
      .where((eb) => eb.or([eb('person_id', 'in', P), eb('duplicate_of_id', 'in', P)]))
      .execute();
    await tx
      .deleteFrom('household_relations')
      .where('tenant_id', '=', t)
      .where((eb) => eb.or([eb('person_id', 'in', P), eb('related_person_id', 'in', P)]))
      .execute();
    await tx.deleteFrom('household_ties').where('tenant_id', '=', t).where('person_id', 'in', P).execute();
    await tx.deleteFrom('household_members').where('tenant_id', '=', t).where('person_id', 'in', P).execute();
    await tx
      .updateTable('placements')
      .set({ person_id: null })
      .where('tenant_id', '=', t)
      .where('person_id', 'in', P)
      .execute();
    await tx.deleteFrom('persons').where('tenant_id', '=', t).where('id', 'in', P).execute();
  }
  return { caseNumbers };
}

/** The disposed cases, consultations and persons (a placeholder id where there are none) of a tenant. */
interface DisposedOwners {
  tenantId: string;
  cases: string[];
  consultations: string[];
  persons: string[];
}

/**
 * The records that disposal keeps as rows, for the statistics, with what names or describes a person
 * emptied; and how each is tied to the disposed cases or consultations (its column, and which ids).
 */
const emptiedRecordOwners = {
  placements: { column: 'case_id', of: 'cases' },
  case_events: { column: 'case_id', of: 'cases' },
  meetings: { column: 'case_id', of: 'cases' },
  assessments: { column: 'case_id', of: 'cases' },
  support_plans: { column: 'case_id', of: 'cases' },
  plan_items: { column: 'case_id', of: 'cases' },
  cases: { column: 'id', of: 'cases' },
  referrals: { column: 'consultation_id', of: 'consultations' },
  handovers: { column: 'consultation_id', of: 'consultations' },
  consultations: { column: 'id', of: 'consultations' },
} as const;
type EmptiedRecordTable = keyof typeof emptiedRecordOwners;

/** The ids of the disposed cases' records in one table (a subquery). */
function caseRecordIds(tx: Transaction<DB>, owners: DisposedOwners, table: 'placements' | 'meetings') {
  return tx
    .selectFrom(table)
    .select('id')
    .where('tenant_id', '=', owners.tenantId)
    .where('case_id', 'in', owners.cases);
}

/** Empty these columns of the disposed cases' or consultations' records in one table (or of themselves). */
async function emptyRecords<T extends EmptiedRecordTable>(
  tx: Transaction<DB>,
  owners: DisposedOwners,
  table: T,
  values: UpdateObject<DB, T>,
): Promise<void> {
  const owner: { column: 'id' | 'case_id' | 'consultation_id'; of: 'cases' | 'consultations' } =
    emptiedRecordOwners[table];
  const records: EmptiedRecordTable = table;
  await tx
    .updateTable(records)
    .set(values as UpdateObject<DB, EmptiedRecordTable>)
    .where('tenant_id', '=', owners.tenantId)
    .where(owner.column, 'in', owners[owner.of])
    .execute();
}

/** Records of a case or a person that disposal deletes whole, and the rows that hang on each by its id. */
const ownedRecordDependents = {
  sensitive_facts: { table: 'sensitive_fact_grants', key: 'fact_id' },
  consents: { table: 'consent_scans', key: 'consent_id' },
} as const;

/**
 * Delete the records of one kind (要配慮個人情報, consents) that belong to the disposed cases or
 * persons, after the rows that hang on them (grants, scans).
 */
async function deleteOwnedRecords(
  tx: Transaction<DB>,
  owners: DisposedOwners,
  table: keyof typeof ownedRecordDependents,
): Promise<void> {
  const dependents = ownedRecordDependents[table];
  const owned = (eb: ExpressionBuilder<DB, typeof table>) =>
    eb.or([eb('case_id', 'in', owners.cases), eb('person_id', 'in', owners.persons)]);
  const ids = tx.selectFrom(table).select('id').where('tenant_id', '=', owners.tenantId).where(owned);
  await tx
    .deleteFrom(dependents.table)
    .where('tenant_id', '=', owners.tenantId)
    .where(dependents.key, 'in', ids)
    .execute();
  await tx.deleteFrom(table).where('tenant_id', '=', owners.tenantId).where(owned).execute();
}

/** Record an approved disposal (no personal data: counts and case numbers). */
export async function insertDisposal(
  tx: Transaction<DB>,
  values: {
    tenantId: string;
    approvedBy: string;
    asOf: string;
    counts: { cases: number; consultations: number; persons: number };
    caseNumbers: string[];
    rules: RetentionRules;
  },
): Promise<{ id: string; approvedAt: Date }> {
  const approvedAt = clock.now();
  const id = await insertNewRow(tx, 'disposals', {
    tenant_id: values.tenantId,
    approved_by: values.approvedBy,
    approved_at: approvedAt,
    as_of: values.asOf,
    case_count: values.counts.cases,
    consultation_count: values.counts.consultations,
    person_count: values.counts.persons,
    case_numbers: values.caseNumbers,
    rules: JSON.stringify({
      caseYears: values.rules.caseYears,
      consultationYears: values.rules.consultationYears,
      personYears: values.rules.personYears,
    }),
  });
  return { id, approvedAt };
}

/** The city's disposals, newest first. */
export async function listDisposals(db: Executor, tenantId: string) {
  return db
    .selectFrom('disposals as d')
    .leftJoin('users as u', 'u.id', 'd.approved_by')
    .select([
      'd.id',
      'd.approved_at',
      'd.approved_by',
      'u.display_name',
      'd.as_of',
      'd.case_count',
      'd.consultation_count',
      'd.person_count',
      'd.case_numbers',
      'd.rules',
    ])
    .where('d.tenant_id', '=', tenantId)
    .orderBy('d.approved_at', 'desc')
    .execute();
}
