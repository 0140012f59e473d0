import type { Content } from 'pdfmake/interfaces';
import type { CaseDetail } from '../../contract/cases.ts';
import type { Household } from '../../contract/households.ts';
import type { Plan } from '../../contract/plans.ts';
import type { ProgressNote } from '../../contract/progressNotes.ts';
import type { MonitoringItemResult } from '../../db/schema.ts';
import { caseStageLabels } from '../../domain/caseStage.ts';
import {
  closureReasons,
  consultationChannels,
  consultationTopics,
  householdFlags,
  issueAreas,
  itemProgress,
  labelOf,
  monitoringDecisions,
  progressNoteKinds,
  relations,
  reportResults,
} from '../../domain/codeLists.ts';
import { birthLine, type PersonContact, sexBoxes } from './consultationSheet.ts';
import {
  approvalBoxes,
  box,
  diagram,
  fields,
  grid,
  heading,
  signatureBlock,
  textBlock,
  wareki,
  warekiDateTime,
} from './formLayout.ts';

export const caseFormNames = {
  intake: '様式2-1 インテーク・アセスメントシート（基本情報）',
  assessment: '様式2-2 インテーク・アセスメントシート（課題整理）',
  plan: '様式3 プランシート（プラン兼利用申込書）',
  progress: '様式4 支援経過記録（経過一覧）',
  evaluation: '様式5 評価シート',
} as const;

function personBlock(kase: CaseDetail, household: Household, contact: PersonContact): Content {
  const primary = kase.persons.find((p) => p.isPrimary);
  const member = household.members.find((m) => m.person.id === primary?.id);
  const p = member?.person;
  return fields(
    [
      ['ふりがな', p ? `${p.familyNameKana}　${p.givenNameKana}` : (primary?.kana ?? '')],
      ['氏名', p ? `${p.familyName}　${p.givenName}` : (primary?.name ?? '')],
      ['性別', sexBoxes(p?.sex ?? primary?.sex ?? '')],
      ['生年月日', birthLine(p?.birthDate ?? primary?.birthDate ?? null, p?.age ?? null)],
      ['住所', `${contact.postalCode ? `〒${contact.postalCode}　` : ''}${contact.address ?? ''}`],
      ['電話', contact.phones.map((ph) => `${ph.label ? `${ph.label} ` : ''}${ph.number}`).join('　')],
    ],
    1,
  );
}

function caseHeader(kase: CaseDetail): Content {
  return fields([
    ['事例番号', kase.caseNumber],
    ['支援決定日', wareki(kase.acceptedOn)],
    ['調整機関', kase.coordinatingOrganization.name],
    ['担当職員', kase.assignedUser?.name ?? ''],
  ]);
}

function householdTable(household: Household): Content {
  return grid(
    ['氏名', '続柄', '生年月日（年齢）', '同居', '状況'],
    ['*', 58, 124, 30, 110],
    household.members.map((m) => [
      { text: `${m.person.familyName} ${m.person.givenName}`, bold: m.supported },
      { text: labelOf(relations, m.relation) },
      {
        text: m.deceased
          ? `${wareki(m.person.birthDate, '不明')}`
          : birthLine(m.person.birthDate, m.person.age),
      },
      { text: m.livingTogether ? '同居' : '別居', alignment: 'center' },
      {
        text: [
          m.supported ? '支援対象' : '',
          m.deceased ? `死亡${m.diedOn ? `（${wareki(m.diedOn)}）` : ''}` : '',
        ]
          .filter(Boolean)
          .join('・'),
      },
    ]),
  );
}

/** The approval boxes of a sheet the case's 担当職員 writes: 担当者 (named), 係長, 課長. */
function caseWorkerApproval(kase: CaseDetail): Content {
  return approvalBoxes([
    { role: '担当者', name: kase.assignedUser?.name ?? null },
    { role: '係長' },
    { role: '課長' },
  ]);
}

