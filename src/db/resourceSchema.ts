import type { ColumnType } from 'kysely';
import type { DirectoryContact, DirectoryLocation, DirectorySchedule } from '../domain/resources/hsds.ts';

/**
 * Tables of the 社会資源 directory and of 参加支援・アウトリーチ・地域づくり (issue #12; docs/resources.md),
 * joined into `DB` in schema.ts.
 */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type TextArray = ColumnType<string[], string[], string[]>;
type DateColumn = string;

/** The parts of a resource stored as JSON columns: as the directory (HSDS) holds them. */
export type StoredResourceLocation = DirectoryLocation;
export type StoredResourceSchedule = DirectorySchedule;
export type StoredResourceContact = DirectoryContact;

export interface ResourceOrganizationTable {
  id: string;
  tenant_id: string;
  hsds_id: string;
  name: string;
  alternate_name: string | null;
  description: ColumnType<string, string | undefined, string>;
  email: string | null;
  website: string | null;
  phone: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ResourceTable {
  id: string;
  tenant_id: string;
  hsds_id: string;
  resource_organization_id: string;
  name: string;
  alternate_name: string | null;
  description: ColumnType<string, string | undefined, string>;
  status: string;
  kinds: TextArray;
  needs: TextArray;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  fees_description: string | null;
  application_process: string | null;
  url: string | null;
  email: string | null;
  phone: string | null;
  locations: Json<StoredResourceLocation[]>;
  schedules: Json<StoredResourceSchedule[]>;
  contacts: Json<StoredResourceContact[]>;
  school_districts: TextArray;
  districts: TextArray;
  assured_on: DateColumn | null;
  last_modified: UpdatedAt;
  updated_by: string | null;
  created_at: CreatedAt;
}

export interface HsdsApiTokenTable {
  id: string;
  tenant_id: string;
  label: string;
  token_hash: string;
  created_by: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

export interface PlacementTable {
  id: string;
  tenant_id: string;
  case_id: string;
  /** Null once its case is disposed (migration 2301); read as a string, as cases.primary_person_id. */
  person_id: ColumnType<string, string, string | null>;
  resource_id: string;
  plan_item_id: string | null;
  organization_id: string;
  kind: string;
  stage: string;
  note: string | null;
  started_on: DateColumn | null;
  ended_on: DateColumn | null;
  end_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface PlacementEventTable {
  id: string;
  tenant_id: string;
  placement_id: string;
  kind: string;
  occurred_on: DateColumn;
  party: string | null;
  end_reason: string | null;
  note: string | null;
  organization_id: string;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface OutreachContactTable {
  id: string;
  tenant_id: string;
  consultation_id: string | null;
  case_id: string | null;
  organization_id: string;
  recorded_by: string;
  attempted_on: DateColumn;
  method: string;
  result: string;
  relationship: string;
  note: string | null;
  next_attempt_on: DateColumn | null;
  created_at: CreatedAt;
}

export interface CommunityActivityTable {
  id: string;
  tenant_id: string;
  name: string;
  kind: string;
  place_name: string;
  resource_id: string | null;
  school_district: string | null;
  district: string | null;
  organizer: string | null;
  note: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CommunityActivitySessionTable {
  id: string;
  tenant_id: string;
  activity_id: string;
  held_on: DateColumn;
  participants: number;
  organizations: TextArray;
  note: string | null;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface ResourceTables {
  community_activities: CommunityActivityTable;
  community_activity_sessions: CommunityActivitySessionTable;
  outreach_contacts: OutreachContactTable;
  placements: PlacementTable;
  placement_events: PlacementEventTable;
  resource_organizations: ResourceOrganizationTable;
  resources: ResourceTable;
  hsds_api_tokens: HsdsApiTokenTable;
}
