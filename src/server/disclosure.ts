import type { Selectable } from 'kysely';
import type { Disclosure } from '../contract/auditEvents.ts';
import { personAccessLog } from '../db/auditEvents.ts';
import type { Executor } from '../db/executor.ts';
import type { DB } from '../db/schema.ts';
import { auditActionName } from '../domain/auditActions.ts';
import { caseStageLabels } from '../domain/caseStage.ts';
import * as clock from '../domain/clock.ts';
import {
  closureReasons,
  consultationChannels,
  consultationTopics,
  labelOf,
  monitoringDecisions,
  relations,
  reportResults,
  sexes,
} from '../domain/codeLists.ts';
import { formatDateWithWareki, formatWareki } from '../domain/wareki.ts';
import { presentAccessLogEntry } from './auditPresenter.ts';
import { type DocumentSection, type TableDocument, tableSection } from './documents.ts';

/** The access log in a disclosure: the newest this many looks (a disclosure is a document, not a dump). */
export const DISCLOSURE_ACCESS_LOG_LIMIT = 5_000;

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);
const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** The per-case records a disclosure lists, each read whole for the person's cases. */
type CaseRecordTable =
  | 'assessments'
  | 'meetings'
  | 'support_plans'
  | 'plan_items'
  | 'support_reports'
  | 'monitorings';
type CaseRecordOrder<T extends CaseRecordTable> = keyof DB[T] & string;

/** Every row of one per-case table that belongs to one of `caseIds`, in `orderBy` order. */
async function rowsOfCases<T extends CaseRecordTable>(
  db: Executor,
  tenantId: string,
  caseIds: string[],
  table: T,
  orderBy: CaseRecordOrder<T>,
): Promise<Selectable<DB[T]>[]> {
  if (caseIds.length === 0) return [];
  // Kysely cannot resolve column names on a table chosen by a type parameter; every table in
  // CaseRecordTable has tenant_id and case_id, and orderBy is a column of that table by its type.
  const rows = await db
    .selectFrom(table as 'assessments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', caseIds)
    .orderBy(orderBy as 'version')
    .execute();
  return rows as unknown as Selectable<DB[T]>[];
}

function byCase<T extends { case_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.case_id, [...(map.get(row.case_id) ?? []), row]);
  return map;
}

/**
 * Everything the city holds about one person, across all organisations, for a 開示請求 (個人情報の
 * 保護に関する法律 第76条): the person record, households, consultations about them or their household,
 * the cases they are in with assessments, meetings, plans, reports and monitorings, consents, and
 * who has looked at their data. Tenant-wide by design — no visibility predicate — because a
 * disclosure answers for the city, not for one organisation; only the `disclosure.export`
 * permission (the auditor, 個人情報保護担当) reaches it. Undefined when the person is not in the tenant.
 */
