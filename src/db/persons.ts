import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { NewPerson } from '../contract/persons.ts';
import type { CaseSearchTerms } from '../domain/caseSearch.ts';
import { normalizeKana } from '../domain/kana.ts';
import { caseVisible, consultationVisible, personVisible, type Viewer } from './access.ts';
import type { Executor } from './executor.ts';
import { insertNewRow } from './newRow.ts';
import type { DB, PersonPhone } from './schema.ts';

/** Escape LIKE's wildcards (and its escape character) so that the text matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * personVisible, checked row by row. Wrapped in a scalar subquery, the predicate's EXISTS parts are
 * planned for one row at a time; bare, PostgreSQL expects many rows and first builds the viewer's
 * whole set of visible case persons as a hash, which costs more than checking a page of rows.
 */
function visibleRowByRow(viewer: Viewer, personId: string): RawBuilder<boolean> {
  return sql<boolean>`(SELECT ${personVisible(viewer, personId)})`;
}

/** A person's name and its reading, as lists show them. */
export interface PersonNameRow {
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
}

export interface PersonSummaryRow extends PersonNameRow {
  id: string;
  birth_date: string | null;
  sex: string;
}

export interface PersonRow extends PersonSummaryRow {
  postal_code: string | null;
  address: string | null;
  phones: PersonPhone[] | string;
  addressee_number: string | null;
  registered_by_organization_id: string;
  registered_by_name: string;
}

/** The columns a person's name is shown from (family name, then given name), from `persons as p`. */
export const personFullNameColumns = ['p.family_name', 'p.given_name'] as const;

/** The columns of PersonNameRow, from `persons as p`. */
export const personNameColumns = [
  ...personFullNameColumns,
  'p.family_name_kana',
  'p.given_name_kana',
] as const;

export const personSummaryColumns = ['p.id', ...personNameColumns, 'p.birth_date', 'p.sex'] as const;

/** Household members (`hm`) with the person each is (`p`). */
export function householdMembersWithPerson(db: Executor) {
  return db.selectFrom('household_members as hm').innerJoin('persons as p', 'p.id', 'hm.person_id');
}

/** Members in the order households are listed: eldest first, those without a birth date last. */
export const eldestFirst = sql`p.birth_date ASC NULLS LAST`;

/** The organisation that registered a person (`p`), joined as `o`. */
const registeredByColumns = ['p.registered_by_organization_id', 'o.name as registered_by_name'] as const;

/** Persons (`p`) with the organisation that registered each. */
function personsWithRegistrar(db: Executor) {
  return db
    .selectFrom('persons as p')
    .innerJoin('organizations as o', 'o.id', 'p.registered_by_organization_id')
    .select(registeredByColumns);
}

/** Insert a new person registered by the caller's organisation; returns the id. */
export async function insertPerson(
  tx: Transaction<DB>,
  tenantId: string,
  organizationId: string,
  person: NewPerson,
): Promise<string> {
  return insertNewRow(tx, 'persons', {
    tenant_id: tenantId,
    family_name: person.familyName,
    given_name: person.givenName,
    family_name_kana: person.familyNameKana,
    given_name_kana: person.givenNameKana,
    kana_key: normalizeKana(`${person.familyNameKana}${person.givenNameKana}`),
    birth_date: person.birthDate,
    sex: person.sex,
    postal_code: person.postalCode ?? null,
    address: person.address || null,
    phones: JSON.stringify(person.phones),
    addressee_number: person.addresseeNumber ?? null,
    registered_by_organization_id: organizationId,
  });
}

