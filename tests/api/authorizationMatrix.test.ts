import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccounts } from '../../src/db/seed/demo.ts';
import { createSession, sessionIdOf } from '../../src/db/sessions.ts';
import type { AuditAction } from '../../src/domain/auditActions.ts';
import { hasPermission, permissions, type Role } from '../../src/domain/permissions.ts';
import { toIsoDate } from '../../src/domain/wareki.ts';
import type { Access as DeclaredAccess, RecordScope } from '../../src/server/actor.ts';
import {
  buildCaseWorld,
  changedTables,
  demoUser,
  fingerprint,
  openConsultation,
  referralOf,
  syntheticPerson,
} from '../support/caseWorld.ts';
import { liveDeclarationOf } from '../support/liveAccess.ts';
import { caseDataIds, loadTenantWorld, tenantIds, type World } from '../support/matrixWorlds.ts';
import { SECOND_TENANT, secondLogin } from '../support/secondTenant.ts';
import { type ApiClient, type ApiResponse, startTestServer, type TestServer } from '../support/testServer.ts';
import { accessOracle, differencesFromOracle } from './accessOracle.ts';

/**
 * Issue #4's promise, proven on every route: every operation of /api/openapi.json is called as
 * every demo user against (a) a record their organisation takes part in, (b) a record of the same
 * city it has no part in, (c) a record of another city (霧島市). The expected answer is derived from
 * the hand-written access oracle (tests/api/accessOracle.ts: roles; case data → 404, else 403), which
 * must equal every live `x-kasane-access`, and from the user's participation in the record. Every
 * allowed write must record one of its declared audit events (`x-kasane-audit`). Refused requests must change
 * nothing; list and search answers must never contain another's records.
 */

// ---------------------------------------------------------------- the operations, from OpenAPI

type Access = DeclaredAccess | undefined;
interface Operation {
  method: string;
  path: string;
  operationId: string;
  access: Access;
  /** The declared record scope (`records` of x-kasane-access; participation unless declared). */
  records: RecordScope;
  /** The audit actions it declares (x-kasane-audit): an allowed call records at least one of them. */
  audit: string[] | undefined;
  pathParams: string[];
  requiredQuery: string[];
}

// ---------------------------------------------------------------- fixtures: which record a name means

type WorldName = 'own' | 'foreign' | 'other';
interface User {
  loginId: string;
  roles: Role[];
  organizationId: string;
}

/**
 * The resolver: a path parameter is named by the collection it sits under (`/api/cases/{id}` →
 * `cases`) or by its own name (`{caseId}` → `cases`, `{fiscalYear}`). `participation` tells whether
 * access to the record depends on taking part in it (case data) or only on the tenant.
 */
interface Resolver {
  participation: boolean;
  /**
   * The record of that world for this user, and the user's stance towards it: `acts` (takes part in
   * it in the role the action needs), `sees` (may see it, but another organisation acts on it: 403),
   * `none` (cannot know it exists: 404).
   */
  record(world: WorldName, user: User, op: Operation): { id: string; stance: Stance };
}
type Stance = 'acts' | 'sees' | 'none';

let server: TestServer;
let operations: Operation[] = [];
let worlds: Record<WorldName, World>;
/** Organisations taking part (scope `case`) in each world's case, and invited to its meetings. */
let caseParticipants: Record<WorldName, Set<string>>;
let coordinatingSection: Record<WorldName, string>;
/** Organisations invited to each world's 支援会議. */
let invitees: Record<WorldName, Set<string>>;
/** The responsible section of each world's fixture programme. */
let programmeSection: Record<WorldName, string>;
const clients = new Map<string, ApiClient>();
const users: User[] = [];

const first = (record: Record<string, string>) => Object.values(record)[0] ?? '';

/** A per-organisation record (an open consultation, a referral addressed to it, a plan item). */
function perOrganization(pick: (w: World) => Record<string, string>): Resolver['record'] {
  return (world, user) => {
    const records = pick(worlds[world]);
    const mine = world === 'own' ? records[user.organizationId] : undefined;
    return mine ? { id: mine, stance: 'acts' } : { id: first(records), stance: 'none' };
  };
}
const ofCase =
  (pick: (w: World) => string): Resolver['record'] =>
  (world, user) => ({
    id: pick(worlds[world]),
    stance: world !== 'other' && caseParticipants[world].has(user.organizationId) ? 'acts' : 'none',
  });
const tenantWide =
  (pick: (w: World) => string): Resolver['record'] =>
  (world) => ({ id: pick(worlds[world]), stance: world !== 'other' ? 'acts' : 'none' });