export async function loadDisclosure(
  db: Executor,
  tenantId: string,
  personId: string,
  now: Date = clock.now(),
): Promise<Disclosure | undefined> {
  const person = await db
    .selectFrom('persons')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) return undefined;

  const organizations = new Map(
    (
      await db.selectFrom('organizations').select(['id', 'name']).where('tenant_id', '=', tenantId).execute()
    ).map((o) => [o.id, o.name]),
  );
  const users = new Map(
    (
      await db.selectFrom('users').select(['id', 'display_name']).where('tenant_id', '=', tenantId).execute()
    ).map((u) => [u.id, u.display_name]),
  );
  const orgName = (id: string | null) => (id ? (organizations.get(id) ?? id) : null);
  const userName = (id: string | null) => (id ? (users.get(id) ?? id) : null);

  const memberships = await db
    .selectFrom('household_members')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .execute();
  const householdIds = [...new Set(memberships.map((m) => m.household_id))];
  const members = householdIds.length
    ? await db
        .selectFrom('household_members as hm')
        .innerJoin('persons as p', 'p.id', 'hm.person_id')
        .select([
          'hm.household_id',
          'hm.person_id',
          'hm.relation',
          'hm.living_together',
          'hm.from_date',
          'hm.to_date',
          'p.family_name',
          'p.given_name',
        ])
        .where('hm.tenant_id', '=', tenantId)
        .where('hm.household_id', 'in', householdIds)
        .orderBy('hm.household_id')
        .orderBy('hm.created_at')
        .execute()
    : [];

  const consultations = await db
    .selectFrom('consultations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      householdIds.length
        ? eb.or([eb('person_id', '=', personId), eb('household_id', 'in', householdIds)])
        : eb('person_id', '=', personId),
    )
    .orderBy('received_on')
    .orderBy('created_at')
    .execute();

  const caseIds = (
    await db
      .selectFrom('case_persons')
      .select('case_id')
      .where('tenant_id', '=', tenantId)
      .where('person_id', '=', personId)
      .execute()
  ).map((r) => r.case_id);
  const ofCases = <T extends CaseRecordTable>(table: T, orderBy: CaseRecordOrder<T>) =>
    rowsOfCases(db, tenantId, caseIds, table, orderBy);
  const cases = caseIds.length
    ? await db
        .selectFrom('cases')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', caseIds)
        .orderBy('accepted_on')
        .execute()
    : [];
  const assessments = byCase(await ofCases('assessments', 'version'));
  const meetings = byCase(await ofCases('meetings', 'scheduled_at'));
  const plans = byCase(await ofCases('support_plans', 'version'));
  const planItems = await ofCases('plan_items', 'position');
  const reports = byCase(await ofCases('support_reports', 'supported_on'));
  const monitorings = byCase(await ofCases('monitorings', 'conducted_on'));
  const consents = await db
    .selectFrom('consents')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .orderBy('given_on')
    .execute();
  const accessLog = await personAccessLog(db, tenantId, personId, { limit: DISCLOSURE_ACCESS_LOG_LIMIT });

  return {
    generatedAt: now.toISOString(),
    person: {
      id: person.id,
      familyName: person.family_name,
      givenName: person.given_name,
      familyNameKana: person.family_name_kana,
      givenNameKana: person.given_name_kana,
      birthDate: person.birth_date,
      sex: labelOf(sexes, person.sex),
      postalCode: person.postal_code,
      address: person.address,
      phones: parse<{ label: string; number: string }[]>(person.phones),
      addresseeNumber: person.addressee_number,
      registeredBy: orgName(person.registered_by_organization_id),
      registeredAt: iso(person.created_at),
    },
    households: members.map((m) => ({
      householdId: m.household_id,
      personId: m.person_id,
      name: `${m.family_name} ${m.given_name}`.trim(),
      relation: labelOf(relations, m.relation),
      livingTogether: m.living_together,
      fromDate: m.from_date,
      toDate: m.to_date,
    })),
    consultations: consultations.map((c) => ({
      id: c.id,
      about: c.person_id === personId ? 'self' : 'household',
      receivedOn: c.received_on,
      organization: orgName(c.organization_id),
      receivedBy: userName(c.received_by),
      channel: labelOf(consultationChannels, c.channel),
      topics: c.topics.map((t) => labelOf(consultationTopics, t)),
      mainTopic: labelOf(consultationTopics, c.main_topic),
      content: c.content,
      wishes: c.wishes,
      consentToShare: c.consent_to_share,
      outcome: c.outcome,
      status: c.status,
      closedAt: iso(c.closed_at),
      closeNote: c.close_note,
    })),
    cases: cases.map((k) => ({
      case: {
        id: k.id,
        caseNumber: k.case_number,
        stage: caseStageLabels[k.stage] ?? k.stage,
        coordinatingOrganization: orgName(k.coordinating_organization_id),
        leadOrganization: orgName(k.lead_organization_id),
        acceptedOn: k.accepted_on,
        closedOn: k.closed_on,
        closureReason: k.closure_reason ? labelOf(closureReasons, k.closure_reason) : null,
        closureEvaluation: k.closure_evaluation,
      },
      assessments: (assessments.get(k.id) ?? []).map((a) => ({
        version: a.version,
        issues: a.issues,
        householdFlags: a.household_flags,
        summary: a.summary,
        wishes: a.wishes,
        strengths: a.strengths,
        recordedBy: userName(a.recorded_by),
        recordedAt: iso(a.created_at),
      })),
      meetings: (meetings.get(k.id) ?? []).map((m) => ({
        title: m.title,
        legalBasis: m.legal_basis,
        scheduledAt: iso(m.scheduled_at),
        heldAt: iso(m.held_at),
        place: m.place,
        agenda: m.agenda,
        minutes: m.minutes,
        decisions: m.decisions,
      })),
      plans: (plans.get(k.id) ?? []).map((p) => ({
        version: p.version,
        status: p.status,
        wishes: p.wishes,
        longTermGoal: p.long_term_goal,
        shortTermGoals: p.short_term_goals,
        nextMonitoringOn: p.next_monitoring_on,
        approvedAt: iso(p.approved_at),
        items: planItems
          .filter((i) => i.plan_id === p.id)
          .map((i) => ({
            content: i.content,
            organization: orgName(i.organization_id),
            frequency: i.frequency,
            periodFrom: i.period_from,
            periodTo: i.period_to,
          })),
      })),
      supportReports: (reports.get(k.id) ?? []).map((s) => ({
        supportedOn: s.supported_on,
        organization: orgName(s.organization_id),
        reportedBy: userName(s.reported_by),
        content: s.content,
        result: labelOf(reportResults, s.result),
      })),
      monitorings: (monitorings.get(k.id) ?? []).map((m) => ({
        conductedOn: m.conducted_on,
        decision: labelOf(monitoringDecisions, m.decision),
        note: m.note,
        nextMonitoringOn: m.next_monitoring_on,
        recordedBy: userName(m.recorded_by),
      })),
    })),
    consents: consents.map((c) => ({
      givenOn: c.given_on,
      organizations: c.organization_ids.map((id) => orgName(id)),
      categories: c.categories,
      method: c.method,
      expiresOn: c.expires_on,
      withdrawnAt: iso(c.withdrawn_at),
      withdrawalReason: c.withdrawal_reason,
      caseNumber: cases.find((k) => k.id === c.case_id)?.case_number ?? null,
    })),
    accessLog: accessLog.map(presentAccessLogEntry),
  };
}

