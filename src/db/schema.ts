import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { OrganizationKind } from '../domain/organization.ts';
import type { Role } from '../domain/permissions.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface TenantTable {
  id: string;
  code: string;
  name: string;
  created_at: CreatedAt;
}

export interface OrganizationContact {
  phone?: string;
  email?: string;
  address?: string;
}

export interface OrganizationTable {
  id: string;
  tenant_id: string;
  name: string;
  name_kana: string | null;
  kind: OrganizationKind;
  is_coordinating_section: boolean;
  is_council_member: boolean;
  contact: Json<OrganizationContact>;
  disabled_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserTable {
  id: string;
  tenant_id: string;
  organization_id: string;
  login_id: string;
  display_name: string;
  password_hash: string;
  roles: ColumnType<Role[], Role[], Role[]>;
  disabled_at: Date | null;
  failed_sign_in_count: Generated<number>;
  locked_until: Date | null;
  last_sign_in_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionTable {
  id: string; // SHA-256 of the cookie token; the token itself is never stored
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface AuditEventTable {
  seq: Generated<string>; // bigint identity, returned by pg as a string
  id: string;
  tenant_id: string | null;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_organization_id: string | null;
  actor_login_id: string | null;
  ip: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  person_id: string | null;
  case_id: string | null;
  legal_basis: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface DB {
  tenants: TenantTable;
  organizations: OrganizationTable;
  users: UserTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type UserRow = Selectable<UserTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
