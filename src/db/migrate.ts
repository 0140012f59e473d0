import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { databaseKindOf } from './database.ts';
import { withMigrationLock } from './migrationLock.ts';
import * as foundation from './migrations/20261126_0001_foundation.ts';
import * as supportFlow from './migrations/20261126_0002_support_flow.ts';
import * as intake from './migrations/20261126_0003_intake.ts';
import * as plansReportsMonitoring from './migrations/20261126_0005_plans_reports_monitoring.ts';
import * as recidivismPlan from './migrations/20261126_0006_recidivism_plan.ts';
import * as consentSensitiveFacts from './migrations/20261127_0007_consent_sensitive_facts.ts';
import * as auditViews from './migrations/20261127_0008_audit_views.ts';
import * as accounts from './migrations/20261127_0009_accounts.ts';
import * as recidivismScreens from './migrations/20261127_0011_recidivism_screens.ts';
import * as nameSearchKey from './migrations/20261202_1001_name_search_key.ts';
import * as householdsProgressNotes from './migrations/20261202_1101_households_progress_notes.ts';
import * as resourceDirectory from './migrations/20261202_1201_resource_directory.ts';
import * as placements from './migrations/20261202_1202_placements.ts';
import * as outreachContacts from './migrations/20261202_1203_outreach_contacts.ts';
import * as rateLimitWindows from './migrations/20261202_1301_rate_limit_windows.ts';
import * as auditSealing from './migrations/20261202_1501_audit_sealing.ts';
import * as policiesReadSettingOnce from './migrations/20261202_1502_policies_read_setting_once.ts';
import * as planItemResource from './migrations/20261202_2201_plan_item_resource.ts';
import * as communityActivities from './migrations/20261202_2250_community_activities.ts';
import * as retention from './migrations/20261202_2301_retention.ts';
import * as passwordChangeRequired from './migrations/20261202_2302_password_change_required.ts';
import * as reportIndexes from './migrations/20261203_0101_report_indexes.ts';
import * as consultationTallies from './migrations/20261203_0102_consultation_tallies.ts';
import * as lastContactAndReport from './migrations/20261203_0201_last_contact_and_report.ts';
import * as signInRecordExpiry from './migrations/20261205_1701_sign_in_record_expiry.ts';
import * as personSubstringSearch from './migrations/20261205_1901_person_substring_search.ts';
import * as handoverCaseTallies from './migrations/20261205_2001_handover_case_tallies.ts';
import * as latestAssessment from './migrations/20261205_2101_latest_assessment.ts';
import * as planLinks from './migrations/20261205_2102_plan_links.ts';
import * as reportBase from './migrations/20261205_2103_report_base.ts';
import * as participantVisibility from './migrations/20261205_2104_participant_visibility.ts';
import * as visibleCaseTallies from './migrations/20261205_2201_visible_case_tallies.ts';
import * as assessmentTallies from './migrations/20261206_1101_assessment_tallies.ts';
import { applyRowLevelSecurity } from './rowLevelSecurity.ts';
import type { DB } from './schema.ts';

/** Every migration, in order. Names are timestamped; migrations are forward-only. */
const migrations: Record<string, Migration> = {
  '20261126_0001_foundation': foundation,
  '20261126_0002_support_flow': supportFlow,
  '20261126_0003_intake': intake,
  '20261126_0005_plans_reports_monitoring': plansReportsMonitoring,
  '20261126_0006_recidivism_plan': recidivismPlan,
  '20261127_0008_audit_views': auditViews,
  '20261127_0009_accounts': accounts,
  '20261127_0007_consent_sensitive_facts': consentSensitiveFacts,
  '20261127_0011_recidivism_screens': recidivismScreens,
  '20261202_1101_households_progress_notes': householdsProgressNotes,
  '20261202_1001_name_search_key': nameSearchKey,
  '20261202_1201_resource_directory': resourceDirectory,
  '20261202_1202_placements': placements,
  '20261202_1203_outreach_contacts': outreachContacts,
  '20261202_1501_audit_sealing': auditSealing,
  '20261202_1301_rate_limit_windows': rateLimitWindows,
  '20261202_1502_policies_read_setting_once': policiesReadSettingOnce,
  '20261202_2201_plan_item_resource': planItemResource,
  '20261202_2250_community_activities': communityActivities,
  '20261202_2301_retention': retention,
  '20261202_2302_password_change_required': passwordChangeRequired,
  '20261203_0101_report_indexes': reportIndexes,
  '20261203_0102_consultation_tallies': consultationTallies,
  '20261203_0201_last_contact_and_report': lastContactAndReport,
  '20261205_1701_sign_in_record_expiry': signInRecordExpiry,
  '20261205_1901_person_substring_search': personSubstringSearch,
  '20261205_2001_handover_case_tallies': handoverCaseTallies,
  '20261205_2101_latest_assessment': latestAssessment,
  '20261205_2102_plan_links': planLinks,
  '20261205_2103_report_base': reportBase,
  '20261205_2104_participant_visibility': participantVisibility,
  '20261205_2201_visible_case_tallies': visibleCaseTallies,
  '20261206_1101_assessment_tallies': assessmentTallies,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The names of every migration this version of Kasane knows, in the order they apply. */
export const knownMigrations = (): string[] => Object.keys(migrations).sort();

/**
 * Bring the database to the latest schema. Throws with the failing migration's error. On
 * PostgreSQL the whole run (migrations and row-level security) holds an advisory lock, so nodes
 * starting together migrate once: the others wait and find the schema current (`migrationLock.ts`).
 */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  return withMigrationLock(db, databaseKindOf(db), () => migrateUnlocked(db));
}

async function migrateUnlocked(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider,
    migrationTableName: 'kasane_migrations',
    migrationLockTableName: 'kasane_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  // After every migration run, not as a migration: tables added by later migrations are covered too.
  await applyRowLevelSecurity(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