const resolvers: Record<string, Resolver> = {
  cases: { participation: true, record: ofCase((w) => w.caseId) },
  persons: { participation: true, record: ofCase((w) => w.personId) },
  meetings: { participation: true, record: ofCase((w) => w.supportMeetingId) },
  // only an organisation invited to a meeting acknowledges its confidentiality (the organiser is not invited)
  'meetings/acknowledgement': {
    participation: true,
    record: (world, user) => ({
      id: worlds[world].supportMeetingId,
      stance: world === 'other' ? 'none' : invitees[world].has(user.organizationId) ? 'acts' : 'none',
    }),
  },
  // consent is recorded by the case's coordinating section; the case's other organisations see the case
  caseCoordination: {
    participation: true,
    record: (world, user) => ({
      id: worlds[world].caseId,
      stance:
        world === 'other' || !caseParticipants[world].has(user.organizationId)
          ? 'none'
          : coordinatingSection[world] === user.organizationId && hasPermission(user.roles, 'case.coordinate')
            ? 'acts'
            : 'sees',
    }),
  },
  // a programme's annual progress is recorded by its responsible section (or the plan's keeper)
  'programmes/progress': {
    participation: false,
    record: (world, user) => ({
      id: worlds[world].programmeId,
      stance:
        world === 'other'
          ? 'none'
          : programmeSection[world] === user.organizationId || hasPermission(user.roles, 'plan.manage')
            ? 'acts'
            : 'sees',
    }),
  },
  plans: { participation: true, record: ofCase((w) => w.planId) },
  planItems: { participation: true, record: perOrganization((w) => w.planItems) },
  consultations: { participation: true, record: perOrganization((w) => w.consultations) },
  referrals: { participation: true, record: perOrganization((w) => w.referrals) },
  handovers: {
    participation: true,
    record: (world, user) => ({
      id: worlds[world].pendingHandoverId,
      stance: world !== 'other' && coordinatingSection[world] === user.organizationId ? 'acts' : 'none',
    }),
  },
  organizations: { participation: false, record: tenantWide((w) => w.organizationId) },
  users: { participation: false, record: tenantWide((w) => w.userId) },
  programmes: { participation: false, record: tenantWide((w) => w.programmeId) },
  resources: { participation: false, record: tenantWide((w) => w.resourceId) },
  // an HSDS service is read by its HSDS id, which is the resource's own id for resources made in Kasane
  services: { participation: false, record: tenantWide((w) => w.resourceId) },
  placements: { participation: true, record: ofCase((w) => w.placementId) },
  'community-activities': { participation: false, record: tenantWide((w) => w.communityActivityId) },
  'council/meetings': { participation: false, record: tenantWide((w) => w.councilMeetingId) },
  'council/opinions': { participation: false, record: tenantWide((w) => w.opinionId) },
  challenges: { participation: false, record: tenantWide((w) => w.challenges[0]?.id ?? '') },
  fiscalYear: { participation: false, record: () => ({ id: '2026', stance: 'acts' }) },
  // the kind of a case's 帳票 (caseForms.get): not a record, any kind will do
  kind: { participation: false, record: () => ({ id: 'plan', stance: 'acts' }) },
  // a case's household: read by everyone taking part, edited by the coordinating section
  'cases/household': {
    participation: true,
    record: (world, user, op) => {
      const id = worlds[world].caseId;
      if (world === 'other' || !caseParticipants[world].has(user.organizationId))
        return { id, stance: 'none' };
      if (op.method === 'get') return { id, stance: 'acts' };
      return {
        id,
        stance:
          coordinatingSection[world] === user.organizationId && hasPermission(user.roles, 'case.coordinate')
            ? 'acts'
            : 'sees',
      };
    },
  },
  // a consent is changed by the organisation that recorded it (the coordinating section); everyone
  // taking part in the case sees it and its scan
  consents: {
    participation: true,
    record: (world, user, op) => {
      const id = extra[world].consentId;
      if (world === 'other' || !caseParticipants[world].has(user.organizationId))
        return { id, stance: 'none' };
      if (op.method === 'get') return { id, stance: 'acts' };
      return { id, stance: coordinatingSection[world] === user.organizationId ? 'acts' : 'sees' };
    },
  },
  // a 要配慮個人情報 fact is known only to an organisation holding a grant of it (the grants table)
  // that takes part in its case; sharing it is for the recording organisation or the case's coordinator
  'sensitive-facts': {
    participation: true,
    record: (world, user, op) => {
      const id = extra[world].factId;
      if (
        world === 'other' ||
        !factGrantees[world].has(user.organizationId) ||
        !caseParticipants[world].has(user.organizationId)
      )
        return { id, stance: 'none' };
      if (op.path.endsWith('/reveal')) return { id, stance: 'acts' };
      return {
        id,
        stance:
          coordinatingSection[world] === user.organizationId &&
          hasPermission(user.roles, 'sensitiveFact.manage')
            ? 'acts'
            : 'sees',
      };
    },
  },
  grants: {
    participation: true,
    record: (world) => ({ id: extra[world].grantId, stance: world === 'other' ? 'none' : 'acts' }),
  },
  attachments: {
    participation: false,
    record: (world) => ({
      id: extra[world === 'other' ? 'other' : 'own'].attachmentId,
      stance: world === 'other' ? 'none' : 'acts',
    }),
  },
  // one's own devices only: another user's session does not exist for the caller
  sessions: {
    participation: false,
    record: (world, user) => {
      if (world === 'own') return { id: extraSessions.get(user.loginId) ?? '', stance: 'acts' };
      const someoneElse = [...extraSessions.entries()].find(([login]) => login !== user.loginId);
      return { id: someoneElse?.[1] ?? '', stance: 'none' };
    },
  },
};

/** Records of each world made for the privacy operations: a consent with its scan, a sensitive fact and its grant, a council attachment. */
interface Extra {
  consentId: string;
  factId: string;
  grantId: string;
  attachmentId: string;
}
let extra: Record<WorldName, Extra>;
/** Organisations holding a grant in force of each world's sensitive fact (from sensitive_fact_grants). */
let factGrantees: Record<WorldName, Set<string>>;
/** A second signed-in device of each demo user (a session other than the matrix client's). */
const extraSessions = new Map<string, string>();
/** Ids of the extra records a user must never see, by world. */
const extraIds = { other: [] as string[] };

/** Which resolver fills a path parameter of an operation, or undefined if none can. */
function resolverKey(op: Operation, param: string): string | undefined {
  if (param !== 'id') {
    const plural = param.endsWith('Id') ? `${param.slice(0, -2)}s` : param;
    return plural in resolvers ? plural : undefined;
  }
  const segments = op.path.split('/');
  const at = segments.indexOf('{id}');
  const collection = segments[at - 1] ?? '';
  const key = segments[at - 2] === 'council' ? `council/${collection}` : collection;
  const action = `${key}/${segments[at + 1] ?? ''}`;
  if (action in resolvers) return action;
  return key in resolvers ? key : undefined;
}

// ---------------------------------------------------------------- request bodies and queries

const today = () => toIsoDate(new Date());
const soon = () => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + 30);
  return toIsoDate(date);
};
let serial = 0;

/** The view of a world a request body is built from, for one user. */
interface View {
  world: World;
  planItem: string;
  consultation: string;
  user: User;
}

/**
 * A minimal valid body per write operation. `refs` names the record kind the body points at
 * (its world varies like a path parameter's); a body without refs is sent once per user.
 */
const bodies: Record<
  string,
  {
    refs?: string;
    body: (v: View) => unknown;
    /**
     * Problem codes an allowed request may answer with because of the caller's own state, not its
     * access (no sign-in pending for a second factor; no TOTP enrolled or a code the matrix cannot know).
     */
    stateAnswers?: string[];
    /** Runs after every other write (it ends the caller's other sessions). */
    last?: boolean;
  }
