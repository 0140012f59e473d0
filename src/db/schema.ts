import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CaseStage } from '../domain/caseStage.ts';
import type { OrganizationKind } from '../domain/organization.ts';
import type { Role } from '../domain/permissions.ts';
import type { ResourceTables } from './resourceSchema.ts';

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
  /** Migration 2302: the administrator requires a new password at the next sign-in. */
  must_change_password: Generated<boolean>;
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
  chain: number;
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
  /** Set on events written before migration 1501 (their own chain, ADR 0004); null since (sealed, ADR 0009). */
  prev_hash: string | null;
  hash: string | null;
}

/** An event committed and waiting for its seal (ADR 0009). */
export interface AuditPendingTable {
  seq: string;
  /** The tenant's id as text, or 'none' (as audit_chain_heads and audit_seals). */
  scope: string;
}

/** One link of a scope's seal chain (ADR 0009). */
export interface AuditSealTable {
  scope: string;
  position: string;
  event_seq: string;
  prev_hash: string;
  hash: string;
  sealed_at: Generated<Date>;
}

export interface AuditSealHeadTable {
  scope: string;
  position: string;
  hash: string;
}

/** A calendar date column: always 'YYYY-MM-DD' strings in and out (see database.ts type parsers). */
type DateColumn = string;
type TextArray<T extends string = string> = ColumnType<T[], T[], T[]>;

