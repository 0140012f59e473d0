/**
 * The one permission vocabulary of Kasane. Routes declare the permission they need;
 * roles grant sets of permissions. Record-level access (which cases) is a separate check.
 */
export const roles = [
  'admin',
  'coordinator',
  'caseworker',
  'planOfficer',
  'councilMember',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

/** The roles' Japanese names, as staff know them (the start-up banner; the web app has its own i18n). */
export const roleLabels: Record<Role, string> = {
  admin: '管理者',
  coordinator: '重層事業担当',
  caseworker: '相談支援員',
  planOfficer: '計画担当',
  councilMember: '連絡会議委員',
  auditor: '監査担当',
};

export const permissions = [
  'organization.read',
  'organization.manage',
  'user.read',
  'user.manage',
  'audit.read',
  // case data (person, consultation, case): an actor without these cannot learn such records exist
  'person.read',
  'person.create',
  'person.link',
  'consultation.read',
  'consultation.create',
  'referral.decide',
  'handover.create',
  'handover.decide',
  'case.read',
  'case.coordinate',
  'supportReport.create',
  'task.read',
  // 要配慮個人情報 held apart: list granted facts and reveal them / record, grant and revoke
  'sensitiveFact.read',
  'sensitiveFact.manage',
  // the recidivism plan and its council
  'plan.read',
  'plan.manage',
  'council.read',
  'council.opinion',
  'council.manage',
  // users of a programme's responsible section record its annual progress (the plan officer too)
  'programmeProgress.edit',
  // privacy (issue 4): who has seen a person; a 開示請求 export of everything held about one person
  'person.accessLog',
  'disclosure.export',
  // the 社会資源 directory (issue 12): read by every caseworker, kept by the coordinating section
  // and 地域福祉課 (the plan officer); 地域づくり records (aggregate, no personal data) likewise
  'resource.read',
  'resource.manage',
  // 参加支援 placements and アウトリーチ contact attempts: case data, on cases one takes part in
  'placement.manage',
  'outreach.record',
  // 統計・実績 (issue 10): city-wide for the coordinating section and the plan officer;
  // participation-scoped, small figures hidden, for other organisations
  'statistics.read',
  // 保存期間・廃棄 (issue 13): the city's retention periods are set by IT or the coordinating section;
  // the disposal list is reviewed and approved by the coordinating section (docs/retention.md)
  'retention.manage',
  'disposal.approve',
] as const;
export type Permission = (typeof permissions)[number];

const casework: Permission[] = [
  'person.read',
  'person.create',
  'consultation.read',
  'consultation.create',
  'referral.decide',
  'handover.create',
  'case.read',
  'supportReport.create',
  'task.read',
  'sensitiveFact.read',
  'sensitiveFact.manage',
  'placement.manage',
  'outreach.record',
];

const grants: Record<Role, readonly Permission[]> = {
  admin: ['organization.read', 'organization.manage', 'user.read', 'user.manage', 'retention.manage'],
  coordinator: [
    'organization.read',
    ...casework,
    'person.link',
    'handover.decide',
    'case.coordinate',
    'plan.read',
    'programmeProgress.edit',
    'person.accessLog',
    'resource.read',
    'resource.manage',
    'statistics.read',
    'retention.manage',
    'disposal.approve',
  ],
  caseworker: [
    'organization.read',
    ...casework,
    'plan.read',
    'programmeProgress.edit',
    'resource.read',
    'statistics.read',
  ],
  planOfficer: [
    'organization.read',
    'plan.read',
    'plan.manage',
    'council.read',
    'council.manage',
    'programmeProgress.edit',
    'resource.read',
    'resource.manage',
    'statistics.read',
  ],
  councilMember: ['plan.read', 'council.read', 'council.opinion'],
  // The auditor is the 個人情報保護担当: a 開示請求 covers everything the city holds about a person,
  // across organisations, so the disclosure export sits with this tenant-wide role, not with a counter.
  auditor: ['organization.read', 'user.read', 'audit.read', 'disclosure.export'],
};

const caseDataPermissions = new Set<Permission>([
  ...casework,
  'person.link',
  'handover.decide',
  'case.coordinate',
  'person.accessLog',
]);

/**
 * Case data must not even be known to exist outside a case: a route guarded by one of these
 * permissions answers 404, not 403, to an actor whose roles lack it (docs/domain.md "Access").
 */
export function isCaseDataPermission(permission: Permission): boolean {
  return caseDataPermissions.has(permission);
}

/** The union of the permissions granted by the given roles, in vocabulary order. */
export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  const held = new Set(userRoles.flatMap((role) => grants[role]));
  return permissions.filter((permission) => held.has(permission));
}

/** Whether the given roles grant the permission. */
export function hasPermission(userRoles: readonly Role[], permission: Permission): boolean {
  return userRoles.some((role) => grants[role].includes(permission));
}
