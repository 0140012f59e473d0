import { z } from 'zod';
import type { AuditAction } from '../domain/auditActions.ts';
import { idSchema, text } from './common.ts';
import { pageQuerySchema } from './pagination.ts';
import { calendarDate, kanaText, personSummarySchema } from './persons.ts';

/**
 * Japanese names of every audit action, for the auditor's screens and CSV. A Record over the
 * closed union: an action added to `recordAudit`'s vocabulary without a name here is a type error.
 */
export const auditActionLabels: Record<AuditAction, string> = {
  'session.signIn': 'ログイン',
  'session.signOut': 'ログアウト',
  'session.signInFailed': 'ログイン失敗',
  'session.expired': 'セッション期限切れ',
  'organization.create': '組織の登録',
  'organization.update': '組織の変更',
  'organization.disable': '組織の無効化',
  'organization.enable': '組織の有効化',
  'user.create': '利用者の登録',
  'user.update': '利用者の変更',
  'user.disable': '利用者の無効化',
  'user.enable': '利用者の有効化',
  'access.denied': 'アクセス拒否',
  'tenant.seed': '初期データ投入',
  'tenant.init': '自治体の初期設定（kasane init）',
  'resource.create': '社会資源の登録',
  'resource.update': '社会資源の変更',
  'resource.read': '社会資源の閲覧',
  'resource.import': '社会資源の取込（HSDS）',
  'hsdsToken.create': 'HSDS APIトークンの発行',
  'hsdsToken.revoke': 'HSDS APIトークンの失効',
  'placement.create': '参加支援の登録',
  'placement.update': '参加支援の記録',
  'placement.list': '参加支援の閲覧',
  'outreachContact.create': 'アウトリーチの記録',
  'outreachContact.list': 'アウトリーチの閲覧',
  'communityActivity.create': '地域づくり活動の登録',
  'communityActivity.update': '地域づくり活動の変更',
  'communityActivity.recordSession': '地域づくり活動の開催記録',
  'person.create': '本人の登録',
  'person.read': '本人の閲覧',
  'person.search': '本人の検索',
  'person.link': '本人の名寄せ',
  'person.duplicates': '重複候補の確認',
  'consultation.create': '相談の受付',
  'consultation.read': '相談の閲覧',
  'consultation.list': '相談一覧の閲覧',
  'consultation.close': '相談の終了',
  'referral.create': 'つなぎの依頼',
  'referral.list': 'つなぎ一覧の閲覧',
  'referral.accept': 'つなぎの受理',
  'referral.decline': 'つなぎの辞退',
  'handover.create': '引継ぎの依頼',
  'handover.list': '引継ぎ一覧の閲覧',
  'handover.accept': '引継ぎの受理',
  'handover.return': '引継ぎの差戻し',
  'case.list': '事例一覧の閲覧',
  'case.read': '事例の閲覧',
  'case.timeline': '支援経過の閲覧',
  'case.close': '事例の終結',
  'case.suspend': '事例の中断',
  'case.reopen': '事例の再開',
  'case.assign': '担当職員の指定',
  'assessment.save': '課題整理の記録',
  'assessment.read': '課題整理の閲覧',
  'consent.create': '同意の記録',
  'meeting.create': '会議の登録',
  'meeting.read': '会議の閲覧',
  'meeting.recordMinutes': '会議録の記録',
  'meeting.acknowledgeConfidentiality': '守秘義務の確認',
  'plan.create': '支援プランの作成',
  'plan.update': '支援プランの変更',
  'plan.approve': '支援プランの決定',
  'plan.read': '支援プランの閲覧',
  'plan.list': '支援プラン一覧の閲覧',
  'plan.compare': '支援プランの比較',
  'planItem.list': '担当プラン項目の閲覧',
  'household.read': '世帯（ジェノグラム・エコマップ）の閲覧',
  'household.update': '世帯の変更',
  'progressNote.create': '支援経過記録の記入',
  'progressNote.list': '支援経過記録の閲覧',
  'plan.easyRead': 'わかりやすい支援プランの閲覧',
  'dashboard.read': 'ホーム画面の表示',
  'meeting.calendar': '会議カレンダーの閲覧',
  'statistics.read': '統計・実績の閲覧',
  'supportReport.create': '支援報告の記録',
  'supportReport.list': '支援報告の閲覧',
  'monitoring.create': 'モニタリングの記録',
  'task.list': 'タスクの閲覧',
  'challenge.update': '計画課題の変更',
  'programme.create': '事業の登録',
  'programme.update': '事業の変更',
  'programme.import': '事業の取込',
  'programmeProgress.save': '進捗の記録',
  'programmeProgress.lockYear': '年度の確定',
  'councilMeeting.create': '連絡会議の登録',
  'opinion.create': '意見の登録',
  'opinion.answer': '意見への回答',
  export: '出力',
  print: '印刷',
  'auditEvent.list': '監査ログの閲覧',
  'auditEvent.export': '監査ログの出力',
  'person.accessLog': '閲覧履歴の確認',
  'person.lookupForDisclosure': '開示請求の本人検索',
  'person.disclosureExport': '開示請求の出力',
  'backup.create': 'バックアップの作成',
  'backup.restore': 'バックアップからの復元',
  'session.list': 'ログイン中の端末の閲覧',
  'session.revoke': '端末のログアウト',
  'session.passwordChange': 'パスワードの変更',
  'session.secondFactor': '2段階認証',
  'session.secondFactorFailed': '2段階認証の失敗',
  'session.secondFactorRequested': 'パスワード確認（2段階認証待ち）',
  'user.resetPassword': 'パスワードの再設定',
  'user.unlock': 'ロックの解除',
  'user.bulkReassign': '人事異動の一括処理',
  'totp.enroll': '2段階認証の登録開始',
  'totp.activate': '2段階認証の有効化',
  'totp.disable': '2段階認証の無効化',
  'tenantSettings.update': '自治体設定の変更',
  'consent.list': '同意の閲覧',
  'consent.withdraw': '同意の撤回',
  'consent.attachScan': '同意書の添付',
  'consent.readScan': '同意書の閲覧',
  'sensitiveFact.create': '要配慮個人情報の登録',
  'sensitiveFact.list': '要配慮個人情報の一覧',
  'sensitiveFact.reveal': '要配慮個人情報の表示',
  'sensitiveFact.grant': '要配慮個人情報の共有許可',
  'sensitiveFact.revokeGrant': '要配慮個人情報の共有取消',
  'councilMeeting.attach': '連絡会議資料の添付',
  'councilMeeting.attachmentRead': '連絡会議資料の閲覧',
  'evaluationScale.update': '評価区分の変更',
  'programmeProgress.unlockYear': '年度確定の解除',
  'retention.update': '保存期間の変更',
  'retention.hold': '廃棄の保留・解除',
  'disposal.list': '廃棄候補の閲覧',
  'disposal.approve': '廃棄の承認（実行）',
  'disposalRecord.list': '廃棄記録の閲覧',
  'disposalRecord.export': '廃棄記録の出力',
};

