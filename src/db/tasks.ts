import { type Selectable, sql } from 'kysely';
import { caseVisible, consultationVisible, meetingVisible, type Viewer } from './access.ts';
import type { Executor } from './executor.ts';
import { meetingEntryColumns } from './meetings.ts';
import { personFullNameColumns } from './persons.ts';
import type { HandoverTable } from './schema.ts';

/** Each source of tasks is bounded; a user with more waiting than this has a backlog the UI can say so about. */
export const TASKS_PER_SOURCE = 200;

/** The columns handovers and referrals both have, as the pending lists read them. */
type SentConsultationColumns = Pick<
  Selectable<HandoverTable>,
  'id' | 'tenant_id' | 'consultation_id' | 'from_organization_id' | 'to_organization_id' | 'created_at'
> & { status: string };

/**
 * Handovers or referrals addressed to the viewer's organisation and still waiting for its decision,
 * with the consultation's person and the sending organisation, oldest first (handovers_to_idx,
 * referrals_to_idx).
 */
function pendingAddressedToMe(db: Executor, viewer: Viewer, table: 'handovers' | 'referrals') {
  return db
    .selectFrom(sql<SentConsultationColumns>`${sql.table(table)}`.as('s'))
    .innerJoin('consultations as con', 'con.id', 's.consultation_id')
    .innerJoin('persons as p', 'p.id', 'con.person_id')
    .innerJoin('organizations as fo', 'fo.id', 's.from_organization_id')
    .select([
      's.id',
      's.consultation_id',
      's.created_at',
      'con.person_id',
      'fo.name as from_name',
      ...personFullNameColumns,
    ])
    .where('s.tenant_id', '=', viewer.tenantId)
    .where('s.to_organization_id', '=', viewer.organizationId)
    .where('s.status', '=', 'pending')
    .where(consultationVisible(viewer, 'con.id', 'con.organization_id'))
    .orderBy('s.created_at')
    .limit(TASKS_PER_SOURCE);
}

/** Handovers waiting for the viewer's organisation to accept or return them, when it is the coordinating section. */
export async function pendingHandovers(db: Executor, viewer: Viewer) {
  return pendingAddressedToMe(db, viewer, 'handovers')
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM organizations me
        WHERE me.id = ${viewer.organizationId} AND me.is_coordinating_section)`,
    )
    .execute();
}

/** Referrals (つなぎ) waiting for the viewer's organisation to accept or decline them. */
export async function pendingReferrals(db: Executor, viewer: Viewer) {
  return pendingAddressedToMe(db, viewer, 'referrals').execute();
}

/**
 * Meetings the viewer's organisation is invited to that are still to come, or that are 支援会議
 * (article106_6) whose confidentiality the organisation has not yet acknowledged
 * (meeting_invitations_org_idx).
 */
export async function invitedMeetings(db: Executor, viewer: Viewer, startOfToday: Date) {
  return db
    .selectFrom('meeting_invitations as mi')
    .innerJoin('meetings as m', 'm.id', 'mi.meeting_id')
    .innerJoin('meeting_kinds as k', 'k.id', 'm.kind_id')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select([
      ...meetingEntryColumns,
      'mi.acknowledged_at',
      caseVisible(viewer, 'm.case_id').as('case_visible'),
    ])
    .where('mi.tenant_id', '=', viewer.tenantId)
    .where('mi.organization_id', '=', viewer.organizationId)
    .where((eb) =>
      eb.or([
        eb.and([eb('m.status', '=', 'scheduled'), eb('m.scheduled_at', '>=', startOfToday)]),
        eb.and([eb('m.legal_basis', '=', 'article106_6'), eb('mi.acknowledged_at', 'is', null)]),
      ]),
    )
    .where(meetingVisible(viewer, 'm.id', 'm.case_id'))
    .orderBy('m.scheduled_at')
    .limit(TASKS_PER_SOURCE)
    .execute();
}

/**
 * Open cases the viewer's organisation coordinates whose next monitoring falls before `before`
 * (cases_monitoring_due_idx).
 */
export async function monitoringDueCases(db: Executor, viewer: Viewer, before: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.primary_person_id')
    .select(['c.id', 'c.case_number', 'c.next_monitoring_on', ...personFullNameColumns])
    .where('c.tenant_id', '=', viewer.tenantId)
    .where('c.coordinating_organization_id', '=', viewer.organizationId)
    .where('c.next_monitoring_on', 'is not', null)
    .where('c.next_monitoring_on', '<', before)
    .where('c.stage', 'not in', ['closed', 'suspended'])
    .where(caseVisible(viewer, 'c.id'))
    .orderBy('c.next_monitoring_on')
    .limit(TASKS_PER_SOURCE)
    .execute();
}
