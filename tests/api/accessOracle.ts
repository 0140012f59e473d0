import type { Role } from '../../src/domain/permissions.ts';

/**
 * The access oracle: for every operation of the API, who may call it and which records it reaches,
 * written by hand from docs/domain.md ("Who uses it", "Access", the plan and the council) and issue
 * #9 — NOT derived from src/domain/permissions.ts or the routes' declarations. The authorization
 * matrix compares every live `x-kasane-access` with this table and fails on any difference, and takes
 * its expectations from here; so weakening a route's declaration fails the suite, and changing who
 * may call an operation means changing this table in the same commit (a reviewer sees both).
 *
 * - `roles`: `'anyone'` (no sign-in), `'signedIn'` (any signed-in user), or the roles that may call it.
 * - `records`: `participation` — only records of cases the caller's organisation takes part in (or,
 *   for records that are not case data, the caller's own city); `tenant` — every record of the caller's
 *   city by design; `own` — only the caller's own sessions and credentials; `none` — no record at all.
 * - `hidden`: a caller whose role may not call it is told nothing exists (404), not refused (403):
 *   case data (docs/domain.md "Access").
 */
export interface OracleRow {
  roles: 'anyone' | 'signedIn' | readonly Role[];
  records: 'participation' | 'tenant' | 'own' | 'none';
  hidden?: true;
}