> = {
  'session.verifyTotp': { body: () => ({ code: '000000' }), stateAnswers: ['auth.signInChallengeExpired'] },
  'session.changePassword': {
    body: () => ({ currentPassword: DEMO_PASSWORD, newPassword: 'matrix-changed-passphrase-2026' }),
    last: true,
  },
  'totp.activate': {
    body: () => ({ code: '000000' }),
    stateAnswers: ['conflict.state', 'validation.invalid'],
  },
  'totp.disable': {
    body: () => ({ code: '000000' }),
    stateAnswers: ['conflict.state', 'validation.invalid'],
  },
  'tenantSettings.update': { body: () => ({ totpRequiredForStaff: false }) },
  'retention.update': { body: () => ({ caseYears: 5, consultationYears: 5, personYears: 5 }) },
  // the matrix's cases are open: on no disposal list, so an allowed approval answers 409 and disposes nothing
  'disposals.approve': { body: (v) => ({ caseIds: [v.world.caseId] }) },
  'cases.holdRetention': { body: () => ({ reason: '（試験用）訴訟の対応中' }) },
  'users.resetPassword': { body: () => ({ newPassword: 'matrix-reset-passphrase-2026' }) },
  'users.bulkReassign': {
    refs: 'users',
    body: (v) => ({ assignments: [], disableUserIds: [v.world.userId] }),
  },
  'consents.withdraw': { body: () => ({ reason: '（試験用）本人の申出' }) },
  'consents.attachScan': {
    body: () => ({ filename: 'doui.pdf', mediaType: 'application/pdf', contentBase64: PDF_BASE64 }),
  },
  'programmeProgress.unlockYear': { body: () => ({ reason: '（試験用）担当課の訂正' }) },
  'evaluationScale.update': {
    body: () => ({
      items: [
        { code: 'A', label: '達成' },
        { code: 'B', label: '概ね達成' },
        { code: 'C', label: '未達成' },
      ],
    }),
  },
  'prints.record': { refs: 'cases', body: (v) => ({ resourceType: 'case', resourceId: v.world.caseId }) },
  'sensitiveFacts.create': {
    refs: 'cases',
    body: (v) => ({
      personId: v.world.personId,
      caseId: v.world.caseId,
      kind: 'offence',
      subtype: 'sentenceServed',
      summary: '（試験用）窃盗',
    }),
  },
  'sensitiveFacts.reveal': { body: () => ({ reason: '（試験用）支援方針の検討' }) },
  'sensitiveFacts.grant': {
    body: (v) => ({ organizationId: v.world.partnerOrganizationId, reason: '（試験用）支援のため' }),
  },
  'councilMeetings.attach': { body: () => ({ fileName: '資料.pdf', contentBase64: PDF_BASE64 }) },
  'session.create': { body: (v) => ({ loginId: v.user.loginId, password: DEMO_PASSWORD }) },
  'organizations.create': {
    body: () => ({
      name: `マトリクス追加機関${++serial}`,
      nameKana: 'マトリクスツイカ',
      kind: 'privateOrganization',
    }),
  },
  'organizations.update': { body: () => ({ nameKana: 'マトリクスシケンキカン' }) },
  'users.create': {
    refs: 'organizations',
    body: (v) => ({
      loginId: `matrix-new-${++serial}`,
      displayName: '試験 追加',
      organizationId: v.world.organizationId,
      roles: ['caseworker'],
      password: 'matrix-password-1',
    }),
  },
  'users.update': { body: () => ({ displayName: '試験 変更' }) },
  'persons.create': { body: () => ({ familyName: '試験', familyNameKana: 'シケン' }) },
  'persons.link': { body: (v) => ({ duplicateOfId: v.world.memberPersonId }) },
  'consultations.create': {
    body: () => ({
      person: { familyName: '試験', givenName: '太郎', familyNameKana: 'シケン', givenNameKana: 'タロウ' },
      channel: 'visit',
      topics: ['income'],
      mainTopic: 'income',
      content: '（試験用）家計の相談。',
      consentToShare: true,
      outcome: { kind: 'ownAgency' },
    }),
  },
  'consultations.close': { body: () => ({ note: '（試験用）対応終了' }) },
  'referrals.create': {
    refs: 'consultations',
    body: (v) => ({ consultationId: v.consultation, toOrganizationId: v.world.partnerOrganizationId }),
  },
  'referrals.decline': { body: () => ({ reason: '（試験用）対応できません' }) },
  'handovers.create': {
    refs: 'consultations',
    body: (v) => ({
      consultationId: v.consultation,
      reason: '（試験用）複合課題',
      servicesTried: '（試験用）なし',
    }),
  },
  'handovers.return': { body: () => ({ reason: '（試験用）包括で対応できます' }) },
  'cases.close': { body: () => ({ reason: 'resolved', evaluation: '（試験用）評価' }) },
  'cases.suspend': { body: () => ({ reason: '（試験用）中断' }) },
  'cases.assign': { body: () => ({ userId: null }) },
  'cases.reopen': { body: () => ({ reason: '（試験用）再開' }) },
  'assessments.save': { body: () => ({ issues: ['withdrawal'], householdFlags: [], relations: [] }) },
  'consents.create': {
    refs: 'caseCoordination',
    body: (v) => ({
      personId: v.world.personId,
      caseId: v.world.caseId,
      organizationIds: [v.world.partnerOrganizationId],
      categories: ['basic'],
      givenOn: today(),
      method: 'signedForm',
    }),
  },
  'meetings.create': {
    body: (v) => ({
      kindId: v.world.supportKindId,
      title: '（試験用）支援会議',
      scheduledAt: `${soon()}T14:00:00+09:00`,
      invitedOrganizationIds: [v.world.partnerOrganizationId],
    }),
  },
  'meetings.recordMinutes': {
    // a minute ago: "today at 10:00" is still ahead of the clock in the small hours in Tokyo
    body: () => ({
      heldAt: new Date(Date.now() - 60_000).toISOString(),
      attendance: [],
      minutes: '（試験用）議事',
    }),
  },
  'plans.create': { body: (v) => planBody(v) },
  'plans.update': { body: (v) => planBody(v) },
  'plans.approve': { body: (v) => ({ meetingId: v.world.multilayerMeetingId }) },
  'supportReports.create': {
    refs: 'planItems',
    body: (v) => ({
      planItemId: v.planItem,
      supportedOn: today(),
      content: '（試験用）訪問',
      result: 'done',
    }),
  },
  'progressNotes.create': {
    body: () => ({
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      kind: 'phone',
      content: '（試験用）電話で様子を聞いた',
    }),
  },
  'households.update': { body: () => ({ members: [], relations: [], ties: [] }) },
  'monitorings.create': {
    body: (v) => ({
      conductedOn: today(),
      itemResults: Object.values(v.world.planItems).map((planItemId) => ({ planItemId, progress: 'partly' })),
      decision: 'continue',
      nextMonitoringOn: soon(),
    }),
  },
  'challenges.update': { refs: 'challenges', body: (v) => ({ items: v.world.challenges }) },
  'programmes.create': {
    refs: 'challenges',
    body: (v) => ({
      name: `（試験用）事業${++serial}`,
      responsibleSectionId: v.world.sectionId,
      challenges: [{ challengeId: v.world.challenges[0]?.id }],
    }),
  },
  'programmes.update': {
    body: (v) => ({
      name: '（試験用）事業',
      responsibleSectionId: v.world.sectionId,
      challenges: [{ challengeId: v.world.challenges[1]?.id }],
    }),
  },
  'programmes.import': {
    body: () => ({
      fileName: 'programmes.csv',
      contentBase64: Buffer.from(
        'id,課題番号,事業名(取組),事業の概要,担当課\nM1,2,（試験用）就労支援,（試験用）概要,保護第一課\n',
      ).toString('base64'),
    }),
  },
  'programmeProgress.save': { body: () => ({ statusText: '（試験用）実施した' }) },
  'resources.create': { body: () => resourceBody(`（試験用）社会資源${++serial}`) },
  'resources.update': { body: () => resourceBody('（試験用）社会資源（変更）') },
  'placements.create': {
    body: (v) => ({ personId: v.world.personId, resourceId: v.world.resourceId, kind: 'ibasho' }),
  },
  'placements.update': { body: () => ({ event: { kind: 'visit', occurredOn: today() } }) },
  'outreachContacts.create': {
    refs: 'consultations',
    body: (v) => ({
      consultationId: v.consultation,
      attemptedOn: today(),
      method: 'visit',
      result: 'noAnswer',
      nextAttemptOn: soon(),
    }),
  },
  'communityActivities.create': {
    body: () => ({ name: `（試験用）サロン${++serial}`, kind: 'salon', placeName: '（試験用）公民館' }),
  },
  'communityActivities.update': {
    body: () => ({ name: '（試験用）サロン（変更）', kind: 'salon', placeName: '（試験用）公民館' }),
  },
  'communityActivities.recordSession': {
    body: () => ({ heldOn: today(), participants: 12, organizations: ['（試験用）自治会'] }),
  },
  'resources.import': {
    body: () => ({
      fileName: 'hsds.json',
      contentBase64: Buffer.from(
        JSON.stringify([{ id: randomUUID(), name: `（試験用）取込資源${++serial}`, status: 'active' }]),
      ).toString('base64'),
    }),
  },
  'councilMeetings.create': {
    body: () => ({ heldAt: `${today()}T14:00:00+09:00`, place: '（試験用）会議室', isOpen: true }),
  },
  'opinions.create': {
    refs: 'council/meetings',
    body: (v) => ({ meetingId: v.world.councilMeetingId, content: '（試験用）意見' }),
  },
  'opinions.answer': { body: () => ({ answer: '（試験用）回答', followUpStatus: 'inProgress' }) },
};