/** How the intake and assessment sheets open: approvals, the case, and the person with contact. */
function sheetTop(kase: CaseDetail, household: Household, contact: PersonContact): Content[] {
  return [caseWorkerApproval(kase), caseHeader(kase), heading('本人'), personBlock(kase, household, contact)];
}

/**
 * インテーク・アセスメントシート（基本情報）: the case, the person, how the consultation came in and
 * why it was handed over, the household with its genogram.
 */
export function intakeSheet(
  kase: CaseDetail,
  household: Household,
  contact: PersonContact,
  genogram: string,
): Content[] {
  const origin = kase.origin;
  return [
    ...sheetTop(kase, household, contact),
    heading('相談受付と引継ぎ'),
    fields([
      ['受付日', origin ? wareki(origin.consultation.receivedOn) : ''],
      ['受付機関', origin?.consultation.organization.name ?? ''],
      ['相談経路', origin ? labelOf(consultationChannels, origin.consultation.channel) : ''],
      ['主な相談', origin ? labelOf(consultationTopics, origin.consultation.mainTopic) : ''],
      ['引継ぎ元', origin?.handover.fromOrganization.name ?? ''],
      ['本人同意', origin ? (origin.consultation.consentToShare ? 'あり' : 'なし') : ''],
    ]),
    textBlock('相談の内容（主訴）', origin?.consultation.content),
    textBlock('引継ぎの理由（単独の機関では解決が難しい理由）', origin?.handover.reason),
    textBlock('これまでに試みた支援', origin?.handover.servicesTried),
    heading('世帯の状況'),
    householdTable(household),
    diagram('ジェノグラム', genogram),
  ];
}

/**
 * インテーク・アセスメントシート（課題整理）: the issues by area (every code printed, those found
 * filled), the household patterns, summary, wishes and strengths, with the genogram and ecomap.
 */
export function assessmentSheet(
  kase: CaseDetail,
  household: Household,
  contact: PersonContact,
  genogram: string,
  ecomap: string,
): Content[] {
  const assessment = kase.assessment;
  const chosen = new Set(assessment?.issues.map((i) => i.code) ?? []);
  const flags = new Set(assessment?.householdFlags ?? []);
  return [
    ...sheetTop(kase, household, contact),
    fields([
      ['課題整理', assessment ? `第${assessment.version}版` : '未記録'],
      ['記録日', assessment ? wareki(assessment.recordedAt) : ''],
      ['記録者', assessment?.recordedBy.name ?? ''],
      ['', ''],
    ]),
    heading('課題（該当するものに■）'),
    grid(
      ['分野', '課題'],
      [80, '*'],
      issueAreas.map((area) => [
        { text: area.label, bold: true },
        { text: area.issues.map((i) => box(chosen.has(i.code), i.label)).join('　') },
      ]),
    ),
    fields([['世帯類型', householdFlags.map((f) => box(flags.has(f.code), f.label)).join('　')]], 1),
    textBlock('課題の概要・見立て', assessment?.summary),
    textBlock('本人・世帯の意向', assessment?.wishes),
    textBlock('本人・世帯の強み', assessment?.strengths),
    heading('世帯の状況'),
    householdTable(household),
    diagram('ジェノグラム', genogram),
    diagram('エコマップ', ecomap, 440),
  ];
}

/** The 事例番号 and 本人氏名 that open the plan, progress and evaluation sheets. */
function caseAndPerson(kase: CaseDetail): [string, string][] {
  return [
    ['事例番号', kase.caseNumber],
    ['本人氏名', kase.persons.find((p) => p.isPrimary)?.name ?? ''],
  ];
}

function period(from: string | null, to: string | null): string {
  if (!from && !to) return '';
  return `${from ? wareki(from) : ''}\n〜${to ? wareki(to) : ''}`;
}

/**
 * プランシート（プラン兼利用申込書）: wishes and goals, the items with each organisation's role,
 * frequency and period and the 参加支援 / アウトリーチ checks, the next monitoring, the meeting that
 * decided it, and the person's consent and signature.
 */