export const accessOracle: Readonly<Record<string, OracleRow>> = {
  // the session and one's own account: anyone signs in; a signed-in user manages only their own sessions and TOTP
  'session.create': { roles: 'anyone', records: 'none' },
  'session.verifyTotp': { roles: 'anyone', records: 'none' },
  'session.get': { roles: 'signedIn', records: 'none' },
  // the home page: everyone signed in has one, its content follows their roles
  'dashboard.get': { roles: 'signedIn', records: 'none' },
  'session.delete': { roles: 'signedIn', records: 'none' },
  'session.changePassword': { roles: 'signedIn', records: 'own' },
  'sessions.list': { roles: 'signedIn', records: 'own' },
  'sessions.revoke': { roles: 'signedIn', records: 'own' },
  'sessions.revokeOthers': { roles: 'signedIn', records: 'own' },
  'totp.get': { roles: 'signedIn', records: 'own' },
  'totp.enroll': { roles: 'signedIn', records: 'own' },
  'totp.activate': { roles: 'signedIn', records: 'own' },
  'totp.disable': { roles: 'signedIn', records: 'own' },
  // city IT: organisations, users, settings (docs/domain.md "Who uses it"); every staff role but the council reads the organisations
  'organizations.list': {
    roles: ['admin', 'coordinator', 'caseworker', 'planOfficer', 'auditor'],
    records: 'participation',
  },
  'organizations.get': {
    roles: ['admin', 'coordinator', 'caseworker', 'planOfficer', 'auditor'],
    records: 'participation',
  },
  'organizations.create': { roles: ['admin'], records: 'participation' },
  'organizations.update': { roles: ['admin'], records: 'participation' },
  'organizations.disable': { roles: ['admin'], records: 'participation' },
  'organizations.enable': { roles: ['admin'], records: 'participation' },
  'tenantSettings.get': { roles: ['admin'], records: 'participation' },
  'tenantSettings.update': { roles: ['admin'], records: 'participation' },
  'users.resetPassword': { roles: ['admin'], records: 'participation' },
  'users.unlock': { roles: ['admin'], records: 'participation' },
  'users.bulkReassign': { roles: ['admin'], records: 'participation' },
  'users.list': { roles: ['admin', 'auditor'], records: 'participation' },
  'users.get': { roles: ['admin', 'auditor'], records: 'participation' },
  'users.create': { roles: ['admin'], records: 'participation' },
  'users.update': { roles: ['admin'], records: 'participation' },
  'users.disable': { roles: ['admin'], records: 'participation' },
  'users.enable': { roles: ['admin'], records: 'participation' },
  // the support flow: case data, for the casework roles only, refused as 404 (docs/domain.md "Access")
  'assessments.save': { roles: ['coordinator'], records: 'participation', hidden: true },
  'cases.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'cases.export': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'cases.get': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'cases.timeline': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'cases.close': { roles: ['coordinator'], records: 'participation', hidden: true },
  'cases.suspend': { roles: ['coordinator'], records: 'participation', hidden: true },
  'cases.reopen': { roles: ['coordinator'], records: 'participation', hidden: true },
  'cases.assignableUsers': { roles: ['coordinator'], records: 'participation', hidden: true },
  'cases.assign': { roles: ['coordinator'], records: 'participation', hidden: true },
  'consents.create': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'consents.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'consents.withdraw': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'consents.attachScan': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'consents.scan': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'consultations.create': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'consultations.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'consultations.get': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'consultations.close': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'plans.easyRead': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'caseForms.get': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'consultationForms.get': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'meetingForms.get': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'handovers.create': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'handovers.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'handovers.accept': { roles: ['coordinator'], records: 'participation', hidden: true },
  'handovers.return': { roles: ['coordinator'], records: 'participation', hidden: true },
  'households.get': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'households.diagram': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'households.update': { roles: ['coordinator'], records: 'participation', hidden: true },
  'meetingKinds.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'meetings.create': { roles: ['coordinator'], records: 'participation', hidden: true },
  'meetings.get': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'meetings.calendar': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'meetings.acknowledgeConfidentiality': {
    roles: ['coordinator', 'caseworker'],
    records: 'participation',
    hidden: true,
  },
  'meetings.recordMinutes': { roles: ['coordinator'], records: 'participation', hidden: true },
  'monitorings.create': { roles: ['coordinator'], records: 'participation', hidden: true },
  'persons.accessLog': { roles: ['coordinator'], records: 'participation', hidden: true },
  'persons.create': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'persons.search': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'persons.get': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'persons.duplicates': { roles: ['coordinator'], records: 'participation', hidden: true },
  'persons.link': { roles: ['coordinator'], records: 'participation', hidden: true },
  'plans.create': { roles: ['coordinator'], records: 'participation', hidden: true },
  'plans.update': { roles: ['coordinator'], records: 'participation', hidden: true },
  'plans.approve': { roles: ['coordinator'], records: 'participation', hidden: true },
  'plans.get': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'plans.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'plans.compare': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'planItems.mine': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'prints.record': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'progressNotes.create': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'progressNotes.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'referrals.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'referrals.create': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'referrals.accept': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'referrals.decline': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'sensitiveFacts.create': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'sensitiveFacts.listOfPerson': {
    roles: ['coordinator', 'caseworker'],
    records: 'participation',
    hidden: true,
  },
  'sensitiveFacts.listOfCase': {
    roles: ['coordinator', 'caseworker'],
    records: 'participation',
    hidden: true,
  },
  'sensitiveFacts.reveal': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'sensitiveFacts.grant': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'sensitiveFacts.revokeGrant': {
    roles: ['coordinator', 'caseworker'],
    records: 'participation',
    hidden: true,
  },
  'supportReports.create': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'supportReports.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  // 参加支援 placements: case data of the cases one takes part in
  'placements.create': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'placements.update': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'placements.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  // アウトリーチ: contact attempts on a consultation or case the caller's organisation may see
  'outreachContacts.create': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'outreachContacts.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  'tasks.list': { roles: ['coordinator', 'caseworker'], records: 'participation', hidden: true },
  // the recidivism plan: read by casework and the council, kept by the plan officer; progress by the responsible sections
  'programmeProgress.list': {
    roles: ['coordinator', 'caseworker', 'planOfficer', 'councilMember'],
    records: 'participation',
  },
  'programmeProgress.save': { roles: ['coordinator', 'caseworker', 'planOfficer'], records: 'participation' },
  'programmeProgress.lockYear': { roles: ['planOfficer'], records: 'participation' },
  'programmeProgress.unlockYear': { roles: ['planOfficer'], records: 'participation' },
  'evaluationScale.get': {
    roles: ['coordinator', 'caseworker', 'planOfficer', 'councilMember'],
    records: 'participation',
  },
  'evaluationScale.update': { roles: ['planOfficer'], records: 'participation' },
  'recidivismPlans.get': {
    roles: ['coordinator', 'caseworker', 'planOfficer', 'councilMember'],
    records: 'participation',
  },
  'challenges.list': {
    roles: ['coordinator', 'caseworker', 'planOfficer', 'councilMember'],
    records: 'participation',
  },
  'challenges.update': { roles: ['planOfficer'], records: 'participation' },
  'programmes.list': {
    roles: ['coordinator', 'caseworker', 'planOfficer', 'councilMember'],
    records: 'participation',
  },
  'programmes.create': { roles: ['planOfficer'], records: 'participation' },
  'programmes.update': { roles: ['planOfficer'], records: 'participation' },
  'programmes.import': { roles: ['planOfficer'], records: 'participation' },
  'programmes.importTemplate': { roles: ['planOfficer'], records: 'participation' },
  'appendix.export': {
    roles: ['coordinator', 'caseworker', 'planOfficer', 'councilMember'],
    records: 'participation',
  },
  'publicProgrammes.list': { roles: 'anyone', records: 'none' },
  // the council: its papers for the plan officer and members, opinions by members, answers by the plan officer
  'councilMembers.list': { roles: ['planOfficer', 'councilMember'], records: 'participation' },
  'councilMeetings.list': { roles: ['planOfficer', 'councilMember'], records: 'participation' },
  'councilMeetings.create': { roles: ['planOfficer'], records: 'participation' },
  'councilMeetings.get': { roles: ['planOfficer', 'councilMember'], records: 'participation' },
  'councilMeetings.paper': { roles: ['planOfficer', 'councilMember'], records: 'participation' },
  'opinions.list': { roles: ['planOfficer', 'councilMember'], records: 'participation' },
  'opinions.create': { roles: ['councilMember'], records: 'participation' },
  'opinions.answer': { roles: ['planOfficer'], records: 'participation' },
  'councilMeetings.attach': { roles: ['planOfficer'], records: 'participation' },
  'councilMeetings.attachment': { roles: ['planOfficer', 'councilMember'], records: 'participation' },
  // privacy: the audit trail and 開示請求 are the auditor's, across the whole city
  'auditEvents.list': { roles: ['auditor'], records: 'tenant' },
  'auditEvents.export': { roles: ['auditor'], records: 'tenant' },
  'auditEvents.subjects': { roles: ['auditor'], records: 'tenant' },
  'persons.lookupForDisclosure': { roles: ['auditor'], records: 'tenant' },
  'persons.disclosureExport': { roles: ['auditor'], records: 'tenant' },
  // the local resource directory (docs/resources.md)
  'resources.list': { roles: ['coordinator', 'caseworker', 'planOfficer'], records: 'participation' },
  'resources.get': { roles: ['coordinator', 'caseworker', 'planOfficer'], records: 'participation' },
  'resources.create': { roles: ['coordinator', 'planOfficer'], records: 'participation' },
  'resources.update': { roles: ['coordinator', 'planOfficer'], records: 'participation' },
  'resources.import': { roles: ['coordinator', 'planOfficer'], records: 'participation' },
  // 地域づくり activities and their sessions: aggregate figures, read with the directory, kept by its keepers
  'communityActivities.list': {
    roles: ['coordinator', 'caseworker', 'planOfficer'],
    records: 'participation',
  },
  'communityActivities.get': {
    roles: ['coordinator', 'caseworker', 'planOfficer'],
    records: 'participation',
  },
  'communityActivities.create': { roles: ['coordinator', 'planOfficer'], records: 'participation' },
  'communityActivities.update': { roles: ['coordinator', 'planOfficer'], records: 'participation' },
  'communityActivities.recordSession': { roles: ['coordinator', 'planOfficer'], records: 'participation' },
  // the open HSDS directory of the city's resources, public by design (docs/resources.md)
  'hsds.meta': { roles: 'anyone', records: 'none' },
  'hsdsServices.list': { roles: 'anyone', records: 'none' },
  'hsdsServices.get': { roles: 'anyone', records: 'none' },
  'hsdsOrganizations.list': { roles: 'anyone', records: 'none' },
  // the city's statistics: aggregates for casework and the plan officer, never the council or IT
  'statistics.get': { roles: ['coordinator', 'caseworker', 'planOfficer'], records: 'participation' },
  'statistics.export': { roles: ['coordinator', 'caseworker', 'planOfficer'], records: 'participation' },
  // 保存期間・廃棄 (docs/retention.md): city IT or the coordinating section set the periods; the
  // coordinating section reviews the city's whole disposal list, holds cases and approves; the
  // auditor reads what was disposed
  'retention.get': { roles: ['admin', 'coordinator'], records: 'participation' },
  'retention.update': { roles: ['admin', 'coordinator'], records: 'participation' },
  'disposals.list': { roles: ['coordinator'], records: 'tenant' },
  'disposals.approve': { roles: ['coordinator'], records: 'tenant' },
  'cases.holdRetention': { roles: ['coordinator'], records: 'tenant' },
  'disposals.report': { roles: ['auditor'], records: 'tenant' },
  'disposals.export': { roles: ['auditor'], records: 'tenant' },
  // operations that reach no record
  'health.get': { roles: 'anyone', records: 'none' },
  'health.ready': { roles: 'anyone', records: 'none' },
};

