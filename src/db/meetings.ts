import type { Selectable, Transaction } from 'kysely';
import type { MeetingInput, MinutesInput } from '../contract/meetings.ts';
import * as clock from '../domain/clock.ts';
import { meetingVisible, type Viewer } from './access.ts';
import { type CaseHeader, caseHeaderColumns } from './caseHeader.ts';
import type { Executor } from './executor.ts';
import { insertNewRowReturning, insertNewRows } from './newRow.ts';
import type { DB, MeetingInvitationTable, MeetingKindTable, MeetingTable } from './schema.ts';

export type MeetingRow = Selectable<MeetingTable>;
export type InvitationRow = Selectable<MeetingInvitationTable>;
export type MeetingKindRow = Selectable<MeetingKindTable>;

/** Meetings (`m`) with their kind (`k`): what every read of a meeting starts from. */
export function meetingsWithKind(db: Executor) {
  return db.selectFrom('meetings as m').innerJoin('meeting_kinds as k', 'k.id', 'm.kind_id');
}

/**
 * A meeting as the calendar and the task lists show it, from `meetings as m` joined with
 * `meeting_kinds as k` and `cases as c`.
 */
export const meetingEntryColumns = [
  'm.id',
  'm.case_id',
  'c.case_number',
  'm.title',
  'k.name as kind_name',
  'm.legal_basis',
  'm.scheduled_at',
  'm.status',
] as const;

/** An active meeting kind of the tenant. */
export async function findMeetingKind(
  db: Executor,
  tenantId: string,
  kindId: string,
): Promise<MeetingKindRow | undefined> {
  return db
    .selectFrom('meeting_kinds')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', kindId)
    .where('active', '=', true)
    .executeTakeFirst();
}

export interface VisibleMeetingRow extends MeetingRow, CaseHeader {
  kind_code: string;
  kind_name: string;
  person_family_name: string;
  person_given_name: string;
}

/**
 * The meeting with this id if the viewer may see it (meetingVisible in the WHERE: the case is
 * visible to them, or they were invited), with its kind and a minimal case header.
 */
export async function findVisibleMeeting(
  db: Executor,
  viewer: Viewer,
  meetingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<VisibleMeetingRow | undefined> {
  let query = meetingsWithKind(db)
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .innerJoin('persons as p', 'p.id', 'c.primary_person_id')
    .selectAll('m')
    .select([
      'k.code as kind_code',
      'k.name as kind_name',
      ...caseHeaderColumns,
      'p.family_name as person_family_name',
      'p.given_name as person_given_name',
    ])
    .where('m.tenant_id', '=', viewer.tenantId)
    .where('m.id', '=', meetingId)
    .where(meetingVisible(viewer, 'm.id', 'm.case_id'));
  if (options.forUpdate) query = query.forUpdate(['m']);
  return query.executeTakeFirst();
}

/** The invitations of a meeting, in the order they were made. */
export async function invitationsOf(
  db: Executor,
  tenantId: string,
  meetingId: string,
): Promise<InvitationRow[]> {
  return db
    .selectFrom('meeting_invitations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertMeeting(
  tx: Transaction<DB>,
  values: {
    tenantId: string;
    caseId: string;
    kind: MeetingKindRow;
    createdBy: string;
    input: MeetingInput;
  },
): Promise<MeetingRow> {
  const { input } = values;
  const meeting = await insertNewRowReturning(tx, 'meetings', {
    tenant_id: values.tenantId,
    case_id: values.caseId,
    kind_id: values.kind.id,
    legal_basis: values.kind.legal_basis,
    title: input.title,
    scheduled_at: new Date(input.scheduledAt),
    place: input.place || null,
    agenda: input.agenda || null,
    status: 'scheduled',
    created_by: values.createdBy,
  });
  const now = clock.now().getTime();
  await insertNewRows(
    tx,
    'meeting_invitations',
    input.invitedOrganizationIds.map((organizationId, index) => ({
      tenant_id: values.tenantId,
      meeting_id: meeting.id,
      organization_id: organizationId,
      attended: null,
      attendee_name: null,
      deputy_name: null,
      acknowledged_at: null,
      acknowledged_by: null,
      // keep the order the coordinator chose
      created_at: new Date(now + index),
    })),
  ).execute();
  return meeting;
}

/** Record an invitee organisation's 守秘義務 acknowledgement; undefined if it was already recorded. */
export async function acknowledgeInvitation(
  tx: Transaction<DB>,
  values: { tenantId: string; meetingId: string; organizationId: string; userId: string },
): Promise<InvitationRow | undefined> {
  return tx
    .updateTable('meeting_invitations')
    .set({ acknowledged_at: clock.now(), acknowledged_by: values.userId })
    .where('tenant_id', '=', values.tenantId)
    .where('meeting_id', '=', values.meetingId)
    .where('organization_id', '=', values.organizationId)
    .where('acknowledged_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Mark a meeting held with its minutes, and each invitation's attendance; an invited organisation
 * missing from `attendance` is recorded as absent.
 */
export async function recordMinutes(
  tx: Transaction<DB>,
  values: { tenantId: string; meetingId: string; input: MinutesInput },
): Promise<void> {
  const { input } = values;
  await tx
    .updateTable('meetings')
    .set({
      status: 'held',
      held_at: new Date(input.heldAt),
      minutes: input.minutes,
      decisions: input.decisions || null,
    })
    .where('tenant_id', '=', values.tenantId)
    .where('id', '=', values.meetingId)
    .execute();
  await tx
    .updateTable('meeting_invitations')
    .set({ attended: false, attendee_name: null, deputy_name: null })
    .where('tenant_id', '=', values.tenantId)
    .where('meeting_id', '=', values.meetingId)
    .execute();
  for (const row of input.attendance) {
    await tx
      .updateTable('meeting_invitations')
      .set({
        attended: row.attended,
        attendee_name: row.attendeeName || null,
        deputy_name: row.deputyName || null,
      })
      .where('tenant_id', '=', values.tenantId)
      .where('meeting_id', '=', values.meetingId)
      .where('organization_id', '=', row.organizationId)
      .execute();
  }
}
