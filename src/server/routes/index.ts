import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.ts';
import type { Config } from '../config.ts';
import type { SecretBox } from '../secretBox.ts';
import { assessmentRoutes } from './assessments.ts';
import { auditEventRoutes } from './auditEvents.ts';
import { caseRoutes } from './cases.ts';
import { communityRoutes } from './community.ts';
import { consentRoutes } from './consents.ts';
import { consultationRoutes } from './consultations.ts';
import { councilRoutes } from './council.ts';
import { councilAttachmentRoutes } from './councilAttachments.ts';
import { dashboardRoutes } from './dashboard.ts';
import { disclosureRoutes } from './disclosure.ts';
import { easyReadRoutes } from './easyRead.ts';
import { formRoutes } from './forms.ts';
import { handoverRoutes } from './handovers.ts';
import { healthRoutes } from './health.ts';
import { householdRoutes } from './households.ts';
import { hsdsRoutes } from './hsds.ts';
import { meetingKindRoutes } from './meetingKinds.ts';
import { meetingRoutes } from './meetings.ts';
import { monitoringRoutes } from './monitorings.ts';
import { organizationRoutes } from './organizations.ts';
import { outreachRoutes } from './outreach.ts';
import { personAccessLogRoutes } from './personAccessLog.ts';
import { personRoutes } from './persons.ts';
import { placementRoutes } from './placements.ts';
import { planRoutes } from './plans.ts';
import { printRoutes } from './prints.ts';
import { programmeProgressRoutes } from './programmeProgress.ts';
import { progressNoteRoutes } from './progressNotes.ts';
import { recidivismPlanRoutes } from './recidivismPlan.ts';
import { referralRoutes } from './referrals.ts';
import { resourceRoutes } from './resources.ts';
import { retentionRoutes } from './retention.ts';
import { sensitiveFactRoutes } from './sensitiveFacts.ts';
import { sessionRoutes } from './session.ts';
import { sessionListRoutes } from './sessions.ts';
import { statisticsRoutes } from './statistics.ts';
import { supportReportRoutes } from './supportReports.ts';
import { taskRoutes } from './tasks.ts';
import { tenantSettingsRoutes } from './tenantSettings.ts';
import { totpRoutes } from './totp.ts';
import { userSecurityRoutes } from './userSecurity.ts';
import { userRoutes } from './users.ts';

/** What route modules may be handed: the database, the configuration, the TOTP secret box. */
export interface RouteDeps {
  database: Database;
  config: Config;
  secretBox: SecretBox;
}

/**
 * Every API route module, in one list. A new module is added here and nowhere else; the access
 * gate (src/server/authentication.ts) refuses to start the server if one of its routes declares
 * no access.
 */
export function registerRoutes(app: FastifyInstance, { database, config, secretBox }: RouteDeps): void {
  const db = database.db;
  healthRoutes(app, database);
  // accounts and sessions
  sessionRoutes(app, db, config, secretBox);
  sessionListRoutes(app, db, config);
  totpRoutes(app, db, secretBox, 'Kasane');
  tenantSettingsRoutes(app, db);
  retentionRoutes(app, db);
  userSecurityRoutes(app, db);
  organizationRoutes(app, db);
  userRoutes(app, db);
  // the support flow
  personRoutes(app, db);
  consultationRoutes(app, db);
  referralRoutes(app, db);
  handoverRoutes(app, db);
  caseRoutes(app, db);
  assessmentRoutes(app, db);
  consentRoutes(app, db);
  meetingRoutes(app, db);
  planRoutes(app, db);
  supportReportRoutes(app, db);
  monitoringRoutes(app, db);
  taskRoutes(app, db);
  // role homes, the meeting calendar, statistics (issue 10)
  dashboardRoutes(app, db);
  statisticsRoutes(app, db);
  meetingKindRoutes(app, db);
  // households, progress notes, 帳票 (issue 11)
  householdRoutes(app, db);
  progressNoteRoutes(app, db);
  formRoutes(app, db);
  easyReadRoutes(app, db);
  // the recidivism plan and its council
  recidivismPlanRoutes(app, db, { publicCatalogue: config.publicCatalogue });
  programmeProgressRoutes(app, db);
  councilRoutes(app, db);
  councilAttachmentRoutes(app, db);
  // privacy: prints, the audit trail, access logs, 開示請求, sensitive facts
  printRoutes(app, db);
  auditEventRoutes(app, db, { maxExportRows: config.auditExportMaxRows });
  personAccessLogRoutes(app, db);
  disclosureRoutes(app, db);
  sensitiveFactRoutes(app, db);
  // 社会資源, 参加支援, アウトリーチ, 地域づくり (issue 12)
  resourceRoutes(app, db);
  hsdsRoutes(app, db, { publicDirectory: config.publicDirectory });
  placementRoutes(app, db);
  communityRoutes(app, db);
  outreachRoutes(app, db);
}
