import type { Selectable, Transaction } from 'kysely';
import { fiscalYearRange } from '../domain/fiscalYear.ts';
import {
  baseKeyOf,
  type CommunityTotals,
  cleanOrganizationNames,
  communityTotals,
} from '../domain/resources/community.ts';
import type { Executor } from './executor.ts';
import { insertNewRow } from './newRow.ts';
import type { CommunityActivitySessionTable, CommunityActivityTable } from './resourceSchema.ts';
import type { DB } from './schema.ts';

export type CommunityActivityRow = Selectable<CommunityActivityTable> & { resource_name: string | null };
export type CommunitySessionRow = Selectable<CommunityActivitySessionTable>;

export interface CommunityActivityValues {
  name: string;
  kind: string;
  placeName: string;
  resourceId: string | null;
  schoolDistrict: string | null;
  district: string | null;
  organizer: string | null;
  note: string | null;
  active: boolean;
}

function activities(db: Executor, tenantId: string) {
  return db
    .selectFrom('community_activities as a')
    .leftJoin('resources as r', 'r.id', 'a.resource_id')
    .selectAll('a')
    .select('r.name as resource_name')
    .where('a.tenant_id', '=', tenantId);
}

export async function listCommunityActivities(
  db: Executor,
  tenantId: string,
): Promise<CommunityActivityRow[]> {
  return activities(db, tenantId).orderBy('a.name').orderBy('a.id').execute();
}

export async function findCommunityActivity(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<CommunityActivityRow | undefined> {
  return activities(db, tenantId).where('a.id', '=', id).executeTakeFirst();
}

/** The sessions of the tenant's activities held between two days (inclusive), or of one activity. */
export async function communitySessions(
  db: Executor,
  tenantId: string,
  filter: { from?: string; to?: string; activityId?: string },
): Promise<CommunitySessionRow[]> {
  let query = db.selectFrom('community_activity_sessions').selectAll().where('tenant_id', '=', tenantId);
  if (filter.from) query = query.where('held_on', '>=', filter.from);
  if (filter.to) query = query.where('held_on', '<=', filter.to);
  if (filter.activityId) query = query.where('activity_id', '=', filter.activityId);
  return query.orderBy('held_on', 'desc').orderBy('created_at', 'desc').execute();
}

/**
 * The 地域づくり indicators (拠点数, 参加者数, 参加機関数) of the sessions held between two days, city-wide:
 * for the activity list, the 年度 statistics and nothing person-level.
 */
export async function communityTotalsBetween(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<CommunityTotals> {
  const rows = await db
    .selectFrom('community_activity_sessions as s')
    .innerJoin('community_activities as a', 'a.id', 's.activity_id')
    .select(['a.resource_id', 'a.place_name', 's.participants', 's.organizations'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.held_on', '>=', from)
    .where('s.held_on', '<=', to)
    .execute();
  return communityTotals(
    rows.map((r) => ({
      baseKey: baseKeyOf({ resourceId: r.resource_id, placeName: r.place_name }),
      participants: r.participants,
      organizations: r.organizations,
    })),
  );
}

export async function communityTotalsOfYear(
  db: Executor,
  tenantId: string,
  fiscalYear: number,
): Promise<CommunityTotals> {
  const { start, end } = fiscalYearRange(fiscalYear);
  return communityTotalsBetween(db, tenantId, start, end);
}

/** An activity's columns as its form gives them (the same on creating and on editing). */
function activityColumns(values: CommunityActivityValues) {
  return {
    name: values.name,
    kind: values.kind,
    place_name: values.placeName,
    resource_id: values.resourceId,
    school_district: values.schoolDistrict,
    district: values.district,
    organizer: values.organizer,
    note: values.note,
    active: values.active,
  };
}

export async function insertCommunityActivity(
  tx: Transaction<DB>,
  tenantId: string,
  userId: string,
  values: CommunityActivityValues,
): Promise<string> {
  return insertNewRow(tx, 'community_activities', {
    tenant_id: tenantId,
    ...activityColumns(values),
    created_by: userId,
  });
}

export async function updateCommunityActivity(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  values: CommunityActivityValues,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('community_activities')
    .set({ ...activityColumns(values), updated_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function insertCommunitySession(
  tx: Transaction<DB>,
  input: {
    tenantId: string;
    activityId: string;
    heldOn: string;
    participants: number;
    organizations: readonly string[];
    note: string | null;
    recordedBy: string;
  },
): Promise<string> {
  return insertNewRow(tx, 'community_activity_sessions', {
    tenant_id: input.tenantId,
    activity_id: input.activityId,
    held_on: input.heldOn,
    participants: input.participants,
    organizations: cleanOrganizationNames(input.organizations),
    note: input.note,
    recorded_by: input.recordedBy,
  });
}