export function planSheet(kase: CaseDetail, plan: Plan | null): Content[] {
  if (!plan) {
    return [caseHeader(kase), textBlock('支援プラン', 'この事例には、まだ支援プランがありません。', 60)];
  }
  const participation = plan.items.some((i) => i.links.includes('participationSupport'));
  const outreach = plan.items.some((i) => i.links.includes('outreach'));
  return [
    approvalBoxes([
      { role: '作成者', name: plan.createdBy.displayName },
      { role: '承認者', name: plan.approvedBy?.displayName ?? null },
      { role: '課長' },
    ]),
    fields([
      ...caseAndPerson(kase),
      [
        'プラン',
        `第${plan.version}版（${plan.status === 'approved' ? '決定' : plan.status === 'draft' ? '案' : '旧版'}）`,
      ],
      ['作成日', wareki(plan.createdAt)],
      ['決定日', plan.approvedAt ? wareki(plan.approvedAt) : ''],
      ['調整機関', kase.coordinatingOrganization.name],
    ]),
    textBlock('本人・世帯の意向', plan.wishes),
    textBlock('長期目標', plan.longTermGoal),
    textBlock('短期目標', plan.shortTermGoals),
    heading('支援内容と役割分担'),
    grid(
      ['No.', '支援内容', '担当機関（役割）', '頻度', '期間', '参加\n支援', 'アウト\nリーチ'],
      [18, '*', 96, 50, 80, 28, 36],
      plan.items.map((item, i) => [
        { text: String(i + 1), alignment: 'center' },
        { text: item.programme ? `${item.content}\n（取組：${item.programme.name}）` : item.content },
        { text: item.organizationName },
        { text: item.frequency ?? '' },
        { text: period(item.periodFrom, item.periodTo) },
        { text: item.links.includes('participationSupport') ? '■' : '□', alignment: 'center' },
        { text: item.links.includes('outreach') ? '■' : '□', alignment: 'center' },
      ]),
    ),
    heading('事業等の利用'),
    fields(
      [
        ['参加支援事業', `${box(participation, 'つなぐ')}　${box(!participation, 'つながない')}`],
        [
          'アウトリーチ等を通じた継続的支援事業',
          `${box(outreach, 'つなぐ')}　${box(!outreach, 'つながない')}`,
        ],
      ],
      1,
    ),
    fields([
      ['次回モニタリング', wareki(plan.nextMonitoringOn)],
      [
        '決定した会議',
        plan.decidedMeeting
          ? `${plan.decidedMeeting.kindName}「${plan.decidedMeeting.title}」${plan.decidedMeeting.heldAt ? wareki(plan.decidedMeeting.heldAt) : ''}`
          : '（未決定）',
      ],
    ]),
    heading('本人の同意・利用申込'),
    signatureBlock(
      '上記の支援プランについて説明を受け、その内容に同意します。プランに記載された事業等の利用を申し込みます。',
      ['本人署名', '代理人署名（続柄）'],
    ),
  ];
}

export interface ProgressEntry {
  occurredAt: string;
  kind: string;
  organization: string;
  recordedBy: string;
  counterpart: string | null;
  content: string;
  recordedAt: string;
}

/** A progress note and a support report as lines of the 経過一覧. */
export function progressEntries(
  notes: readonly ProgressNote[],
  reports: readonly {
    supportedOn: string;
    organizationName: string;
    reportedBy: string;
    itemContent: string;
    content: string;
    result: string;
    createdAt: string;
  }[],
): ProgressEntry[] {
  return [
    ...notes.map((n) => ({
      occurredAt: n.occurredAt,
      kind: labelOf(progressNoteKinds, n.kind),
      organization: n.organization.name,
      recordedBy: n.recordedBy.displayName,
      counterpart: n.counterpart,
      content: n.content,
      recordedAt: n.recordedAt,
    })),
    ...reports.map((r) => ({
      occurredAt: r.supportedOn,
      kind: `支援報告（${labelOf(reportResults, r.result)}）`,
      organization: r.organizationName,
      recordedBy: r.reportedBy,
      counterpart: null,
      content: `［${r.itemContent}］${r.content}`,
      recordedAt: r.createdAt,
    })),
  ].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
}

