import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { ConsentInput } from '../contract/consents.ts';
import { personVisible, type Viewer } from './access.ts';
import type { ConsentTable, DB } from './schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type ConsentRow = Selectable<ConsentTable>;

/*
 * Consents are recorded once and never rewritten: a withdrawal (later issue) only fills
 * withdrawn_at / withdrawal_reason, and scanned forms will hang off the consent id in a table of
 * their own. So every reader below asks "in force on a date" instead of trusting a flag.
 */

export interface ConsentQuery {
  tenantId: string;
  personId: string;
  /** The case the sharing is for: consents given for this case or for no particular case count. */
  caseId: string | null;
  organizationIds: readonly string[];
  /** 'YYYY-MM-DD': the day the sharing happens (a meeting's date, a plan's approval). */
  onDate: string;
}

/**
 * For each organisation, the consent of the person that covers it on `onDate`: recorded, given on
 * or before that day, not expired, not withdrawn, and for this case or for no particular case.
 * Organisations covered by no such consent are absent from the map.
 */
export async function consentCoverage(db: Executor, query: ConsentQuery): Promise<Map<string, string>> {
  const wanted = [...new Set(query.organizationIds)];
  if (wanted.length === 0) return new Map();
  let consents = db
    .selectFrom('consents')
    .select(['id', 'organization_ids'])
    .where('tenant_id', '=', query.tenantId)
    .where('person_id', '=', query.personId)
    .where('withdrawn_at', 'is', null)
    .where('given_on', '<=', query.onDate)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', query.onDate)]))
    .where(sql<boolean>`organization_ids && ${sql.val(wanted)}::uuid[]`);
  consents = query.caseId
    ? consents.where((eb) => eb.or([eb('case_id', 'is', null), eb('case_id', '=', query.caseId)]))
    : consents.where('case_id', 'is', null);
  const rows = await consents.orderBy('given_on', 'desc').orderBy('created_at', 'desc').execute();
  const coverage = new Map<string, string>();
  for (const row of rows) {
    for (const organizationId of row.organization_ids) {
      if (wanted.includes(organizationId) && !coverage.has(organizationId)) {
        coverage.set(organizationId, row.id);
      }
    }
  }
  return coverage;
}

/** The organisations among `organizationIds` that no consent in force covers (see consentCoverage). */
export async function organizationsWithoutConsent(db: Executor, query: ConsentQuery): Promise<string[]> {
  const coverage = await consentCoverage(db, query);
  return [...new Set(query.organizationIds)].filter((id) => !coverage.has(id));
}

/**
 * Whether the person's recorded, unexpired, not-withdrawn consent covers every one of these
 * organisations on `onDate` (each may be covered by a different consent). Consents given for
 * another case do not count; consents given for no particular case (at intake) do.
 */
export async function activeConsentCovering(
  tx: Executor,
  query: {
    tenantId: string;
    personId: string;
    caseId: string | null;
    organizationIds: readonly string[];
    onDate: string;
  },
): Promise<boolean> {
  return (await organizationsWithoutConsent(tx, query)).length === 0;
}

/** The person, if the viewer may see them (personVisible in the WHERE). */
export async function findVisiblePerson(db: Executor, viewer: Viewer, personId: string) {
  return db
    .selectFrom('persons as p')
    .select(['p.id', 'p.family_name', 'p.given_name'])
    .where('p.tenant_id', '=', viewer.tenantId)
    .where('p.id', '=', personId)
    .where(personVisible(viewer, 'p.id'))
    .executeTakeFirst();
}

export async function insertConsent(
  tx: Transaction<DB>,
  values: { tenantId: string; recordedBy: string; input: ConsentInput },
): Promise<ConsentRow> {
  const { input } = values;
  return tx
    .insertInto('consents')
    .values({
      id: randomUUID(),
      tenant_id: values.tenantId,
      person_id: input.personId,
      case_id: input.caseId ?? null,
      organization_ids: input.organizationIds,
      categories: input.categories,
      given_on: input.givenOn,
      method: input.method,
      witness: input.witness || null,
      expires_on: input.expiresOn ?? null,
      recorded_by: values.recordedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The consents shown on a case page: those of the case's persons given for this case or for no
 * particular case, newest first. The caller has checked the case is visible.
 */
export async function consentsOfCase(
  db: Executor,
  tenantId: string,
  caseId: string,
  personIds: readonly string[],
): Promise<ConsentRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('consents')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('person_id', 'in', [...personIds])
    .where((eb) => eb.or([eb('case_id', 'is', null), eb('case_id', '=', caseId)]))
    .orderBy('given_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