const PDF_BASE64 = Buffer.from('%PDF-1.4\n% 試験\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n').toString(
  'base64',
);

function resourceBody(name: string) {
  return {
    name,
    kinds: ['ibasho'],
    organization: { name: '（試験用）提供団体' },
    locations: [{ schoolDistrict: '名山校区', district: '中央地区' }],
  };
}

function planBody(v: View) {
  return {
    wishes: '（試験用）意向',
    longTermGoal: '（試験用）長期目標',
    shortTermGoals: '（試験用）短期目標',
    nextMonitoringOn: soon(),
    items: [
      {
        content: '（試験用）支援',
        organizationId: v.world.partnerOrganizationId,
        frequency: '月1回',
        periodFrom: today(),
        periodTo: soon(),
      },
    ],
  };
}

/**
 * Writes whose matrix body may change nothing (assigning nobody to a case with nobody assigned): a
 * success without an event is accepted for them only if no business table changed.
 */
const noOpWrites = new Set(['cases.assign']);

/** Values for required query parameters; `probe` ones vary with the world (a search for that world's person). */
const queries: Record<string, { probe?: boolean; query: (v: View) => Record<string, string> }> = {
  'publicProgrammes.list': { query: () => ({ tenant: 'kagoshima' }) },
  'persons.search': { probe: true, query: (v) => ({ kana: v.world.personKana }) },
  'persons.lookupForDisclosure': { probe: true, query: (v) => ({ kana: v.world.personKana }) },
  'plans.compare': { query: (v) => ({ with: v.world.planId }) },
  'households.diagram': { query: () => ({ kind: 'genogram' }) },
  'appendix.export': { query: () => ({ format: 'csv' }) },
  'programmes.importTemplate': { query: () => ({ format: 'csv' }) },
  'programmeProgress.list': { query: () => ({ fiscalYear: '2026' }) },
  'councilMeetings.paper': { query: () => ({ fiscalYear: '2026' }) },
  'meetings.calendar': { query: () => ({ from: '2026-10-01', to: '2026-11-30' }) },
  'statistics.get': { query: () => ({ fiscalYear: '2026' }) },
  'auditEvents.subjects': { query: () => ({ q: 'ヤマ' }) },
  'statistics.export': { query: () => ({ fiscalYear: '2026', format: 'csv' }) },
  'cases.export': { query: () => ({ format: 'csv' }) },
};

// ---------------------------------------------------------------- cells and expectations

type Expectation = { allowed: true } | { allowed: false; statuses: number[] };
interface Cell {
  op: Operation;
  user: User;
  world: WorldName | 'none';
  url: string;
  body: unknown;
  expected: Expectation;
  /** Whether the refusal comes from the record (not the permission): then it must be 404 (path) or 400/404 (body). */
  byRecord: boolean;
}

/** Build every cell of the matrix; problems (an unfillable parameter, no declared access) are collected. */
function buildCells(): { cells: Cell[]; problems: string[] } {
  const cells: Cell[] = [];
  const problems: string[] = [];
  for (const op of operations) {
    const name = `${op.method.toUpperCase()} ${op.path} (${op.operationId})`;
    if (
      op.access === undefined ||
      (typeof op.access === 'object' &&
        'permission' in op.access &&
        !permissions.includes(op.access.permission))
    ) {
      problems.push(
        `${name}: no x-kasane-access — declare config.access ('public', 'signedIn' or { permission }) on the route`,
      );
      continue;
    }
    if (!Array.isArray(op.audit))
      problems.push(`${name}: no x-kasane-audit — declare config.audit (the actions it records; [] if none)`);
    const keys: string[] = [];
    for (const param of op.pathParams) {
      const key = resolverKey(op, param);
      if (!key) {
        problems.push(
          `${name}: path parameter {${param}} cannot be filled — add a resolver for it in tests/api/authorizationMatrix.test.ts (resolvers)`,
        );
      } else keys.push(key);
    }
    const isWrite = op.method !== 'get';
    const bodySpec = bodies[op.operationId];
    if (isWrite && !bodySpec && !['session.delete'].includes(op.operationId) && hasRequestBody(op)) {
      problems.push(
        `${name}: no minimal valid body — add one to \`bodies\` in tests/api/authorizationMatrix.test.ts`,
      );
      continue;
    }
    const querySpec = queries[op.operationId];
    if (op.requiredQuery.length > 0 && !querySpec) {
      problems.push(
        `${name}: required query ${op.requiredQuery.join(', ')} — add values to \`queries\` in tests/api/authorizationMatrix.test.ts`,
      );
      continue;
    }
    if (keys.length !== op.pathParams.length) continue;
    const bodyKey = bodySpec?.refs;
    const recordKeys = [...keys, ...(bodyKey ? [bodyKey] : [])];
    const varies = recordKeys.length > 0 || querySpec?.probe;
    const participation = recordKeys.some((k) => resolvers[k]?.participation);
    const worldNames: (WorldName | 'none')[] = varies
      ? participation || querySpec?.probe
        ? ['own', 'foreign', 'other']
        : ['own', 'other']
      : ['none'];
    for (const user of users) {
      for (const world of worldNames) {
        const w = worlds[world === 'none' ? 'own' : world];
        const resolved = recordKeys.map((k) => {
          const r = resolvers[k]?.record(world === 'none' ? 'own' : world, user, op);
          // a tenant-wide operation reaches every record of the caller's own city, and none of another's
          return r && op.records === 'tenant' ? { id: r.id, stance: world === 'other' ? 'none' : 'acts' } : r;
        });
        let url = op.path;
        op.pathParams.forEach((param, index) => {
          url = url.replace(`{${param}}`, resolved[index]?.id ?? '');
        });
        const view: View = {
          world: w,
          user,
          planItem: resolvers.planItems?.record(world === 'none' ? 'own' : world, user, op).id ?? '',
          consultation: resolvers.consultations?.record(world === 'none' ? 'own' : world, user, op).id ?? '',
        };
        if (querySpec) url += `?${new URLSearchParams(querySpec.query(view))}`;
        const stances = resolved.map((r) => r?.stance ?? 'none');
        const stance: Stance = stances.includes('none') ? 'none' : stances.includes('sees') ? 'sees' : 'acts';
        cells.push({
          op,
          user,
          world,
          url,
          body: bodySpec?.body(view),
          ...expectation(op, user, stance, querySpec?.probe === true),
        });
      }
    }
  }
  return { cells, problems };
}