export const auditActions = Object.keys(auditActionLabels) as AuditAction[];
const knownActions = new Set<string>(auditActions);

/** `?action=a&action=b` or `?action=a,b`: one or more actions from the vocabulary. */
const actionFilter = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.string().refine((action) => knownActions.has(action), {
          message: '操作の種類が正しくありません',
        }),
      )
      .max(50, { message: '操作の種類は50件までです' }),
  );

/**
 * The auditor's filters. The period is calendar dates in Asia/Tokyo: `from` from 0:00 JST, `to`
 * through the end of that day (JST).
 */
const filterFields = {
  userId: idSchema.optional(),
  organizationId: idSchema.optional(),
  personId: idSchema.optional(),
  caseId: idSchema.optional(),
  action: actionFilter.optional(),
  from: calendarDate('期間（開始）').optional(),
  to: calendarDate('期間（終了）').optional(),
};
const periodInOrder = <T extends { from?: string | undefined; to?: string | undefined }>(f: T) =>
  !f.from || !f.to || f.from <= f.to;
const periodMessage = { message: '期間の終了は開始と同じかそれより後の日付にしてください', path: ['to'] };

export const auditEventFilterSchema = z.object(filterFields).refine(periodInOrder, periodMessage);
export type AuditEventFilter = z.output<typeof auditEventFilterSchema>;

export const auditEventListQuerySchema = z
  .object({ ...filterFields, ...pageQuerySchema.shape })
  .refine(periodInOrder, periodMessage);