const str = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  if (Array.isArray(value)) return value.map(str).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};
const day = (value: unknown) => (typeof value === 'string' && value ? formatWareki(value) : '');
const tokyoDateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  dateStyle: 'medium',
  timeStyle: 'short',
});
const moment = (value: unknown) =>
  typeof value === 'string' && value ? tokyoDateTime.format(new Date(value)) : '';

/**
 * The disclosure as a printable document (PDF through the shared renderer in documents.ts): the
 * same content as the JSON, laid out as the sections an official hands over.
 */
export function disclosureDocument(disclosure: Disclosure, tenantName: string): TableDocument {
  const p = disclosure.person;
  const name = `${str(p.familyName)} ${str(p.givenName)}`.trim();
  const sections: DocumentSection[] = [
    {
      heading: '本人情報',
      columns: [
        { header: '項目', width: 20 },
        { header: '内容', width: 80 },
      ],
      rows: [
        ['氏名', name],
        ['フリガナ', `${str(p.familyNameKana)} ${str(p.givenNameKana)}`.trim()],
        ['生年月日', p.birthDate ? formatDateWithWareki(String(p.birthDate)) : ''],
        ['性別', str(p.sex)],
        ['郵便番号', str(p.postalCode)],
        ['住所', str(p.address)],
        [
          '電話番号',
          ((p.phones as { label: string; number: string }[] | undefined) ?? [])
            .map((ph) => `${ph.label} ${ph.number}`.trim())
            .join('、'),
        ],
        ['宛名番号', str(p.addresseeNumber)],
        ['登録した機関', str(p.registeredBy)],
      ],
    },
    tableSection('世帯', disclosure.households, [
      { header: '氏名', width: 30, cell: (m) => str(m.name) },
      { header: '続柄', width: 20, cell: (m) => str(m.relation) },
      { header: '同居', width: 10, cell: (m) => str(m.livingTogether) },
      { header: '期間', width: 40, cell: (m) => [day(m.fromDate), day(m.toDate)].filter(Boolean).join('〜') },
    ]),
    tableSection('相談', disclosure.consultations, [
      { header: '受付日', width: 14, cell: (c) => day(c.receivedOn) },
      { header: '受付機関', width: 18, cell: (c) => str(c.organization) },
      { header: '主訴', width: 12, cell: (c) => str(c.mainTopic) },
      { header: '相談内容', width: 40, cell: (c) => str(c.content) },
      { header: '本人の意向', width: 16, cell: (c) => str(c.wishes) },
    ]),
  ];
  for (const entry of disclosure.cases) {
    const label = `事例 ${str(entry.case.caseNumber)}`;
    sections.push(
      tableSection(
        label,
        [entry.case],
        [
          { header: '段階', width: 15, cell: (k) => str(k.stage) },
          { header: '調整機関', width: 25, cell: (k) => str(k.coordinatingOrganization) },
          { header: '受理日', width: 15, cell: (k) => day(k.acceptedOn) },
          { header: '終結日', width: 15, cell: (k) => day(k.closedOn) },
          {
            header: '終結理由・評価',
            width: 30,
            cell: (k) => [str(k.closureReason), str(k.closureEvaluation)].filter(Boolean).join(' / '),
          },
        ],
      ),
      tableSection(`${label} 課題整理`, entry.assessments, [
        { header: '版', width: 6, cell: (a) => str(a.version) },
        { header: '課題', width: 24, cell: (a) => str(a.issues) },
        { header: '概要', width: 30, cell: (a) => str(a.summary) },
        { header: '意向', width: 20, cell: (a) => str(a.wishes) },
        { header: '強み', width: 20, cell: (a) => str(a.strengths) },
      ]),
      tableSection(`${label} 会議`, entry.meetings, [
        { header: '会議', width: 20, cell: (m) => str(m.title) },
        { header: '日時', width: 15, cell: (m) => moment(m.heldAt ?? m.scheduledAt) },
        { header: '議題', width: 20, cell: (m) => str(m.agenda) },
        { header: '記録', width: 25, cell: (m) => str(m.minutes) },
        { header: '決定事項', width: 20, cell: (m) => str(m.decisions) },
      ]),
      tableSection(`${label} 支援プラン`, entry.plans, [
        { header: '版', width: 6, cell: (pl) => str(pl.version) },
        { header: '状態', width: 10, cell: (pl) => str(pl.status) },
        { header: '本人・世帯の意向', width: 22, cell: (pl) => str(pl.wishes) },
        {
          header: '目標',
          width: 28,
          cell: (pl) => [str(pl.longTermGoal), str(pl.shortTermGoals)].filter(Boolean).join(' / '),
        },
        {
          header: '支援内容（役割分担）',
          width: 34,
          cell: (pl) =>
            ((pl.items as Record<string, unknown>[] | undefined) ?? [])
              .map((i) => `${str(i.content)}（${str(i.organization)}）`)
              .join('、'),
        },
      ]),
      tableSection(`${label} 支援報告`, entry.supportReports, [
        { header: '支援日', width: 15, cell: (r) => day(r.supportedOn) },
        { header: '機関', width: 20, cell: (r) => str(r.organization) },
        { header: '内容', width: 50, cell: (r) => str(r.content) },
        { header: '結果', width: 15, cell: (r) => str(r.result) },
      ]),
      tableSection(`${label} モニタリング`, entry.monitorings, [
        { header: '実施日', width: 15, cell: (m) => day(m.conductedOn) },
        { header: '判断', width: 15, cell: (m) => str(m.decision) },
        { header: '所見', width: 55, cell: (m) => str(m.note) },
        { header: '次回', width: 15, cell: (m) => day(m.nextMonitoringOn) },
      ]),
    );
  }
  sections.push(
    tableSection('同意', disclosure.consents, [
      { header: '同意日', width: 15, cell: (c) => day(c.givenOn) },
      { header: '共有先', width: 40, cell: (c) => str(c.organizations) },
      { header: '範囲', width: 20, cell: (c) => str(c.categories) },
      {
        header: '撤回',
        width: 25,
        cell: (c) => (c.withdrawnAt ? `${moment(c.withdrawnAt)} ${str(c.withdrawalReason)}` : ''),
      },
    ]),
    tableSection('閲覧履歴（個人情報を見た記録）', disclosure.accessLog, [
      { header: '日時', width: 18, cell: (a) => moment(a.occurredAt) },
      { header: '利用者', width: 17, cell: (a) => a.user?.displayName ?? '' },
      { header: '所属', width: 25, cell: (a) => a.organization?.name ?? '' },
      { header: '操作', width: 20, cell: (a) => auditActionName(a.action) },
      {
        header: '目的・法的根拠',
        width: 20,
        cell: (a) => [a.purpose ?? '', a.legalBasis ?? ''].filter(Boolean).join(' / '),
      },
    ]),
  );
  return {
    title: `保有個人情報開示資料 ${name}`,
    subtitle: [
      `${tenantName} 作成日時 ${moment(disclosure.generatedAt)}`,
      '個人情報の保護に関する法律に基づく開示請求に対し、市が保有する本人に関する情報を出力したものです。',
    ],
    sections,
    notes: ['不開示情報（第三者の情報等）に当たる部分の判断は、開示決定の担当者が行ってください。'],
  };
}