function hasRequestBody(op: Operation): boolean {
  return Boolean((openapi.paths[op.path]?.[op.method] as { requestBody?: unknown } | undefined)?.requestBody);
}

/**
 * The expected answer, from the hand-written access oracle (tests/api/accessOracle.ts: who may call
 * the operation, and whether a refusal is a 404) and the user's participation in the record — never
 * from the route's own declaration, so weakening a declaration fails here.
 */
function expectation(
  op: Operation,
  user: User,
  stance: Stance,
  probe: boolean,
): { expected: Expectation; byRecord: boolean } {
  const oracle = accessOracle[op.operationId];
  // a public read of a record by id (the HSDS directory) reads the caller's own city: another's is not there
  if (oracle?.roles === 'anyone' && stance === 'none' && op.pathParams.length > 0)
    return { expected: { allowed: false, statuses: [404] }, byRecord: true };
  if (!oracle || (typeof oracle.roles === 'string' && oracle.records === 'none'))
    return { expected: { allowed: true }, byRecord: false };
  if (typeof oracle.roles !== 'string' && !user.roles.some((role) => oracle.roles.includes(role)))
    return { expected: { allowed: false, statuses: [oracle.hidden ? 404 : 403] }, byRecord: false };
  // a search is allowed everywhere; what it may return is checked by the leak scan
  if (stance === 'acts' || probe) return { expected: { allowed: true }, byRecord: false };
  // one who may see the record but not act on it learns nothing new from a 403
  if (stance === 'sees') return { expected: { allowed: false, statuses: [403] }, byRecord: true };
  // a record in a path that one may not see does not exist (404); one named in a body is unknown (400 naming it, or 404)
  const pathRecord = op.pathParams.length > 0;
  return { expected: { allowed: false, statuses: pathRecord ? [404] : [400, 404] }, byRecord: true };
}

// ---------------------------------------------------------------- running requests

const send = (cell: Cell): Promise<ApiResponse> => {
  // signing in again must not replace the matrix client's session
  const client =
    cell.op.operationId === 'session.create' ? server.anonymous() : clients.get(cell.user.loginId);
  if (!client) throw new Error(`no client for ${cell.user.loginId}`);
  return client.request(cell.op.method.toUpperCase(), cell.url, cell.body);
};

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

const label = (cell: Cell) => `${cell.op.operationId} as ${cell.user.loginId} on ${cell.world} record`;

/** Forbidden ids found anywhere in an answer, other than those the request itself named (echoed in `instance`). */
function leakedIds(cell: Cell, body: unknown, forbidden: Set<string>): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const asked = `${cell.url} ${JSON.stringify(cell.body ?? null)}`;
  return [...forbidden].filter((id) => id && text.includes(id) && !asked.includes(id));
}

// ---------------------------------------------------------------- set-up

let openapi: { paths: Record<string, Record<string, unknown>> };
let cells: Cell[] = [];
let problems: string[] = [];
const timings: Record<string, number> = {};