/** 支援経過記録（経過一覧）for a period, oldest first, each entry with when it was written. */
export function progressSheet(
  kase: CaseDetail,
  from: string,
  to: string,
  entries: ProgressEntry[],
): Content[] {
  const when = (value: string) =>
    value.length === 10 ? wareki(value) : warekiDateTime(value).replace(' ', '\n');
  return [
    fields([
      ...caseAndPerson(kase),
      ['期間', `${wareki(from)}〜${wareki(to)}`],
      ['件数', `${entries.length}件`],
    ]),
    grid(
      ['実施日時', '種別', '機関・記録者', '相手', '内容', '記録日時'],
      [70, 52, 84, 44, '*', 62],
      entries.map((e) => [
        { text: when(e.occurredAt) },
        { text: e.kind },
        { text: `${e.organization}\n${e.recordedBy}` },
        { text: e.counterpart ?? '' },
        { text: e.content },
        { text: warekiDateTime(e.recordedAt), fontSize: 7.5 },
      ]),
      '（この期間の記録はありません）',
    ),
    caseWorkerApproval(kase),
  ];
}

export interface EvaluationRecord {
  conductedOn: string;
  planVersion: number;
  items: { content: string; organizationName: string }[];
  results: MonitoringItemResult[];
  itemIds: string[];
  decision: string;
  note: string | null;
  nextMonitoringOn: string | null;
  recordedBy: string;
}

/**
 * 評価シート: the monitoring (each item's progress, the decision, the next date) and, once the case
 * is closed, the closure with its reason and evaluation.
 */
export function evaluationSheet(kase: CaseDetail, monitoring: EvaluationRecord | null): Content[] {
  const content: Content[] = [
    approvalBoxes([
      { role: '評価者', name: monitoring?.recordedBy ?? null },
      { role: '係長' },
      { role: '課長' },
    ]),
    fields([
      ...caseAndPerson(kase),
      ['評価の時期', kase.closedOn ? '終結時' : 'モニタリング時'],
      ['状態', caseStageLabels[kase.stage]],
    ]),
  ];
  if (monitoring) {
    content.push(
      heading('モニタリング'),
      fields([
        ['実施日', wareki(monitoring.conductedOn)],
        ['対象プラン', `第${monitoring.planVersion}版`],
      ]),
      grid(
        ['支援内容', '担当機関', '達成状況', '所見'],
        ['*', 90, 150, 110],
        monitoring.itemIds.map((id, i) => {
          const result = monitoring.results.find((r) => r.planItemId === id);
          const item = monitoring.items[i];
          return [
            { text: item?.content ?? '' },
            { text: item?.organizationName ?? '' },
            { text: itemProgress.map((p) => box(result?.progress === p.code, p.label)).join(' ') },
            { text: result?.note ?? '' },
          ];
        }),
      ),
      fields(
        [['判断', monitoringDecisions.map((d) => box(monitoring.decision === d.code, d.label)).join('　')]],
        1,
      ),
      textBlock('所見・評価', monitoring.note),
      fields(
        [['次回モニタリング', monitoring.nextMonitoringOn ? wareki(monitoring.nextMonitoringOn) : '']],
        1,
      ),
    );
  } else {
    content.push(textBlock('モニタリング', 'モニタリングはまだ実施されていません。'));
  }
  if (kase.closedOn) {
    content.push(
      heading('終結'),
      fields([
        ['終結日', wareki(kase.closedOn)],
        ['終結理由', kase.closureReason ? labelOf(closureReasons, kase.closureReason) : ''],
      ]),
      textBlock('終結時の評価', kase.closureEvaluation, 60),
    );
  }
  return content;
}