/** One person, if the viewer may see them (personVisible in the WHERE: otherwise undefined). */
export async function findVisiblePerson(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<PersonRow | undefined> {
  return personsWithRegistrar(db)
    .select([...personSummaryColumns, 'p.postal_code', 'p.address', 'p.phones', 'p.addressee_number'])
    .where('p.tenant_id', '=', viewer.tenantId)
    .where('p.id', '=', id)
    .where(personVisible(viewer, 'p.id'))
    .executeTakeFirst();
}

/** Which of these person ids the viewer may see. Deny by default. */
export async function visiblePersonIds(
  db: Executor,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('persons as p')
    .select('p.id')
    .where('p.tenant_id', '=', viewer.tenantId)
    .where('p.id', 'in', [...new Set(ids)])
    .where(visibleRowByRow(viewer, 'p.id'))
    .execute();
  return new Set(rows.map((row) => row.id));
}

export interface PersonSearch {
  /** normalizeKana of what was typed. */
  kana: string;
  birthDate?: string | undefined;
  limit: number;
  /** [rank, kana_key, id] of the last row of the previous page (rank 0: prefix match, 1: substring). */
  after?: readonly [number, string, string] | undefined;
}

export type PersonSearchRow = PersonSummaryRow & { rank: number; kana_key: string };

/**
 * The strings that start with `prefix`, as a half-open range in byte order (text_pattern_ops): from
 * the prefix itself up to the prefix with its last character's code point raised by one. UTF-8 byte
 * order is code point order, so nothing else falls in between.
 */
export function prefixRange(prefix: string): [string, string] {
  const points = [...prefix];
  const last = points.pop();
  const point = last?.codePointAt(0);
  if (last === undefined || point === undefined || point >= 0x10ffff) return [prefix, `${prefix}\u{10FFFF}`];
  return [prefix, `${points.join('')}${String.fromCodePoint(point + 1)}`];
}

/**
 * Search by フリガナ: prefix matches on kana_key first (persons_kana_prefix_idx, text_pattern_ops,
 * walked in order), then — for 3+ characters — the other rows that contain it (persons_kana_trgm_idx,
 * reached through kasane_persons_by_kana), each part in kana order. Only persons the viewer may see
 * (personVisible).
 *
 * One statement, shaped so that PostgreSQL does the least work for a page:
 * - each part orders its matches in a fenced subquery (OFFSET 0) under its own LIMIT, so the planner
 *   walks the index in order and stops once the page is full, instead of fetching and sorting every
 *   match of a short reading;
 * - the visibility predicate is applied outside that fence, as a scalar subquery, so it is checked
 *   row by row on the candidates the page needs (the planner would otherwise build the viewer's
 *   whole visible set as a hash first, because it expects thousands of candidates);
 * - the parts are joined with UNION ALL, whose Append runs them in order: the substring part is not
 *   even started when prefix matches fill the page.
 */
export async function searchPersons(
  db: Executor,
  viewer: Viewer,
  search: PersonSearch,
): Promise<PersonSearchRow[]> {
  const escaped = escapeLike(search.kana);
  const prefix = `${escaped}%`;
  const [lower, upper] = prefixRange(search.kana);
  const withSubstring = search.kana.length >= 3;
  const after = search.after;

  const cursor = (kanaKey: string, idColumn: string) => {
    if (!after) return undefined;
    const [, kana, id] = after;
    return sql<boolean>`(${sql.ref(kanaKey)} ~>=~ ${kana} AND (${sql.ref(kanaKey)} ~>~ ${kana} OR ${sql.ref(idColumn)} > ${id}))`;
  };

  /**
   * The prefix part walks persons_kana_prefix_idx in order: the prefix as a range of the index's own
   * (leakproof) operators, since under row-level security PostgreSQL may not use LIKE, which is not
   * leakproof, as an index condition.
   */
  const prefixMatches = () => {
    let matches = db
      .selectFrom('persons as p')
      .select([...personSummaryColumns, 'p.kana_key', sql.lit(0).as('rank')])
      .where('p.tenant_id', '=', viewer.tenantId)
      .where(sql<boolean>`(p.kana_key ~>=~ ${lower} AND p.kana_key ~<~ ${upper})`);
    if (search.birthDate) matches = matches.where('p.birth_date', '=', search.birthDate);
    const next = after?.[0] === 0 ? cursor('p.kana_key', 'p.id') : undefined;
    if (next) matches = matches.where(next);
    return matches.orderBy(sql`p.kana_key USING ~<~`).orderBy('p.id').offset(0);
  };

  /**
   * The substring part: the readings that contain the input (and do not start with it) come from
   * kasane_persons_by_kana, which reaches the trigram index as its owner (migration 20261205_1901),
   * sorted in a fenced subquery before any person is read, so that persons are then looked up by id
   * in kana order only until the page is full.
   */
  const substringMatches = () => {
    const next = after?.[0] === 1 ? cursor('f.kana_key', 'f.id') : undefined;
    const found = sql<{ id: string; kana_key: string }>`(SELECT f.id, f.kana_key
      FROM kasane_persons_by_kana(${`%${escaped}%`}) f
      WHERE f.kana_key NOT LIKE ${prefix} ${next ? sql`AND ${next}` : sql``}
      ORDER BY f.kana_key USING ~<~, f.id OFFSET 0)`;
    let matches = db
      .selectFrom(found.as('f'))
      .innerJoin('persons as p', 'p.id', 'f.id')
      .select([...personSummaryColumns, 'p.kana_key', sql.lit(1).as('rank')])
      .where('p.tenant_id', '=', viewer.tenantId);
    if (search.birthDate) matches = matches.where('p.birth_date', '=', search.birthDate);
    return matches.orderBy(sql`f.kana_key USING ~<~`).orderBy('f.id').offset(0);
  };

  const part = (rank: 0 | 1) => {
    const ordered = rank === 0 ? prefixMatches() : substringMatches();
    const page = db
      .selectFrom(ordered.as('m'))
      .selectAll('m')
      .where(visibleRowByRow(viewer, 'm.id'))
      .limit(search.limit + 1);
    // Wrapped, so that the part's LIMIT stays inside it when the parts are joined by UNION ALL.
    return db.selectFrom(page.as(`part${rank}`)).selectAll();
  };

  const parts = [
    ...(after === undefined || after[0] === 0 ? [part(0)] : []),
    ...(withSubstring ? [part(1)] : []),
  ];
  const [first, second] = parts;
  if (!first) return [];
  if (!second) return first.execute();
  return db
    .selectFrom(first.unionAll(second).as('found'))
    .selectAll()
    .limit(search.limit + 1)
    .execute();
}

/**
 * The one search box of 対象者検索 (`q`): a person matches by 氏名 (name_key, 異体字 alike; trigram
 * index), フリガナ anywhere in the reading, 宛名番号 or birth date — each interpretation of the input
 * that fits (src/domain/caseSearch.ts), in kana order. Only persons the viewer may see.
 */
export async function searchPersonsByAnything(
  db: Executor,
  viewer: Viewer,
  search: {
    terms: CaseSearchTerms;
    birthDate?: string | undefined;
    limit: number;
    after?: readonly [string, string] | undefined;
  },
): Promise<PersonSearchRow[]> {
  const { terms } = search;
  // the persons each interpretation finds (id and reading), through its own index; the substrings
  // through the functions that reach the trigram indexes under row-level security (migration
  // 20261205_1901)
  const byPart = (condition: RawBuilder<boolean>) =>
    sql`SELECT id, kana_key FROM persons WHERE tenant_id = ${viewer.tenantId} AND ${condition}`;
  const parts: RawBuilder<unknown>[] = [];
  if (terms.name)
    parts.push(sql`SELECT id, kana_key FROM kasane_persons_by_name(${`%${escapeLike(terms.name)}%`})`);
  if (terms.kana)
    parts.push(sql`SELECT id, kana_key FROM kasane_persons_by_kana(${`%${escapeLike(terms.kana)}%`})`);
  if (terms.addresseeNumber) parts.push(byPart(sql<boolean>`addressee_number = ${terms.addresseeNumber}`));
  if (terms.birthDate) parts.push(byPart(sql<boolean>`birth_date = ${terms.birthDate}::date`));
  if (parts.length === 0) return [];
  const next = search.after
    ? sql`WHERE (c.kana_key, c.id) > (${search.after[0]}, ${search.after[1]}::uuid)`
    : sql``;
  // the candidates sorted by reading in a fenced subquery before any person is read, then looked up
  // by id and checked for visibility one by one, in that order, only until the page is full (as the
  // kana search's parts: a common fragment of a name may match thousands)
  const found = sql<{ id: string; kana_key: string }>`(SELECT c.id, c.kana_key
    FROM (${sql.join(parts, sql` UNION `)}) c ${next}
    ORDER BY c.kana_key, c.id OFFSET 0)`;
  let matches = db
    .selectFrom(found.as('f'))
    .innerJoin('persons as p', 'p.id', 'f.id')
    .select([...personSummaryColumns, 'p.kana_key', sql<number>`0`.as('rank')])
    .where('p.tenant_id', '=', viewer.tenantId);
  if (search.birthDate) matches = matches.where('p.birth_date', '=', search.birthDate);
  const ordered = matches.orderBy('f.kana_key').orderBy('f.id').offset(0);
  return db
    .selectFrom(ordered.as('m'))
    .selectAll('m')
    .where(visibleRowByRow(viewer, 'm.id'))
    .limit(search.limit + 1)
    .execute() as Promise<PersonSearchRow[]>;
}

/** A household is visible through a consultation or a case the viewer may see. */
export function householdVisible(viewer: Viewer, householdId: string): RawBuilder<boolean> {
  return sql<boolean>`(EXISTS (
      SELECT 1 FROM consultations hv_c
      WHERE hv_c.household_id = ${sql.ref(householdId)}
        AND ${consultationVisible(viewer, 'hv_c.id', 'hv_c.organization_id')})
    OR EXISTS (
      SELECT 1 FROM cases hv_k
      WHERE hv_k.household_id = ${sql.ref(householdId)} AND ${caseVisible(viewer, 'hv_k.id')}))`;
}

export interface HouseholdMembership {
  householdId: string;
  relation: string;
  livingTogether: boolean;
  members: { person: PersonSummaryRow; relation: string; livingTogether: boolean }[];
}

/** The households of a person that the viewer may see, newest first, with their other visible members (eldest first). */
export async function visibleHouseholdsOf(
  db: Executor,
  viewer: Viewer,
  personId: string,
): Promise<HouseholdMembership[]> {
  const memberships = await db
    .selectFrom('household_members as hm')
    .innerJoin('households as h', 'h.id', 'hm.household_id')
    .select(['hm.household_id', 'hm.relation', 'hm.living_together', 'h.created_at'])
    .where('hm.tenant_id', '=', viewer.tenantId)
    .where('hm.person_id', '=', personId)
    .where(householdVisible(viewer, 'hm.household_id'))
    .orderBy('h.created_at', 'desc')
    .orderBy('hm.household_id')
    .execute();
  if (memberships.length === 0) return [];
  const others = await householdMembersWithPerson(db)
    .select([...personSummaryColumns, 'hm.household_id', 'hm.relation', 'hm.living_together'])
    .where('hm.tenant_id', '=', viewer.tenantId)
    .where(
      'hm.household_id',
      'in',
      memberships.map((m) => m.household_id),
    )
    .where('hm.person_id', '!=', personId)
    .where(visibleRowByRow(viewer, 'p.id'))
    .orderBy(eldestFirst)
    .orderBy('p.id')
    .execute();
  return memberships.map((membership) => ({
    householdId: membership.household_id,
    relation: membership.relation,
    livingTogether: membership.living_together,
    members: others
      .filter((other) => other.household_id === membership.household_id)
      .map(({ household_id: _household, relation, living_together, ...person }) => ({
        person,
        relation,
        livingTogether: living_together,
      })),
  }));
}

export interface PersonLinkRow extends PersonNameRow {
  other_id: string;
  linked_at: Date;
  birth_date: string | null;
  registered_by_organization_id: string;
  registered_by_name: string;
  visible: boolean;
}

/** Records linked to this person as the same human, in either direction, with whether the viewer sees each. */
export async function linksOf(db: Executor, viewer: Viewer, personId: string): Promise<PersonLinkRow[]> {
  const other = sql<string>`CASE WHEN l.person_id = ${personId} THEN l.duplicate_of_id ELSE l.person_id END`;
  return db
    .selectFrom('person_links as l')
    .innerJoin('persons as p', (join) => join.on(sql<boolean>`p.id = ${other}`))
    .innerJoin('organizations as o', 'o.id', 'p.registered_by_organization_id')
    .select([
      'p.id as other_id',
      'l.created_at as linked_at',
      ...personNameColumns,
      'p.birth_date',
      ...registeredByColumns,
      personVisible(viewer, 'p.id').as('visible'),
    ])
    .where('l.tenant_id', '=', viewer.tenantId)
    .where((eb) => eb.or([eb('l.person_id', '=', personId), eb('l.duplicate_of_id', '=', personId)]))
    .orderBy('l.created_at')
    .execute();
}

export interface DuplicateRow extends PersonNameRow {
  id: string;
  birth_date: string | null;
  registered_by_organization_id: string;
  registered_by_name: string;
  linked: boolean;
}

/**
 * Other persons of the tenant with the same reading and birth date (persons_duplicate_idx). Only
 * identifying fields: this is the one place a coordinator sees persons outside its cases.
 */
export async function findDuplicates(
  db: Executor,
  tenantId: string,
  person: { id: string; kanaKey: string; birthDate: string },
): Promise<DuplicateRow[]> {
  return personsWithRegistrar(db)
    .select([
      'p.id',
      ...personNameColumns,
      'p.birth_date',
      sql<boolean>`EXISTS (
        SELECT 1 FROM person_links l
        WHERE (l.person_id = p.id AND l.duplicate_of_id = ${person.id})
           OR (l.person_id = ${person.id} AND l.duplicate_of_id = p.id))`.as('linked'),
    ])
    .where('p.tenant_id', '=', tenantId)
    .where('p.kana_key', '=', person.kanaKey)
    .where('p.birth_date', '=', person.birthDate)
    .where('p.id', '!=', person.id)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

/** The reading key and birth date of a person of the tenant (no visibility: callers check it first). */
export async function duplicateKeyOf(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<{ id: string; kana_key: string; birth_date: string | null } | undefined> {
  return db
    .selectFrom('persons')
    .select(['id', 'kana_key', 'birth_date'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function linkExists(db: Executor, tenantId: string, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('person_links')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb.and([eb('person_id', '=', a), eb('duplicate_of_id', '=', b)]),
        eb.and([eb('person_id', '=', b), eb('duplicate_of_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPersonLink(
  tx: Transaction<DB>,
  link: { tenantId: string; personId: string; duplicateOfId: string; linkedBy: string },
): Promise<string> {
  return insertNewRow(tx, 'person_links', {
    tenant_id: link.tenantId,
    person_id: link.personId,
    duplicate_of_id: link.duplicateOfId,
    linked_by: link.linkedBy,
  });
}

/** Person summaries by id, in bulk, of the persons among them the viewer may see. */
export async function personSummaries(
  db: Executor,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Map<string, PersonSummaryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('persons as p')
    .select([...personSummaryColumns])
    .where('p.tenant_id', '=', viewer.tenantId)
    .where('p.id', 'in', [...new Set(ids)])
    .where(visibleRowByRow(viewer, 'p.id'))
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}