beforeAll(async () => {
  const started = Date.now();
  server = await startTestServer();
  const db = server.database.db;
  const app = server.app;
  const orgs = await db
    .selectFrom('organizations as o')
    .innerJoin('tenants as t', 't.id', 'o.tenant_id')
    .select(['o.id', 'o.name'])
    .where('t.code', '=', 'kagoshima')
    .execute();
  const org = (name: string) => orgs.find((o) => o.name === name)?.id ?? '';

  // Tenant-wide fixtures of 鹿児島市, and a second coordinating section and its users for the
  // "same city, no part in it" case (made while the coordinating section is reorganised).
  const admin = await demoUser(app, 'admin');
  const fixtureOrg = await admin.call<{ id: string }>('POST', '/api/organizations', {
    name: 'マトリクス試験機関',
    nameKana: 'マトリクスシケンキカン',
    kind: 'privateOrganization',
  });
  const branch = await admin.call<{ id: string }>('POST', '/api/organizations', {
    name: '福祉総合相談課（試験）',
    nameKana: 'フクシソウゴウソウダンカ',
    kind: 'citySection',
    isCoordinatingSection: true,
  });
  const fixtureUsers = [
    { loginId: 'matrix-kodomo', organizationId: org('こども家庭センター'), roles: ['caseworker'] },
    { loginId: 'matrix-sogo', organizationId: branch.id, roles: ['coordinator'] },
    { loginId: 'matrix-target', organizationId: fixtureOrg.id, roles: ['caseworker'] },
  ];
  const userIds: Record<string, string> = {};
  // independent fixtures are built concurrently (password hashing runs off the event loop)
  await Promise.all(
    fixtureUsers.map(async (u) => {
      const created = await admin.call<{ id: string }>('POST', '/api/users', {
        ...u,
        displayName: '試験 利用者',
        password: 'matrix-password-1',
      });
      userIds[u.loginId] = created.id;
    }),
  );
  // the fixture users sign in with the demo password, like every demo account
  const demoHash = await db
    .selectFrom('users')
    .select('password_hash')
    .where('login_id', '=', 'coordinator')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('users')
    .set({ password_hash: demoHash.password_hash })
    .where('login_id', 'in', Object.keys(userIds))
    .execute();

  const address = '鹿児島市（架空の住所）';
  await admin.call('POST', `/api/organizations/${org('重層事業担当')}/disable`);
  const q = await buildCaseWorld(app, {
    coordinator: 'matrix-sogo',
    counter: 'matrix-kodomo',
    counterOrganization: 'こども家庭センター',
    coordinatingOrganization: '福祉総合相談課（試験）',
    partners: ['マトリクス試験機関'],
    acknowledgers: ['matrix-target'],
    reporters: { マトリクス試験機関: 'matrix-target' },
    people: {
      person: syntheticPerson('他見', '秘子', 'タミ', 'ヒミコ', '1966-06-06', address),
      member: syntheticPerson('他見', '秘蔵', 'タミ', 'ヒゾウ', '1938-03-03', address),
      other: syntheticPerson('他見', '別子', 'タミ', 'ベツコ', '1990-01-01', address),
    },
  });
  const qOpen = await openConsultation(
    app,
    'matrix-kodomo',
    syntheticPerson('他見', '開子', 'タミ', 'ヒラコ', '1980-08-08', address),
  );
  const qReferred = await openConsultation(
    app,
    'matrix-kodomo',
    syntheticPerson('他見', '紹介', 'タミ', 'ショウカイ', '1981-09-09', address),
    fixtureOrg.id,
  );
  await admin.call('POST', `/api/organizations/${org('重層事業担当')}/enable`);

  const p = await buildCaseWorld(app, {
    coordinator: 'coordinator',
    counter: 'houkatsu',
    counterOrganization: '地域包括支援センター',
    coordinatingOrganization: '重層事業担当',
    partners: ['障害者相談支援事業所', '保護第一課', '鹿児島保護観察所'],
    acknowledgers: ['shogai', 'hogo', 'hogokansatsu'],
    reporters: { 障害者相談支援事業所: 'shogai' },
    people: {
      person: syntheticPerson('共有', '一美', 'キョウユウ', 'カズミ', '1970-04-04', address),
      member: syntheticPerson('共有', '二代', 'キョウユウ', 'フタヨ', '1940-02-02', address),
      other: syntheticPerson('共有', '三郎', 'キョウユウ', 'サブロウ', '1985-05-05', address),
    },
  });
  const consultations: Record<string, string> = {};
  const referrals: Record<string, string> = {};
  const counters = ['coordinator', 'houkatsu', 'shogai', 'hogo', 'hogokansatsu'];
  const kanaNames = ['イチコ', 'ニコ', 'ミコ', 'ヨシコ', 'イツコ'];
  const openAt = async (loginId: string, index: number) => {
    const account = demoAccounts.find((a) => a.loginId === loginId);
    const organizationId = org(account?.organization ?? '');
    consultations[organizationId] = await openConsultation(
      app,
      loginId,
      syntheticPerson(
        '窓口',
        kanaNames[index] ?? 'コ',
        'マドグチ',
        kanaNames[index] ?? 'コ',
        '1975-01-01',
        address,
      ),
    );
    if (loginId === 'coordinator') return; // a referral to the coordinating section is a handover
    const from = loginId === 'houkatsu' ? 'shogai' : 'houkatsu';
    const referred = await openConsultation(
      app,
      from,
      syntheticPerson(
        '紹介',
        kanaNames[index] ?? 'コ',
        'ショウカイ',
        kanaNames[index] ?? 'コ',
        '1976-01-01',
        address,
      ),
      organizationId,
    );
    referrals[organizationId] = await referralOf(db, referred);
  };
  await Promise.all(counters.map(openAt));
  const plan = await demoUser(app, 'plan');
  const councilMeeting = await plan.call<{ id: string }>('POST', '/api/council/meetings', {
    heldAt: '2026-07-20T14:00:00+09:00',
    place: '（試験用）会議室',
    isOpen: true,
  });
  const council = await demoUser(app, 'council');
  const opinion = await council.call<{ id: string }>('POST', '/api/council/opinions', {
    meetingId: councilMeeting.id,
    content: '（試験用）意見',
  });
  const programme = await db
    .selectFrom('programmes as p')
    .innerJoin('tenants as t', 't.id', 'p.tenant_id')
    .select(['p.id', 'p.responsible_section_id'])
    .where('t.code', '=', 'kagoshima')
    .where('p.responsible_section_id', '=', org('保護第一課'))
    .executeTakeFirstOrThrow();
  const challenges = await db
    .selectFrom('challenges as c')
    .innerJoin('tenants as t', 't.id', 'c.tenant_id')
    .select(['c.id', 'c.title'])
    .where('t.code', '=', 'kagoshima')
    .orderBy('c.position')
    .execute();
  const kinds = await db
    .selectFrom('meeting_kinds as k')
    .innerJoin('tenants as t', 't.id', 'k.tenant_id')
    .select(['k.id', 'k.code'])
    .where('t.code', '=', 'kagoshima')
    .execute();
  const kind = (code: string) => kinds.find((k) => k.code === code)?.id ?? '';
  const tenantWideA = {
    organizationId: fixtureOrg.id,
    userId: userIds['matrix-target'] ?? '',
    programmeId: programme.id,
    councilMeetingId: councilMeeting.id,
    opinionId: opinion.id,
    challenges,
    multilayerKindId: kind('multilayerMeeting'),
    supportKindId: kind('supportMeeting'),
    partnerOrganizationId: org('自立相談支援機関'),
    sectionId: org('保護第一課'),
    resourceId: (
      await db
        .selectFrom('resources as r')
        .innerJoin('tenants as t', 't.id', 'r.tenant_id')
        .select('r.id')
        .where('t.code', '=', 'kagoshima')
        .orderBy('r.name')
        .executeTakeFirstOrThrow()
    ).id,
  };
  const ownWorld: World = {
    ...tenantWideA,
    caseId: p.caseId,
    personId: p.personId,
    memberPersonId: p.memberPersonId,
    personKana: 'キョウユウカズミ',
    consultationOfCase: p.consultationId,
    supportMeetingId: p.supportMeetingId,
    multilayerMeetingId: p.multilayerMeetingId,
    planId: p.planId,
    planItems: Object.fromEntries(Object.entries(p.planItems).map(([name, id]) => [org(name), id])),
    pendingHandoverId: p.pendingHandoverId,
    consultations,
    referrals,
    placementId: '',
    communityActivityId: '',
  };
  const foreignWorld: World = {
    ...tenantWideA,
    caseId: q.caseId,
    personId: q.personId,
    memberPersonId: q.memberPersonId,
    personKana: 'タミヒミコ',
    consultationOfCase: q.consultationId,
    supportMeetingId: q.supportMeetingId,
    multilayerMeetingId: q.multilayerMeetingId,
    planId: q.planId,
    planItems: Object.fromEntries(
      Object.entries(q.planItems).map(([name, id]) => [
        name === 'マトリクス試験機関' ? fixtureOrg.id : name,
        id,
      ]),
    ),
    pendingHandoverId: q.pendingHandoverId,
    consultations: { [org('こども家庭センター')]: qOpen },
    referrals: { [fixtureOrg.id]: await referralOf(db, qReferred) },
    placementId: '',
    communityActivityId: '',
  };
  const otherWorld = await loadTenantWorld(db, SECOND_TENANT.code, {
    organization: '霧島地区更生保護女性会',
    userLoginId: secondLogin('hogo'),
    section: '保護課',
    partner: '霧島市地域包括支援センター',
  });
  // a 参加支援 placement on each world's case, made by its coordinating section
  const placeIn = async (world: World, coordinator: string) => {
    const keeper = await demoUser(app, coordinator);
    const placement = await keeper.call<{ id: string }>('POST', `/api/cases/${world.caseId}/placements`, {
      personId: world.personId,
      resourceId: world.resourceId,
      kind: 'ibasho',
    });
    world.placementId = placement.id;
  };
  // a 地域づくり activity of each city (own and foreign share the city's)
  const activityIn = async (coordinator: string) => {
    const keeper = await demoUser(app, coordinator);
    const activity = await keeper.call<{ id: string }>('POST', '/api/community-activities', {
      name: '（試験用）地域サロン',
      kind: 'salon',
      placeName: '（試験用）公民館',
    });
    return activity.id;
  };
  const [kagoshimaActivity, otherActivity] = await Promise.all([
    activityIn('coordinator'),
    activityIn(secondLogin('coordinator')),
  ]);
  ownWorld.communityActivityId = kagoshimaActivity;
  foreignWorld.communityActivityId = kagoshimaActivity;
  otherWorld.communityActivityId = otherActivity;
  await Promise.all([
    placeIn(ownWorld, 'coordinator'),
    placeIn(foreignWorld, 'matrix-sogo'),
    placeIn(otherWorld, secondLogin('coordinator')),
  ]);
  worlds = { own: ownWorld, foreign: foreignWorld, other: otherWorld };
  caseParticipants = {
    own: await participantsOf(p.caseId),
    foreign: await participantsOf(q.caseId),
    other: new Set(),
  };
  coordinatingSection = { own: org('重層事業担当'), foreign: branch.id, other: '' };
  const otherProgramme = await db
    .selectFrom('programmes')
    .select('responsible_section_id')
    .where('id', '=', otherWorld.programmeId)
    .executeTakeFirstOrThrow();
  programmeSection = {
    own: programme.responsible_section_id,
    foreign: programme.responsible_section_id,
    other: otherProgramme.responsible_section_id,
  };
  invitees = {
    own: await invited(p.supportMeetingId),
    foreign: await invited(q.supportMeetingId),
    other: new Set(),
  };

  // the privacy records of each world: a consent with its scan and a sensitive fact (recorded by the
  // case's coordinating section), and a council meeting attachment
  const privacyRecords = async (world: World, coordinator: string, planner: string): Promise<Extra> => {
    const keeper = await demoUser(app, coordinator);
    const consent = await keeper.call<{ id: string }>('POST', '/api/consents', {
      personId: world.personId,
      caseId: world.caseId,
      organizationIds: [world.partnerOrganizationId],
      categories: ['basic'],
      givenOn: today(),
      method: 'signedForm',
    });
    await keeper.call('PUT', `/api/consents/${consent.id}/scan`, {
      filename: 'doui.pdf',
      mediaType: 'application/pdf',
      contentBase64: PDF_BASE64,
    });
    const fact = await keeper.call<{ id: string }>('POST', '/api/sensitive-facts', {
      personId: world.personId,
      caseId: world.caseId,
      kind: 'offence',
      subtype: 'sentenceServed',
      summary: '（試験用）窃盗',
    });
    const grant = await db
      .selectFrom('sensitive_fact_grants')
      .select('id')
      .where('fact_id', '=', fact.id)
      .executeTakeFirstOrThrow();
    const attachment = await (await demoUser(app, planner)).call<{ id: string }>(
      'POST',
      `/api/council/meetings/${world.councilMeetingId}/attachments`,
      { fileName: '資料.pdf', contentBase64: PDF_BASE64 },
    );
    return { consentId: consent.id, factId: fact.id, grantId: grant.id, attachmentId: attachment.id };
  };
  const [ownExtra, foreignExtra, otherExtra] = await Promise.all([
    privacyRecords(ownWorld, 'coordinator', 'plan'),
    privacyRecords(foreignWorld, 'matrix-sogo', 'plan'),
    privacyRecords(otherWorld, secondLogin('coordinator'), secondLogin('plan')),
  ]);
  extra = { own: ownExtra, foreign: foreignExtra, other: otherExtra };
  extraIds.other = Object.values(extra.other);
  const granteesOf = async (factId: string) =>
    new Set(
      (
        await db
          .selectFrom('sensitive_fact_grants')
          .select('organization_id')
          .where('fact_id', '=', factId)
          .where('revoked_at', 'is', null)
          .execute()
      ).map((g) => g.organization_id),
    );
  factGrantees = {
    own: await granteesOf(extra.own.factId),
    foreign: await granteesOf(extra.foreign.factId),
    other: new Set(),
  };

  async function invited(meetingId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('meeting_invitations')
      .select('organization_id')
      .where('meeting_id', '=', meetingId)
      .execute();
    return new Set(rows.map((r) => r.organization_id));
  }
  async function participantsOf(caseId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('case_participants')
      .select('organization_id')
      .where('case_id', '=', caseId)
      .where('scope', '=', 'case')
      .execute();
    return new Set(rows.map((r) => r.organization_id));
  }

  for (const account of demoAccounts)
    users.push({ loginId: account.loginId, roles: account.roles, organizationId: org(account.organization) });
  await Promise.all(
    demoAccounts.map(async (account) => {
      clients.set(account.loginId, await server.as(account.loginId));
      // a second device of the same user, for sessions.revoke (made by the server's own session
      // store, as sign-in does: signing in once more per user would exceed the sign-in rate limit)
      const account_ = await db
        .selectFrom('users')
        .select(['id', 'tenant_id'])
        .where('login_id', '=', account.loginId)
        .executeTakeFirstOrThrow();
      const device = await db.transaction().execute((tx) =>
        createSession(tx, {
          tenantId: account_.tenant_id,
          userId: account_.id,
          ip: '127.0.0.1',
          userAgent: 'matrix second device',
          absoluteTimeoutSeconds: 3600,
        }),
      );
      extraSessions.set(account.loginId, sessionIdOf(device.token));
    }),
  );
  const doc = await server.anonymous().get<typeof openapi>('/api/openapi.json');
  openapi = doc.body;
  operations = Object.entries(openapi.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const o = raw as {
        operationId: string;
        'x-kasane-access'?: Access;
        'x-kasane-audit'?: string[];
        parameters?: { name: string; in: string; required?: boolean }[];
      };
      return {
        method,
        path,
        operationId: o.operationId,
        access: o['x-kasane-access'],
        audit: o['x-kasane-audit'],
        records: (() => {
          const a = o['x-kasane-access'];
          return (typeof a === 'object' && a.records) || 'participation';
        })(),
        pathParams: (o.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name),
        requiredQuery: (o.parameters ?? []).filter((x) => x.in === 'query' && x.required).map((x) => x.name),
      };
    }),
  );
  ({ cells, problems } = buildCells());
  timings.setup = Date.now() - started;
}, 240_000);

