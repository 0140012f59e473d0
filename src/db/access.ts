import { type RawBuilder, sql } from 'kysely';
import type { Executor } from './executor.ts';

/** The part of the signed-in actor that record access depends on. */
export interface Viewer {
  tenantId: string;
  organizationId: string;
}

/**
 * THE visibility predicate for cases (docs/domain.md "Access"): a case is visible to an organisation
 * while it takes part in it with case scope (took the consultation, is the coordinating section,
 * holds a plan item, was invited to a consent-based meeting, is the lead organisation).
 * Used by the per-record check and by every list, search, count and export: there is no second path.
 * `caseId` names the column holding the case id in the outer query, e.g. 'c.id'.
 */
export function caseVisible(viewer: Viewer, caseId: string): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM case_participants vis_cp
    WHERE vis_cp.tenant_id = ${viewer.tenantId}
      AND vis_cp.organization_id = ${viewer.organizationId}
      AND vis_cp.scope = 'case'
      AND vis_cp.case_id = ${sql.ref(caseId)})`;
}

/**
 * Whether the viewer's organisation takes part with case scope in every case of its tenant, as the
 * coordinating section does (every 事例 is opened by a handover to it): the cases it may see, from
 * the tallies the writes keep (visible_case_tallies, migration 20261205_2201), against all the
 * tenant's cases (case_tallies, migration 20261205_2001). Both are kept in the same transaction as
 * every write of a case or a participation and are read in the statement's own snapshot, so the
 * answer holds for exactly the rows that statement reads.
 */
function everyCaseVisible(viewer: Viewer): RawBuilder<boolean> {
  return sql<boolean>`((SELECT coalesce(sum(vis_vt.n), 0) FROM visible_case_tallies vis_vt
      WHERE vis_vt.tenant_id = ${viewer.tenantId} AND vis_vt.organization_id = ${viewer.organizationId})
    = (SELECT coalesce(sum(vis_ct.n), 0) FROM case_tallies vis_ct WHERE vis_ct.tenant_id = ${viewer.tenantId}))`;
}

/**
 * {@link caseVisible} for a statement that counts many of the viewer's cases at once (the home's
 * figures): the same cases, but an organisation that may see every case of its tenant skips the
 * check. For the coordinating section of a city the check is a semi-join with all its
 * participations, one per case (at ten times city scale, a hash of 50,000 rows built on every
 * request); the two tally sums are a few hundred rows, evaluated once per statement, and when they
 * agree the check is never run. Any other organisation gets caseVisible unchanged.
 */
export function caseVisibleInBulk(viewer: Viewer, caseId: string): RawBuilder<boolean> {
  return sql<boolean>`(${everyCaseVisible(viewer)} OR ${caseVisible(viewer, caseId)})`;
}

/** Bulk record check: which of these case ids may the viewer see? Deny by default. */
export async function visibleCaseIds(
  db: Executor,
  viewer: Viewer,
  caseIds: Iterable<string>,
): Promise<Set<string>> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('case_participants')
    .select('case_id')
    .distinct()
    .where('tenant_id', '=', viewer.tenantId)
    .where('organization_id', '=', viewer.organizationId)
    .where('scope', '=', 'case')
    .where('case_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.case_id));
}

/**
 * A meeting is visible to an organisation that may see its case, or that was invited to it as a
 * 支援会議 (article106_6: the invitee sees that meeting's papers and nothing else of the case).
 * An invitee to a consent-based 重層的支援会議 sees it only through the case, so a withdrawn
 * consent closes the meeting too.
 */
export function meetingVisible(viewer: Viewer, meetingId: string, caseId: string): RawBuilder<boolean> {
  return sql<boolean>`(${caseVisible(viewer, caseId)} OR EXISTS (
    SELECT 1 FROM meeting_invitations vis_mi
    JOIN meetings vis_m ON vis_m.id = vis_mi.meeting_id
    WHERE vis_mi.tenant_id = ${viewer.tenantId}
      AND vis_mi.organization_id = ${viewer.organizationId}
      AND vis_mi.meeting_id = ${sql.ref(meetingId)}
      AND vis_m.legal_basis = 'article106_6'))`;
}

/**
 * A consultation is visible to the counter that took it, to an organisation it was referred to
 * (while the referral is pending or accepted), to the organisation a handover was addressed to,
 * and to the organisations that may see the case it became.
 */
export function consultationVisible(
  viewer: Viewer,
  consultationId: string,
  organizationId: string,
): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(organizationId)} = ${viewer.organizationId}
    OR EXISTS (
      SELECT 1 FROM referrals vis_r
      WHERE vis_r.consultation_id = ${sql.ref(consultationId)}
        AND vis_r.to_organization_id = ${viewer.organizationId}
        AND vis_r.status IN ('pending', 'accepted'))
    OR EXISTS (
      SELECT 1 FROM handovers vis_h
      WHERE vis_h.consultation_id = ${sql.ref(consultationId)}
        AND (vis_h.to_organization_id = ${viewer.organizationId} OR ${caseVisible(viewer, 'vis_h.case_id')})))`;
}

/**
 * A person is visible to the organisation that registered them, and to an organisation that may
 * see a case they belong to or a consultation whose household they are in. `personId` names the
 * column in the outer query.
 */
export function personVisible(viewer: Viewer, personId: string): RawBuilder<boolean> {
  return sql<boolean>`(EXISTS (
      SELECT 1 FROM persons vis_p
      WHERE vis_p.id = ${sql.ref(personId)} AND vis_p.registered_by_organization_id = ${viewer.organizationId})
    OR EXISTS (
      SELECT 1 FROM case_persons vis_cps
      WHERE vis_cps.person_id = ${sql.ref(personId)} AND ${caseVisible(viewer, 'vis_cps.case_id')})
    OR EXISTS (
      SELECT 1 FROM household_members vis_hm
      JOIN consultations vis_c ON vis_c.household_id = vis_hm.household_id
      WHERE vis_hm.person_id = ${sql.ref(personId)}
        AND ${consultationVisible(viewer, 'vis_c.id', 'vis_c.organization_id')}))`;
}

/**
 * A consent is visible to whoever may see its person, unless it was given for a case the viewer
 * may not see. `alias` names the consents row's alias in the outer query, e.g. 'cn'.
 */
export function consentVisible(viewer: Viewer, alias: string): RawBuilder<boolean> {
  return sql<boolean>`(${personVisible(viewer, `${alias}.person_id`)}
    AND (${sql.ref(`${alias}.case_id`)} IS NULL OR ${caseVisible(viewer, `${alias}.case_id`)}))`;
}

/**
 * A 要配慮個人情報 fact is visible only to an organisation holding a grant of it in force (the
 * recording organisation holds one from the start) that may also see the person, and the case if
 * the fact belongs to one. Everyone else cannot learn it exists. `alias` names the
 * sensitive_facts row in the outer query, e.g. 'sf'.
 */
export function sensitiveFactVisible(viewer: Viewer, alias: string): RawBuilder<boolean> {
  return sql<boolean>`(EXISTS (
      SELECT 1 FROM sensitive_fact_grants vis_g
      WHERE vis_g.fact_id = ${sql.ref(`${alias}.id`)}
        AND vis_g.organization_id = ${viewer.organizationId}
        AND vis_g.revoked_at IS NULL)
    AND ${personVisible(viewer, `${alias}.person_id`)}
    AND (${sql.ref(`${alias}.case_id`)} IS NULL OR ${caseVisible(viewer, `${alias}.case_id`)}))`;
}
