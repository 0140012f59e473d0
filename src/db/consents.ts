import { type Selectable, sql, type Transaction } from 'kysely';
import type { ConsentInput } from '../contract/consents.ts';
import { now } from '../domain/clock.ts';
import { consentVisible, personVisible, type Viewer } from './access.ts';
import type { Executor } from './executor.ts';
import { insertNewRow, insertNewRowReturning } from './newRow.ts';
import { personFullNameColumns } from './persons.ts';
import type { ConsentScanTable, ConsentTable, ConsentWithdrawalEffect, DB } from './schema.ts';

export type ConsentRow = Selectable<ConsentTable>;

/*
 * Consents are recorded once and never rewritten: a withdrawal only fills withdrawn_at /
 * withdrawn_on / withdrawal_reason / withdrawn_by / withdrawal_effects, and scanned forms hang off
 * the consent id in consent_scans. So every reader below asks "in force on a date" instead of trusting a flag.
 */

export interface ConsentQuery {
  tenantId: string;
  personId: string;
  /** The case the sharing is for: consents given for this case or for no particular case count. */
  caseId: string | null;
  organizationIds: readonly string[];
  /** 'YYYY-MM-DD': the day the sharing happens (a meeting's date, a plan's approval). */
  onDate: string;
  /**
   * The categories the consent must include (同意の範囲). Sharing a case shows at least the
   * person's basic information, so 'basic' is the default; a 要配慮個人情報 grant asks for its own.
   */
  categories?: readonly string[];
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
    .where(sql<boolean>`organization_ids && ${sql.val(wanted)}::uuid[]`)
    .where(sql<boolean>`categories @> ${sql.val([...(query.categories ?? ['basic'])])}::text[]`);
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
    .select(['p.id', ...personFullNameColumns])
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
  return insertNewRowReturning(tx, 'consents', {
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
  });
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

/** The consent with this id if the viewer may see it (consentVisible in the WHERE). */
export async function findVisibleConsent(
  db: Executor,
  viewer: Viewer,
  consentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ConsentRow | undefined> {
  let query = db
    .selectFrom('consents as cn')
    .selectAll('cn')
    .where('cn.tenant_id', '=', viewer.tenantId)
    .where('cn.id', '=', consentId)
    .where(consentVisible(viewer, 'cn'));
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A person's consents the viewer may see (consentVisible), newest first. The caller checked the person. */
export async function consentsOfPerson(
  db: Executor,
  viewer: Viewer,
  personId: string,
): Promise<ConsentRow[]> {
  return db
    .selectFrom('consents as cn')
    .selectAll('cn')
    .where('cn.tenant_id', '=', viewer.tenantId)
    .where('cn.person_id', '=', personId)
    .where(consentVisible(viewer, 'cn'))
    .orderBy('cn.given_on', 'desc')
    .orderBy('cn.created_at', 'desc')
    .execute();
}

export type ConsentScanInfo = Omit<Selectable<ConsentScanTable>, 'content'>;

/** The scans (without their bytes) of these consents, by consent id. */
export async function scansOf(db: Executor, tenantId: string, consentIds: readonly string[]) {
  if (consentIds.length === 0) return new Map<string, ConsentScanInfo>();
  const rows = await db
    .selectFrom('consent_scans')
    .select([
      'id',
      'tenant_id',
      'consent_id',
      'filename',
      'media_type',
      'size_bytes',
      'sha256',
      'uploaded_by',
      'uploaded_at',
    ])
    .where('tenant_id', '=', tenantId)
    .where('consent_id', 'in', [...consentIds])
    .execute();
  return new Map(rows.map((row) => [row.consent_id, row]));
}

/**
 * Which of these consents the viewer may withdraw or attach a scan to: those its organisation
 * recorded (the counter that took the form), and, for a casework coordinator, those of a person
 * in a case its organisation coordinates (for that case, or given at intake).
 */
export async function manageableConsentIds(
  db: Executor,
  actor: Viewer & { permissions: ReadonlySet<string> },
  consentIds: readonly string[],
): Promise<Set<string>> {
  if (consentIds.length === 0) return new Set();
  const coordinator = actor.permissions.has('case.coordinate');
  const rows = await db
    .selectFrom('consents as cn')
    .innerJoin('users as u', 'u.id', 'cn.recorded_by')
    .select('cn.id')
    .where('cn.tenant_id', '=', actor.tenantId)
    .where('cn.id', 'in', [...consentIds])
    .where((eb) =>
      eb.or([
        eb('u.organization_id', '=', actor.organizationId),
        ...(coordinator
          ? [
              eb.exists(
                eb
                  .selectFrom('cases as mc')
                  .innerJoin('case_persons as mcp', 'mcp.case_id', 'mc.id')
                  .select(sql`1`.as('one'))
                  .whereRef('mcp.person_id', '=', 'cn.person_id')
                  .where('mc.coordinating_organization_id', '=', actor.organizationId)
                  .where((w) => w.or([w('cn.case_id', 'is', null), w('cn.case_id', '=', w.ref('mc.id'))])),
              ),
            ]
          : []),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Withdraw a consent, at once and in the caller's transaction. Every consent-based participation
 * (case_participants with legal basis `consent`) of the organisations it covered, on the cases it
 * applied to, is checked again without it: re-pointed to another consent in force that covers the
 * organisation, or removed. Participations on another ground (intake counter, coordinating section,
 * 支援会議 article106_6, handover) are never touched. Sensitive-fact grants resting on it go the
 * same way. Returns the withdrawn row (undefined if it was withdrawn already) and, per case, the
 * organisations that no longer see it.
 */
export async function withdrawConsent(
  tx: Transaction<DB>,
  consent: ConsentRow,
  values: { withdrawnOn: string; reason: string; withdrawnBy: string; today: string },
): Promise<{ row: ConsentRow; effects: ConsentWithdrawalEffect[]; revokedGrantIds: string[] } | undefined> {
  const updated = await tx
    .updateTable('consents')
    .set({
      withdrawn_at: now(),
      withdrawn_on: values.withdrawnOn,
      withdrawal_reason: values.reason,
      withdrawn_by: values.withdrawnBy,
    })
    .where('id', '=', consent.id)
    .where('withdrawn_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!updated) return undefined;

  // Sharing always asks the consent of the case's primary person (consentCoverage callers).
  let casesQuery = tx
    .selectFrom('cases')
    .select(['id', 'primary_person_id'])
    .where('tenant_id', '=', consent.tenant_id)
    .where('primary_person_id', '=', consent.person_id);
  if (consent.case_id) casesQuery = casesQuery.where('id', '=', consent.case_id);
  const cases = await casesQuery.execute();

  const effects: ConsentWithdrawalEffect[] = [];
  for (const kase of cases) {
    const rows = await tx
      .selectFrom('case_participants')
      .select(['id', 'organization_id'])
      .where('tenant_id', '=', consent.tenant_id)
      .where('case_id', '=', kase.id)
      .where('legal_basis', '=', 'consent')
      .where('organization_id', 'in', [...consent.organization_ids])
      .execute();
    if (rows.length === 0) continue;
    const coverage = await consentCoverage(tx, {
      tenantId: consent.tenant_id,
      personId: kase.primary_person_id,
      caseId: kase.id,
      organizationIds: rows.map((r) => r.organization_id),
      onDate: values.today,
    });
    const removedOrganizations = new Set<string>();
    for (const row of rows) {
      if (await restOnOtherConsent(tx, 'case_participants', row.id, coverage.get(row.organization_id)))
        continue;
      await tx.deleteFrom('case_participants').where('id', '=', row.id).execute();
      removedOrganizations.add(row.organization_id);
    }
    if (removedOrganizations.size === 0) continue;
    const remaining = await tx
      .selectFrom('case_participants')
      .select('organization_id')
      .distinct()
      .where('case_id', '=', kase.id)
      .where('scope', '=', 'case')
      .where('organization_id', 'in', [...removedOrganizations])
      .execute();
    const stillIn = new Set(remaining.map((r) => r.organization_id));
    const lost = [...removedOrganizations].filter((id) => !stillIn.has(id));
    if (lost.length > 0) effects.push({ caseId: kase.id, organizationIds: lost });
  }

  // 要配慮個人情報 granted on this consent: kept only if another consent in force covers it.
  const grants = await tx
    .selectFrom('sensitive_fact_grants as g')
    .innerJoin('sensitive_facts as f', 'f.id', 'g.fact_id')
    .select(['g.id', 'g.organization_id', 'f.person_id', 'f.case_id', 'f.kind'])
    .where('g.tenant_id', '=', consent.tenant_id)
    .where('g.legal_basis', '=', 'consent')
    .where('g.source_id', '=', consent.id)
    .where('g.revoked_at', 'is', null)
    .execute();
  const revokedGrantIds: string[] = [];
  for (const grant of grants) {
    const coverage = await consentCoverage(tx, {
      tenantId: consent.tenant_id,
      personId: grant.person_id,
      caseId: grant.case_id,
      organizationIds: [grant.organization_id],
      onDate: values.today,
      categories: [consentCategoryOfKind(grant.kind)],
    });
    if (await restOnOtherConsent(tx, 'sensitive_fact_grants', grant.id, coverage.get(grant.organization_id)))
      continue;
    await tx
      .updateTable('sensitive_fact_grants')
      .set({ revoked_at: now(), revoked_by: values.withdrawnBy })
      .where('id', '=', grant.id)
      .execute();
    revokedGrantIds.push(grant.id);
  }

  const row = await tx
    .updateTable('consents')
    .set({ withdrawal_effects: JSON.stringify(effects) })
    .where('id', '=', consent.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, effects, revokedGrantIds };
}

/**
 * Let a row that rested on a withdrawn consent (a participation, a grant) rest on another consent in
 * force instead, when there is one (`other`). Answers whether it could; if not, the caller ends it.
 */
async function restOnOtherConsent(
  tx: Transaction<DB>,
  table: 'case_participants' | 'sensitive_fact_grants',
  id: string,
  other: string | undefined,
): Promise<boolean> {
  if (!other) return false;
  await tx.updateTable(table).set({ source_id: other }).where('id', '=', id).execute();
  return true;
}

/** The consent category (同意の範囲) that must cover sharing a 要配慮個人情報 fact of this kind. */
export function consentCategoryOfKind(kind: string): string {
  switch (kind) {
    case 'offence':
      return 'offence';
    case 'dvVictim':
      return 'victimisation';
    default:
      return 'health';
  }
}

/** Store (or replace) the scanned form of a consent. */
export async function saveConsentScan(
  tx: Transaction<DB>,
  values: {
    tenantId: string;
    consentId: string;
    filename: string;
    mediaType: string;
    content: Buffer;
    sha256: string;
    uploadedBy: string;
  },
): Promise<{ previousSha256: string | null }> {
  const previous = await tx
    .selectFrom('consent_scans')
    .select('sha256')
    .where('consent_id', '=', values.consentId)
    .executeTakeFirst();
  const row = {
    filename: values.filename,
    media_type: values.mediaType,
    size_bytes: values.content.length,
    sha256: values.sha256,
    content: values.content,
    uploaded_by: values.uploadedBy,
    uploaded_at: now(),
  };
  if (previous) {
    await tx.updateTable('consent_scans').set(row).where('consent_id', '=', values.consentId).execute();
  } else {
    await insertNewRow(tx, 'consent_scans', {
      tenant_id: values.tenantId,
      consent_id: values.consentId,
      ...row,
    });
  }
  return { previousSha256: previous?.sha256 ?? null };
}

/** The scan of a consent with its bytes. */
export async function consentScan(db: Executor, tenantId: string, consentId: string) {
  return db
    .selectFrom('consent_scans')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('consent_id', '=', consentId)
    .executeTakeFirst();
}