afterAll(async () => {
  console.log(
    `authorization matrix (${server?.database.kind}): ${operations.length} operations × ${users.length} users → ${cells.length} cells; ` +
      Object.entries(timings)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(', '),
  );
  await server?.close();
});

// ---------------------------------------------------------------- the tests

describe('authorization matrix: every operation × every demo user × own / same-city / other-city record', () => {
  it('can fill every operation’s parameters and knows every operation’s declared access', () => {
    expect(
      problems,
      `The authorization matrix cannot test these operations:\n${problems.join('\n')}`,
    ).toEqual([]);
    expect(operations.length).toBeGreaterThan(70);
    // the live declarations are the oracle's, row for row (tests/api/accessOracle.ts)
    const differences = differencesFromOracle(
      operations.flatMap((op) => (op.access ? [liveDeclarationOf(op.operationId, op.access)] : [])),
    );
    expect(differences, `Declarations differ from the access oracle:\n${differences.join('\n')}`).toEqual([]);
    expect(cells.length).toBeGreaterThan(operations.length * users.length);
  });

  it('refuses every request the declared access or the record’s participation forbids, with the right status, and changes nothing', async () => {
    const started = Date.now();
    const refused = cells.filter((c) => !c.expected.allowed && c.op.operationId !== 'session.delete');
    const before = await fingerprint(server.database.db);
    const responses = await inBatches(refused, 8, send);
    const after = await fingerprint(server.database.db);
    const wrong = refused
      .map((cell, i) => ({ cell, response: responses[i] as ApiResponse }))
      .filter(({ cell, response }) => {
        const expected = cell.expected as { statuses: number[] };
        if (!expected.statuses.includes(response.status)) return true;
        return !(response.headers.get('content-type') ?? '').includes('problem+json');
      })
      .map(
        ({ cell, response }) =>
          `${label(cell)}: expected ${(cell.expected as { statuses: number[] }).statuses.join('/')}, got ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`,
      );
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(changedTables(before, after), 'refused requests changed these tables').toEqual([]);
    // a refusal by record must not tell the record exists: the same answer as for an unknown id
    const leaks = refused
      .map((cell, i) => ({ cell, response: responses[i] as ApiResponse }))
      .filter(({ cell }) => cell.world === 'other' || cell.world === 'foreign')
      .flatMap(({ cell, response }) =>
        leakedIds(cell, response.body, forbiddenIds(cell)).map((id) => `${label(cell)} answered with ${id}`),
      );
    expect(leaks, leaks.join('\n')).toEqual([]);
    timings.refused = Date.now() - started;
    console.log(`refused: ${refused.length} requests`);
  }, 600_000);

  it('lets through every read the declared access and participation allow, and no answer contains another’s records', async () => {
    const started = Date.now();
    const reads = cells.filter((c) => c.expected.allowed && c.op.method === 'get');
    const responses = await inBatches(reads, 8, send);
    // the city's audit trail rightly records the ids its own users named in refused requests
    // (access.denied keeps the path parameters): those are echoes of what they sent, not another
    // city's records; any other appearance of another city's id is a leak
    const denied = await server.database.db
      .selectFrom('audit_events as a')
      .innerJoin('tenants as t', 't.id', 'a.tenant_id')
      .select('a.details')
      .where('t.code', '=', 'kagoshima')
      .where('a.action', '=', 'access.denied')
      .execute();
    const named = denied.map((d) => JSON.stringify(d.details)).join(' ');
    const echoed = (cell: Cell, id: string): boolean =>
      cell.op.path.startsWith('/api/audit-events') &&
      named.includes(id) &&
      !otherCityNamedElsewhere((responses[reads.indexOf(cell)] as ApiResponse).body, id);
    const failures: string[] = [];
    reads.forEach((cell, i) => {
      const response = responses[i] as ApiResponse;
      if (response.status >= 400)
        failures.push(
          `${label(cell)}: expected success, got ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
        );
      for (const id of leakedIds(cell, response.body, forbiddenIds(cell)))
        if (!echoed(cell, id))
          failures.push(`${label(cell)}: the answer contains ${id}, a record the user has no part in`);
    });
    expect(failures, failures.join('\n')).toEqual([]);
    timings.reads = Date.now() - started;
    console.log(`allowed reads: ${reads.length} requests`);
  }, 600_000);

  it('lets through every write the declared access and participation allow (run last, one at a time)', async () => {
    const started = Date.now();
    const writes = cells.filter(
      (c) => c.expected.allowed && c.op.method !== 'get' && c.op.operationId !== 'session.delete',
    );
    // those that end the caller's other sessions go last
    writes.sort(
      (a, b) =>
        Number(bodies[a.op.operationId]?.last ?? false) - Number(bodies[b.op.operationId]?.last ?? false),
    );
    const failures: string[] = [];
    const tally: Record<string, number> = {};
    const declaredEvents = async (cell: Cell) =>
      cell.op.audit && cell.op.audit.length > 0
        ? Number(
            (
              await server.database.db
                .selectFrom('audit_events')
                .select((eb) => eb.fn.countAll<string>().as('n'))
                .where('action', 'in', cell.op.audit as AuditAction[])
                .where('actor_login_id', '=', cell.user.loginId)
                .executeTakeFirstOrThrow()
            ).n,
          )
        : 0;
    for (const cell of writes) {
      const eventsBefore = await declaredEvents(cell);
      const tablesBefore = noOpWrites.has(cell.op.operationId) ? await fingerprint(server.database.db) : null;
      const response = await send(cell);
      tally[response.status] = (tally[response.status] ?? 0) + 1;
      // every allowed write that succeeded recorded (one of) its declared audit event(s), unless it
      // changed nothing at all (then there is nothing to record: src/server/auditGuard.ts)
      if (response.status < 300 && cell.op.audit && cell.op.audit.length > 0) {
        if ((await declaredEvents(cell)) <= eventsBefore) {
          const unchanged =
            tablesBefore !== null &&
            changedTables(tablesBefore, await fingerprint(server.database.db)).length === 0;
          if (!unchanged)
            failures.push(`${label(cell)}: succeeded without recording ${cell.op.audit.join(' or ')}`);
        }
      }
      const stateAnswers = bodies[cell.op.operationId]?.stateAnswers ?? [];
      if (stateAnswers.includes((response.body as { code?: string } | null)?.code ?? '')) continue;
      if (response.status === 400)
        failures.push(
          `${label(cell)}: 400 — fix its body in \`bodies\`: ${JSON.stringify(response.body).slice(0, 300)}`,
        );
      if ([401, 403, 404].includes(response.status) || response.status >= 500)
        failures.push(
          `${label(cell)}: expected to be let through, got ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
        );
      for (const id of leakedIds(cell, response.body, forbiddenIds(cell)))
        failures.push(`${label(cell)}: the answer contains ${id}, a record the user has no part in`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    // finally everyone signs out (session.delete is allowed to every signed-in user)
    for (const cell of cells.filter((c) => c.op.operationId === 'session.delete')) {
      expect((await send(cell)).status, label(cell)).toBeLessThan(300);
    }
    timings.writes = Date.now() - started;
    console.log(`allowed writes: ${writes.length} requests, by status ${JSON.stringify(tally)}`);
  }, 600_000);
});

/**
 * Whether an id named in a refused request also appears in an audit answer outside the denied
 * requests' own lines (for the JSON list: in an event that is not access.denied).
 */
function otherCityNamedElsewhere(body: unknown, id: string): boolean {
  if (typeof body === 'string')
    return body.split('\n').some((line) => line.includes(id) && !line.includes('access.denied'));
  const items = (body as { items?: { action?: string }[] } | null)?.items;
  if (!Array.isArray(items)) return true;
  return items.some((e) => e.action !== 'access.denied' && JSON.stringify(e).includes(id));
}

/** Ids a user must never be shown: the other city's records, and case data of the same city the user has no part in. */
function forbiddenIds(cell: Cell): Set<string> {
  const user = cell.user;
  const ids = new Set([...caseDataIds(worlds.other), ...tenantIds(worlds.other), ...extraIds.other]);
  // a tenant-wide operation (the audit trail, a 開示請求) reaches the whole city by declaration
  if (cell.op.records === 'tenant') return ids;
  if (!caseParticipants.foreign.has(user.organizationId)) ids.add(extra.foreign.consentId);
  if (!caseParticipants.foreign.has(user.organizationId) || !factGrantees.foreign.has(user.organizationId))
    ids.add(extra.foreign.factId);
  if (!caseParticipants.foreign.has(user.organizationId))
    for (const id of caseDataIds(worlds.foreign)) ids.add(id);
  return ids;
}