export type AuditEventListQuery = z.input<typeof auditEventListQuerySchema>;

export const auditEventExportQuerySchema = z
  .object({
    ...filterFields,
    format: z.enum(['csv'], { message: '形式は csv です' }).default('csv'),
    encoding: z
      .enum(['utf-8', 'shift_jis'], { message: '文字コードは utf-8 か shift_jis です' })
      .default('utf-8'),
  })
  .refine(periodInOrder, periodMessage);

const actorSchema = z.object({
  id: z.string(),
  loginId: z.string().nullable(),
  displayName: z.string().nullable(),
});
const organizationRefSchema = z.object({ id: z.string(), name: z.string().nullable() });

export const auditEventSchema = z
  .object({
    id: z.string(),
    seq: z.string(),
    occurredAt: z.string(),
    user: actorSchema.nullable(),
    organization: organizationRefSchema.nullable(),
    action: z.string(),
    actionLabel: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    personId: z.string().nullable(),
    personDisposed: z
      .boolean()
      .describe('the event names a person whose data has since been disposed (廃棄済み; the id stays)'),
    caseId: z.string().nullable(),
    legalBasis: z.string().nullable(),
    purpose: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventListSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});
export type AuditEventList = z.infer<typeof auditEventListSchema>;

/** One look at a person's data, for 「閲覧履歴」: who, from which organisation, when, what and why. */
export const accessLogEntrySchema = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    user: actorSchema.nullable(),
    organization: organizationRefSchema.nullable(),
    action: z.string(),
    actionLabel: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    caseId: z.string().nullable(),
    legalBasis: z.string().nullable(),
    purpose: z.string().nullable(),
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogSchema = z.object({
  items: z.array(accessLogEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AccessLog = z.infer<typeof accessLogSchema>;

/** What can be printed from the web app; each is checked against its visibility predicate. */
export const printableResourceTypes = ['consultation', 'case', 'caseTimeline', 'meeting', 'plan'] as const;
export type PrintableResourceType = (typeof printableResourceTypes)[number];

export const printInputSchema = z.strictObject({
  resourceType: z.enum(printableResourceTypes, { message: '印刷する対象の種類が正しくありません' }),
  resourceId: idSchema,
  purpose: text(200).optional(),
});
export type PrintInput = z.input<typeof printInputSchema>;

export const printRecordSchema = z.object({
  resourceType: z.enum(printableResourceTypes),
  resourceId: z.string(),
  recordedAt: z.string(),
});
export type PrintRecord = z.infer<typeof printRecordSchema>;

/** Finding the person of a 開示請求: by フリガナ prefix and/or 氏名 and/or birth date, tenant-wide. */
export const disclosureLookupQuerySchema = z
  .object({
    kana: kanaText(100).optional(),
    name: text(100).optional(),
    birthDate: calendarDate('生年月日').optional(),
  })
  .refine((q) => Boolean(q.kana || q.name || q.birthDate), {
    message: 'フリガナ・氏名・生年月日のいずれかを入力してください',
    path: ['kana'],
  });

export const disclosureCandidateSchema = personSummarySchema.extend({
  registeredBy: z.object({ id: z.string(), name: z.string() }),
  address: z.string().nullable(),
});
export const disclosureLookupSchema = z.object({ items: z.array(disclosureCandidateSchema) });
export type DisclosureCandidate = z.infer<typeof disclosureCandidateSchema>;

export const disclosureQuerySchema = z.object({
  format: z.enum(['json', 'pdf'], { message: '形式は json か pdf です' }).default('json'),
  purpose: text(200).optional(),
});

/** Everything held about one person, machine-readable (開示請求). Rows are plain records of strings. */
const rows = z.array(z.record(z.string(), z.unknown()));
export const disclosureSchema = z
  .object({
    generatedAt: z.string(),
    person: z.record(z.string(), z.unknown()),
    households: rows,
    consultations: rows,
    cases: z.array(
      z.object({
        case: z.record(z.string(), z.unknown()),
        assessments: rows,
        meetings: rows,
        plans: rows,
        supportReports: rows,
        monitorings: rows,
      }),
    ),
    consents: rows,
    accessLog: z.array(accessLogEntrySchema),
  })
  .meta({ id: 'Disclosure' });
export type Disclosure = z.infer<typeof disclosureSchema>;