/** What an operation declares live, as read from OpenAPI, resolved to roles. */
export interface LiveDeclaration {
  operationId: string;
  roles: 'anyone' | 'signedIn' | readonly Role[];
  records: OracleRow['records'];
  hidden: boolean;
}

/** Every difference between the live declarations and the oracle, one line each (empty when they agree). */
export function differencesFromOracle(
  live: readonly LiveDeclaration[],
  oracle: Readonly<Record<string, OracleRow>> = accessOracle,
): string[] {
  const differences: string[] = [];
  const seen = new Set<string>();
  const rolesText = (roles: OracleRow['roles']) =>
    typeof roles === 'string' ? roles : [...roles].sort().join(', ') || '(no role)';
  for (const declaration of live) {
    seen.add(declaration.operationId);
    const expected = oracle[declaration.operationId];
    if (!expected) {
      differences.push(`${declaration.operationId}: not in tests/api/accessOracle.ts — add its row`);
      continue;
    }
    if (rolesText(declaration.roles) !== rolesText(expected.roles))
      differences.push(
        `${declaration.operationId}: callable by ${rolesText(declaration.roles)}, the oracle says ${rolesText(expected.roles)}`,
      );
    if (declaration.records !== expected.records)
      differences.push(
        `${declaration.operationId}: reaches ${declaration.records} records, the oracle says ${expected.records}`,
      );
    if (declaration.hidden !== (expected.hidden === true))
      differences.push(
        `${declaration.operationId}: refuses with ${declaration.hidden ? 404 : 403}, the oracle says ${expected.hidden ? 404 : 403}`,
      );
  }
  for (const operationId of Object.keys(oracle))
    if (!seen.has(operationId)) differences.push(`${operationId}: in the oracle but not in the API`);
  return differences;
}
