import { type Selectable, sql, type Transaction } from 'kysely';
import type { SensitiveFactInput } from '../contract/sensitiveFacts.ts';
import { sensitiveFactVisible, type Viewer } from './access.ts';
import { consentCategoryOfKind, consentCoverage } from './consents.ts';
import type { Executor } from './executor.ts';
import { insertNewRow, insertNewRowReturning } from './newRow.ts';
import type { DB, SensitiveFactGrantTable, SensitiveFactTable } from './schema.ts';

export type SensitiveFactRow = Selectable<SensitiveFactTable>;
export type SensitiveFactGrantRow = Selectable<SensitiveFactGrantTable>;

/*
 * 要配慮個人情報 live here and nowhere else: no case or person query joins these tables, so a
 * fact reaches a response only through the reads below, each with sensitiveFactVisible in its WHERE.
 */

/** Record a fact; the recording organisation is granted it at once (legal basis `recorder`). */
export async function insertSensitiveFact(
  tx: Transaction<DB>,
  values: { tenantId: string; userId: string; organizationId: string; input: SensitiveFactInput },
): Promise<SensitiveFactRow> {
  const { input } = values;
  const row = await insertNewRowReturning(tx, 'sensitive_facts', {
    tenant_id: values.tenantId,
    person_id: input.personId,
    case_id: input.caseId ?? null,
    kind: input.kind,
    subtype: input.subtype ?? null,
    summary: input.summary,
    details: input.details ?? null,
    recorded_by: values.userId,
    recorded_by_organization_id: values.organizationId,
  });
  await insertNewRow(tx, 'sensitive_fact_grants', {
    tenant_id: values.tenantId,
    fact_id: row.id,
    organization_id: values.organizationId,
    reason: '記録した機関',
    legal_basis: 'recorder',
    source_id: null,
    granted_by: values.userId,
  });
  return row;
}

/** The fact if the viewer's organisation is granted it and may see its person (and case). */
export async function findVisibleSensitiveFact(
  db: Executor,
  viewer: Viewer,
  factId: string,
  options: { forUpdate?: boolean } = {},
): Promise<SensitiveFactRow | undefined> {
  let query = db
    .selectFrom('sensitive_facts as sf')
    .selectAll('sf')
    .where('sf.tenant_id', '=', viewer.tenantId)
    .where('sf.id', '=', factId)
    .where(sensitiveFactVisible(viewer, 'sf'));
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * The facts the viewer is granted of one person, or of the persons of one case (facts of no
 * particular case, and those of this case), newest first.
 */
export async function listVisibleSensitiveFacts(
  db: Executor,
  viewer: Viewer,
  of: { personId: string } | { caseId: string },
): Promise<SensitiveFactRow[]> {
  let query = db
    .selectFrom('sensitive_facts as sf')
    .selectAll('sf')
    .where('sf.tenant_id', '=', viewer.tenantId)
    .where(sensitiveFactVisible(viewer, 'sf'));
  if ('personId' in of) {
    query = query.where('sf.person_id', '=', of.personId);
  } else {
    query = query
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('case_persons as lcp')
            .select(sql`1`.as('one'))
            .whereRef('lcp.person_id', '=', 'sf.person_id')
            .where('lcp.case_id', '=', of.caseId),
        ),
      )
      .where((eb) => eb.or([eb('sf.case_id', 'is', null), eb('sf.case_id', '=', of.caseId)]));
  }
  return query.orderBy('sf.created_at', 'desc').orderBy('sf.id', 'desc').execute();
}

/** The grants in force of these facts, oldest first. */
export async function activeGrantsOf(
  db: Executor,
  factIds: readonly string[],
): Promise<SensitiveFactGrantRow[]> {
  if (factIds.length === 0) return [];
  return db
    .selectFrom('sensitive_fact_grants')
    .selectAll()
    .where('fact_id', 'in', [...factIds])
    .where('revoked_at', 'is', null)
    .orderBy('granted_at')
    .execute();
}

/**
 * Which of these persons' facts the actor may grant onward: facts its organisation recorded, and
 * facts of persons in a case its organisation coordinates (the coordinating section arranges who
 * knows what). Only organisations granted a fact can see it at all, so this applies to them only.
 */
export async function coordinatedPersonIds(
  db: Executor,
  viewer: Viewer,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('case_persons as cp')
    .innerJoin('cases as c', 'c.id', 'cp.case_id')
    .select('cp.person_id')
    .distinct()
    .where('c.tenant_id', '=', viewer.tenantId)
    .where('c.coordinating_organization_id', '=', viewer.organizationId)
    .where('cp.person_id', 'in', [...personIds])
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export type SharingGround =
  | { ok: true; legalBasis: 'consent' | 'article106_6'; sourceId: string }
  | { ok: false; reason: 'notParticipating' | 'noGround' };

/**
 * On what ground may this fact be shared with the organisation? It must take part (case scope) in
 * a case of the person (the fact's case, if it has one). Then either the person's consent in force
 * covers the organisation AND the fact's category (犯罪歴等 → offence, 病歴・障害 → health,
 * DV被害 → victimisation), or the organisation is a member of a 支援会議 of that case (社会福祉法
 * 第106条の6: members may share without consent and are bound to confidentiality).
 */
export async function sharingGround(
  db: Executor,
  fact: SensitiveFactRow,
  organizationId: string,
  today: string,
): Promise<SharingGround> {
  let cases = db
    .selectFrom('case_participants as p')
    .innerJoin('case_persons as cp', 'cp.case_id', 'p.case_id')
    .select('p.case_id')
    .distinct()
    .where('p.tenant_id', '=', fact.tenant_id)
    .where('p.organization_id', '=', organizationId)
    .where('p.scope', '=', 'case')
    .where('cp.person_id', '=', fact.person_id);
  if (fact.case_id) cases = cases.where('p.case_id', '=', fact.case_id);
  const caseIds = (await cases.execute()).map((r) => r.case_id);
  if (caseIds.length === 0) return { ok: false, reason: 'notParticipating' };
  for (const caseId of caseIds) {
    const coverage = await consentCoverage(db, {
      tenantId: fact.tenant_id,
      personId: fact.person_id,
      caseId,
      organizationIds: [organizationId],
      onDate: today,
      categories: [consentCategoryOfKind(fact.kind)],
    });
    const consentId = coverage.get(organizationId);
    if (consentId) return { ok: true, legalBasis: 'consent', sourceId: consentId };
  }
  const meeting = await db
    .selectFrom('case_participants')
    .select('meeting_id')
    .where('tenant_id', '=', fact.tenant_id)
    .where('organization_id', '=', organizationId)
    .where('legal_basis', '=', 'article106_6')
    .where('case_id', 'in', caseIds)
    .where('meeting_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (meeting?.meeting_id) return { ok: true, legalBasis: 'article106_6', sourceId: meeting.meeting_id };
  return { ok: false, reason: 'noGround' };
}