export interface MeetingKindTable {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  legal_basis: 'article106_6' | 'consent';
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface PersonPhone {
  label: string;
  number: string;
}

export interface PersonTable {
  id: string;
  tenant_id: string;
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
  kana_key: string;
  /** Since migration 1001: kasane_name_key(family_name || given_name), kept by the database (src/domain/nameKey.ts). */
  name_key: ColumnType<string, never, never>;
  birth_date: DateColumn | null;
  sex: string;
  postal_code: string | null;
  address: string | null;
  phones: Json<PersonPhone[]>;
  addressee_number: string | null;
  registered_by_organization_id: string;
  /** Since migration 1101: a genogram draws the dead too. */
  deceased: Generated<boolean>;
  died_on: DateColumn | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface HouseholdTable {
  id: string;
  tenant_id: string;
  created_at: CreatedAt;
}

export interface HouseholdMemberTable {
  id: string;
  tenant_id: string;
  household_id: string;
  person_id: string;
  relation: string;
  living_together: boolean;
  from_date: DateColumn | null;
  to_date: DateColumn | null;
  note: string | null;
  /** Since migration 1101: a person the support is for (本人; several for a household case). */
  supported: Generated<boolean>;
  created_at: CreatedAt;
}

export type HouseholdRelationKind = 'parentChild' | 'spouse' | 'exSpouse' | 'sibling' | 'cohabiting';

/** A kinship edge between two members (parentChild: person_id is the parent). Migration 1101. */
export interface HouseholdRelationTable {
  id: string;
  tenant_id: string;
  household_id: string;
  person_id: string;
  related_person_id: string;
  kind: HouseholdRelationKind;
  created_at: CreatedAt;
}

export type TieStrength = 'strong' | 'normal' | 'weak';

/** An ecomap edge: the household (or one member) and an organisation or informal support. Migration 1101. */
export interface HouseholdTieTable {
  id: string;
  tenant_id: string;
  household_id: string;
  position: number;
  kind: string;
  organization_id: string | null;
  name: string | null;
  person_id: string | null;
  strength: TieStrength;
  stressful: boolean;
  note: string | null;
  created_at: CreatedAt;
}

/** 支援経過記録: a visit, call, accompaniment or meeting, written by any organisation taking part. */
export interface ProgressNoteTable {
  id: string;
  tenant_id: string;
  case_id: string;
  organization_id: string;
  recorded_by: string;
  occurred_at: Date;
  kind: string;
  counterpart: string | null;
  content: string;
  created_at: CreatedAt;
}

export interface Visitor {
  name: string;
  relation: string;
  phone?: string;
}

export type ConsultationOutcome = 'ownAgency' | 'referral' | 'handover';
export type ConsultationStatus = 'open' | 'referred' | 'handedOver' | 'closed';

export interface ConsultationTable {
  id: string;
  tenant_id: string;
  organization_id: string;
  received_on: DateColumn;
  received_by: string;
  /** Null once the consultation is disposed (migration 2301); read as a string, as cases.primary_person_id. */
  person_id: ColumnType<string, string, string | null>;
  household_id: string;
  visitor: Json<Visitor | null>;
  channel: string;
  topics: TextArray;
  main_topic: string;
  content: string;
  wishes: string | null;
  consent_to_share: boolean;
  outcome: ConsultationOutcome;
  status: ConsultationStatus;
  closed_at: Date | null;
  close_note: string | null;
  closed_by: string | null;
  created_at: CreatedAt;
  /** Migration 2301: when the consultation's personal data was disposed (docs/retention.md). */
  disposed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** Two person rows a coordinator recorded as the same human (never merged; one row per pair). */
export interface PersonLinkTable {
  id: string;
  tenant_id: string;
  person_id: string;
  duplicate_of_id: string;
  linked_by: string;
  created_at: CreatedAt;
}

export type DecisionStatus = 'pending' | 'accepted' | 'declined' | 'returned';

export interface ReferralTable {
  id: string;
  tenant_id: string;
  consultation_id: string;
  from_organization_id: string;
  to_organization_id: string;
  note: string | null;
  legal_basis: 'consent' | 'article106_6';
  status: 'pending' | 'accepted' | 'declined';
  decided_by: string | null;
  decided_at: Date | null;
  decline_reason: string | null;
  created_at: CreatedAt;
}

export interface HandoverTable {
  id: string;
  tenant_id: string;
  consultation_id: string;
  from_organization_id: string;
  to_organization_id: string;
  reason: string;
  services_tried: string;
  status: 'pending' | 'accepted' | 'returned';
  decided_by: string | null;
  decided_at: Date | null;
  return_reason: string | null;
  case_id: string | null;
  created_at: CreatedAt;
}

export interface CaseTable {
  id: string;
  tenant_id: string;
  case_number: string;
  household_id: string;
  /**
   * Null once the case is disposed (migration 2301: an anonymous row kept for the statistics). Read
   * as a string: queries that read it exclude disposed cases (disposed_at IS NULL or a join to persons).
   */
  primary_person_id: ColumnType<string, string, string | null>;
  stage: CaseStage;
  coordinating_organization_id: string;
  lead_organization_id: string | null;
  accepted_on: DateColumn;
  next_monitoring_on: DateColumn | null;
  closed_on: DateColumn | null;
  closure_reason: string | null;
  closure_evaluation: string | null;
  /** The worker carrying the case in its organisation (担当職員); added by migration 0009. */
  assigned_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Migration 2301: when the case's personal data was disposed (docs/retention.md). */
  disposed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Migration 2301: a hold keeps a closed case off the disposal list (e.g. a lawsuit). */
  retention_hold_reason: ColumnType<string | null, string | null | undefined, string | null>;
  retention_hold_by: ColumnType<string | null, string | null | undefined, string | null>;
  retention_hold_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Migration 20261203_0201: the latest contact entry of the timeline, kept by triggers (never written by Kasane). */
  last_contact_at: ColumnType<Date | null, never, never>;
  /** Migration 20261205_2101: the latest 課題整理's household flags and issues, kept by triggers (never written by Kasane). */
  assessed_household_flags: ColumnType<string[] | null, never, never>;
  assessed_issues: ColumnType<string[] | null, never, never>;
}

export interface CasePersonTable {
  case_id: string;
  person_id: string;
  tenant_id: string;
  is_target: boolean;
}

export type ParticipationBasis = 'intake' | 'coordinator' | 'planItem' | 'meeting' | 'lead' | 'referral';
export type ParticipationScope = 'case' | 'meeting';

export interface CaseParticipantTable {
  id: string;
  tenant_id: string;
  case_id: string;
  organization_id: string;
  basis: ParticipationBasis;
  scope: ParticipationScope;
  meeting_id: string | null;
  legal_basis: 'consent' | 'article106_6' | 'intake' | 'coordination';
  source_id: string | null;
  created_at: CreatedAt;
}

export interface MeetingTable {
  id: string;
  tenant_id: string;
  case_id: string;
  kind_id: string;
  legal_basis: 'article106_6' | 'consent';
  title: string;
  scheduled_at: Date;
  place: string | null;
  agenda: string | null;
  status: 'scheduled' | 'held';
  held_at: Date | null;
  minutes: string | null;
  decisions: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface MeetingInvitationTable {
  id: string;
  tenant_id: string;
  meeting_id: string;
  organization_id: string;
  attended: boolean | null;
  attendee_name: string | null;
  deputy_name: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  created_at: CreatedAt;
}

export interface ConsentTable {
  id: string;
  tenant_id: string;
  person_id: string;
  case_id: string | null;
  organization_ids: TextArray;
  categories: TextArray;
  given_on: DateColumn;
  method: string;
  witness: string | null;
  expires_on: DateColumn | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  recorded_by: string;
  created_at: CreatedAt;
  /** Since migration 0007: the day the person withdrew, who recorded it, and who lost access. */
  withdrawn_on: DateColumn | null;
  withdrawn_by: string | null;
  withdrawal_effects: ColumnType<ConsentWithdrawalEffect[] | null, string | null, string | null>;
}

/** Per case: the organisations whose only ground to take part was the withdrawn consent. */
export interface ConsentWithdrawalEffect {
  caseId: string;
  organizationIds: string[];
}

export interface ConsentScanTable {
  id: string;
  tenant_id: string;
  consent_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type SensitiveFactKind = 'offence' | 'illness' | 'disability' | 'dvVictim';

export interface SensitiveFactTable {
  id: string;
  tenant_id: string;
  person_id: string;
  case_id: string | null;
  kind: SensitiveFactKind;
  subtype: string | null;
  summary: string;
  details: string | null;
  recorded_by: string;
  recorded_by_organization_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SensitiveFactGrantTable {
  id: string;
  tenant_id: string;
  fact_id: string;
  organization_id: string;
  reason: string;
  /** 'recorder' (the recording organisation), 'consent' (source_id = consent) or 'article106_6' (source_id = meeting). */
  legal_basis: 'recorder' | 'consent' | 'article106_6';
  source_id: string | null;
  granted_by: string;
  granted_at: ColumnType<Date, Date | string | undefined, never>;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export interface AssessmentRelation {
  from: string;
  to: string;
  kind: string;
  note?: string;
}

export interface AssessmentTable {
  id: string;
  tenant_id: string;
  case_id: string;
  version: number;
  issues: TextArray;
  household_flags: TextArray;
  summary: string | null;
  wishes: string | null;
  strengths: string | null;
  relations: Json<AssessmentRelation[]>;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface SupportPlanTable {
  id: string;
  tenant_id: string;
  case_id: string;
  version: number;
  status: 'draft' | 'approved' | 'superseded';
  wishes: string;
  long_term_goal: string;
  short_term_goals: string;
  next_monitoring_on: DateColumn;
  decided_meeting_id: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  created_by: string;
  created_at: CreatedAt;
  /** Migration 20261205_2102: the links of its items, each once, kept by triggers (never written by Kasane). */
  item_links: ColumnType<string[], never, never>;
}

export interface PlanItemTable {
  id: string;
  tenant_id: string;
  plan_id: string;
  case_id: string;
  position: number;
  content: string;
  organization_id: string;
  frequency: string | null;
  period_from: DateColumn | null;
  period_to: DateColumn | null;
  links: TextArray;
  programme_id: string | null;
  /** a resource of the 社会資源 directory the item names, if any */
  resource_id: string | null;
  created_at: CreatedAt;
  /** Migration 20261203_0201: the latest support report's day, kept by triggers (never written by Kasane). */
  last_reported_on: ColumnType<DateColumn | null, never, never>;
  /** Migration 20261205_2103: the day its next report is counted from while it can be due, kept by triggers (never written by Kasane). */
  report_base_on: ColumnType<DateColumn | null, never, never>;
}

export interface SupportReportTable {
  id: string;
  tenant_id: string;
  case_id: string;
  plan_item_id: string;
  organization_id: string;
  reported_by: string;
  supported_on: DateColumn;
  content: string;
  result: string;
  created_at: CreatedAt;
}

export interface MonitoringItemResult {
  planItemId: string;
  progress: string;
  note?: string;
}

export interface MonitoringTable {
  id: string;
  tenant_id: string;
  case_id: string;
  plan_id: string;
  conducted_on: DateColumn;
  item_results: Json<MonitoringItemResult[]>;
  decision: 'continue' | 'revise' | 'close' | 'suspend';
  note: string | null;
  next_monitoring_on: DateColumn | null;
  closure_reason: string | null;
  closure_evaluation: string | null;
  suspension_reason: string | null;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface CaseEventTable {
  id: string;
  tenant_id: string;
  case_id: string;
  occurred_at: Date;
  kind: string;
  actor_user_id: string | null;
  actor_organization_id: string | null;
  subject_id: string | null;
  summary: string;
  details: Json<Record<string, unknown>>;
  /** When the entry was written (occurred_at: when it happened). Migration 1101. */
  recorded_at: Generated<Date>;
}

export interface CaseNumberCounterTable {
  tenant_id: string;
  fiscal_year: number;
  last_number: number;
}

export interface AuditChainHeadTable {
  scope: string;
  chain: number;
  last_seq: string;
  hash: string;
}

export interface RecidivismPlanTable {
  id: string;
  tenant_id: string;
  name: string;
  period_from_fiscal_year: number;
  period_to_fiscal_year: number;
  parent_plan: string | null;
  legal_basis: string;
  target_population: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ChallengeTable {
  id: string;
  tenant_id: string;
  plan_id: string;
  position: number;
  title: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProgrammeIndicator {
  name: string;
  unit?: string;
}

export interface ProgrammeTable {
  id: string;
  tenant_id: string;
  plan_id: string;
  name: string;
  summary: string;
  responsible_section_id: string;
  related_organization_ids: ColumnType<string[], string[] | undefined, string[]>;
  indicators: ColumnType<ProgrammeIndicator[], string | undefined, string>;
  external_key: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProgrammeChallengeTable {
  tenant_id: string;
  programme_id: string;
  challenge_id: string;
  is_repeat: boolean;
}

export interface EvaluationScaleTable {
  id: string;
  tenant_id: string;
  code: string;
  label: string;
  sort_order: number;
  created_at: CreatedAt;
}

export interface ProgrammeProgressTable {
  id: string;
  tenant_id: string;
  programme_id: string;
  fiscal_year: number;
  status_text: string;
  /** numeric: read back as a string to keep its precision */
  result_value: ColumnType<string | null, string | number | null, string | number | null>;
  result_unit: string | null;
  evaluation: string | null;
  issues_direction: string;
  updated_by: string;
  updated_at: UpdatedAt;
  created_at: CreatedAt;
}

export interface ProgressYearLockTable {
  tenant_id: string;
  plan_id: string;
  fiscal_year: number;
  locked_by: string;
  locked_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A lifted year lock: whose lock it was and who lifted it, when and why. */
export interface ProgressYearUnlockTable {
  id: string;
  tenant_id: string;
  plan_id: string;
  fiscal_year: number;
  locked_by: string;
  locked_at: Date;
  unlocked_by: string;
  unlocked_at: ColumnType<Date, Date | string | undefined, never>;
  reason: string;
}

/** A file attached to a council meeting (会議資料). */
export interface CouncilMeetingAttachmentTable {
  id: string;
  tenant_id: string;
  meeting_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  content: Uint8Array;
  uploaded_by: string;
  created_at: CreatedAt;
}

export interface CouncilMemberTable {
  id: string;
  tenant_id: string;
  organization_id: string;
  representative: string;
  sort_order: Generated<number>;
  term_from: DateColumn;
  term_to: DateColumn | null;
  created_at: CreatedAt;
}

export interface CouncilMeetingTable {
  id: string;
  tenant_id: string;
  held_at: Date;
  place: string;
  is_open: boolean;
  observers_count: number;
  observers_note: string | null;
  agenda: string;
  minutes: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface CouncilMeetingAttendeeTable {
  id: string;
  tenant_id: string;
  meeting_id: string;
  organization_id: string;
  attendee_name: string;
  is_deputy: boolean;
  created_at: CreatedAt;
}

export type OpinionFollowUp = 'open' | 'inProgress' | 'done';

export interface OpinionTable {
  id: string;
  tenant_id: string;
  organization_id: string;
  meeting_id: string | null;
  content: string;
  challenge_id: string | null;
  programme_id: string | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  follow_up_status: ColumnType<OpinionFollowUp, OpinionFollowUp | undefined, OpinionFollowUp>;
  created_by: string;
  created_at: CreatedAt;
}

// Accounts and sessions (migration 0009)
export interface TenantSettingsTable {
  tenant_id: string;
  totp_required_for_staff: Generated<boolean>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface UserTotpTable {
  user_id: string;
  tenant_id: string;
  /** AES-256-GCM, see src/server/secretBox.ts */
  secret_encrypted: string;
  activated_at: Date | null;
  /** bigint: pg returns it as a string */
  last_used_step: ColumnType<string | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
}

export interface TotpRecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface SignInChallengeTable {
  id: string; // SHA-256 of the cookie token
  tenant_id: string;
  user_id: string;
  ip: string | null;
  user_agent: string | null;
  failed_attempts: Generated<number>;
  created_at: CreatedAt;
  expires_at: Date;
  consumed_at: Date | null;
}

export interface DB extends ResourceTables {
  tenants: TenantTable;
  audit_chain_heads: AuditChainHeadTable;
  organizations: OrganizationTable;
  users: UserTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  audit_pending: AuditPendingTable;
  audit_seals: AuditSealTable;
  audit_seal_heads: AuditSealHeadTable;
  meeting_kinds: MeetingKindTable;
  persons: PersonTable;
  person_links: PersonLinkTable;
  households: HouseholdTable;
  household_members: HouseholdMemberTable;
  household_relations: HouseholdRelationTable;
  household_ties: HouseholdTieTable;
  progress_notes: ProgressNoteTable;
  consultations: ConsultationTable;
  referrals: ReferralTable;
  handovers: HandoverTable;
  cases: CaseTable;
  case_persons: CasePersonTable;
  case_participants: CaseParticipantTable;
  meetings: MeetingTable;
  meeting_invitations: MeetingInvitationTable;
  consents: ConsentTable;
  assessments: AssessmentTable;
  support_plans: SupportPlanTable;
  plan_items: PlanItemTable;
  support_reports: SupportReportTable;
  monitorings: MonitoringTable;
  case_events: CaseEventTable;
  case_number_counters: CaseNumberCounterTable;
  recidivism_plans: RecidivismPlanTable;
  challenges: ChallengeTable;
  programmes: ProgrammeTable;
  programme_challenges: ProgrammeChallengeTable;
  evaluation_scale: EvaluationScaleTable;
  programme_progress: ProgrammeProgressTable;
  progress_year_locks: ProgressYearLockTable;
  progress_year_unlocks: ProgressYearUnlockTable;
  council_meeting_attachments: CouncilMeetingAttachmentTable;
  council_members: CouncilMemberTable;
  council_meetings: CouncilMeetingTable;
  council_meeting_attendees: CouncilMeetingAttendeeTable;
  opinions: OpinionTable;
  tenant_settings: TenantSettingsTable;
  user_totp: UserTotpTable;
  totp_recovery_codes: TotpRecoveryCodeTable;
  sign_in_challenges: SignInChallengeTable;
  consent_scans: ConsentScanTable;
  sensitive_facts: SensitiveFactTable;
  sensitive_fact_grants: SensitiveFactGrantTable;
  rate_limit_windows: RateLimitWindowTable;
  retention_rules: RetentionRulesTable;
  disposals: DisposalTable;
}

/** The city's retention periods (migration 2301; defaults in src/domain/retention.ts). */
export interface RetentionRulesTable {
  tenant_id: string;
  case_years: number;
  consultation_years: number;
  person_years: number;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

/** One approved disposal, without personal data (migration 2301). */
export interface DisposalTable {
  id: string;
  tenant_id: string;
  approved_by: string;
  approved_at: Date;
  as_of: DateColumn;
  case_count: number;
  consultation_count: number;
  person_count: number;
  case_numbers: TextArray;
  rules: Json<{ caseYears: number; consultationYears: number; personYears: number }>;
}

/** A fixed window of a rate limit (src/db/rateLimits.ts): `count` events until `expires_at`. */
export interface RateLimitWindowTable {
  key: string;
  count: number;
  expires_at: Date;
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type UserRow = Selectable<UserTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
