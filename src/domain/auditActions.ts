/**
 * The vocabulary of the audit trail: what an audit event says happened. Shared by the database
 * layer that records events, the contract that filters them and the screens that name them, so it
 * lives in the innermost layer. A closed vocabulary, not free strings.
 */
export type AuditAction =
  | 'session.signIn'
  | 'session.signOut'
  | 'session.signInFailed'
  | 'session.expired'
  | 'organization.create'
  | 'organization.update'
  | 'organization.disable'
  | 'organization.enable'
  | 'user.create'
  | 'user.update'
  | 'user.disable'
  | 'user.enable'
  | 'access.denied'
  | 'tenant.seed'
  // 社会資源, 参加支援, アウトリーチ, 地域づくり (issue 12; docs/resources.md)
  | 'resource.create'
  | 'resource.update'
  | 'resource.read'
  | 'resource.import'
  | 'hsdsToken.create'
  | 'hsdsToken.revoke'
  | 'placement.create'
  | 'placement.update'
  | 'placement.list'
  | 'outreachContact.create'
  | 'outreachContact.list'
  | 'communityActivity.create'
  | 'communityActivity.update'
  | 'communityActivity.recordSession'
  | 'tenant.init'
  // the support flow: reads of personal data are audited as well as changes
  | 'person.create'
  | 'person.read'
  | 'person.search'
  | 'person.link'
  | 'person.duplicates'
  | 'consultation.create'
  | 'consultation.read'
  | 'consultation.list'
  | 'consultation.close'
  | 'referral.create'
  | 'referral.list'
  | 'referral.accept'
  | 'referral.decline'
  | 'handover.create'
  | 'handover.list'
  | 'handover.accept'
  | 'handover.return'
  | 'case.list'
  | 'case.read'
  | 'case.timeline'
  | 'case.close'
  | 'case.suspend'
  | 'case.reopen'
  | 'case.assign'
  | 'assessment.save'
  | 'assessment.read'
  | 'consent.create'
  | 'meeting.create'
  | 'meeting.read'
  | 'meeting.recordMinutes'
  | 'meeting.acknowledgeConfidentiality'
  | 'plan.create'
  | 'plan.update'
  | 'plan.approve'
  | 'plan.read'
  | 'plan.list'
  | 'plan.compare'
  | 'planItem.list'
  | 'supportReport.create'
  | 'supportReport.list'
  | 'monitoring.create'
  | 'task.list'
  // the recidivism plan and its council (no personal data); file exports are 'export'
  | 'challenge.update'
  | 'programme.create'
  | 'programme.update'
  | 'programme.import'
  | 'programmeProgress.save'
  | 'programmeProgress.lockYear'
  | 'programmeProgress.unlockYear'
  | 'evaluationScale.update'
  | 'councilMeeting.attach'
  | 'councilMeeting.attachmentRead'
  | 'councilMeeting.create'
  | 'opinion.create'
  | 'opinion.answer'
  | 'export'
  // maintenance from the command line (no signed-in user; the OS user is in details)
  | 'backup.create'
  | 'backup.restore'
  // privacy (issue 4): prints, the audit trail's own viewing, access logs and 開示請求 exports
  | 'print'
  | 'auditEvent.list'
  | 'auditEvent.export'
  | 'auditSubject.search'
  | 'person.accessLog'
  | 'person.lookupForDisclosure'
  | 'person.disclosureExport'
  // accounts and sessions (issue 4)
  | 'session.list'
  | 'session.revoke'
  | 'session.passwordChange'
  | 'session.secondFactor'
  | 'session.secondFactorFailed'
  | 'session.secondFactorRequested'
  | 'user.resetPassword'
  | 'user.unlock'
  | 'user.bulkReassign'
  | 'totp.enroll'
  | 'totp.activate'
  | 'totp.disable'
  | 'tenantSettings.update'
  // consent in full and 要配慮個人情報 (issue 4)
  | 'consent.list'
  | 'consent.withdraw'
  | 'consent.attachScan'
  | 'consent.readScan'
  | 'sensitiveFact.create'
  | 'sensitiveFact.list'
  | 'sensitiveFact.reveal'
  | 'sensitiveFact.grant'
  | 'sensitiveFact.revokeGrant'
  // households, progress notes and 帳票 (issue 11); a 帳票 PDF is a 'print'
  | 'household.read'
  | 'household.update'
  | 'progressNote.create'
  | 'progressNote.list'
  | 'plan.easyRead'
  // role homes, the meeting calendar and statistics (issue 10)
  | 'dashboard.read'
  | 'meeting.calendar'
  | 'statistics.read'
  // 保存期間・廃棄 (issue 13; docs/retention.md)
  | 'retention.update'
  | 'retention.hold'
  | 'disposal.list'
  | 'disposal.approve'
  | 'disposalRecord.list'
  | 'disposalRecord.export';

/**
 * Japanese names of every audit action, for the CSV export, the 開示請求 PDF and the web app's
 * Japanese dictionary (which names them in English beside it). A Record over the closed union: an
 * action added to the vocabulary without a name here is a type error. The API sends the code.
 */
export const auditActionNames: Record<AuditAction, string> = {
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
  'auditSubject.search': '監査ログの本人・事例の検索',
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

/** Every action of the vocabulary, in the order named above. */
export const auditActions = Object.keys(auditActionNames) as AuditAction[];

/**
 * What an audit event is about (`resource_type`): Japanese names, for the same uses as the action
 * names. Events written by older versions may carry a type not listed; they show as the code.
 */
export const auditResourceTypeNames = {
  assessment: '課題整理',
  auditEvent: '監査ログ',
  case: '事例',
  caseForm: '事例の帳票',
  caseTimeline: '支援経過',
  communityActivity: '地域づくり活動',
  consent: '同意',
  consultation: '相談',
  consultationForm: '相談受付票',
  councilMeeting: '連絡会議',
  councilPaper: '連絡会議資料',
  dashboard: 'ホーム画面',
  database: 'データベース',
  disposal: '廃棄',
  evaluationScale: '評価区分',
  handover: '引継ぎ',
  household: '世帯',
  hsdsApiToken: 'HSDS APIトークン',
  meeting: '会議',
  meetingForm: '会議の帳票',
  monitoring: 'モニタリング',
  opinion: '意見',
  organization: '組織',
  outreachContact: 'アウトリーチ',
  person: '本人',
  placement: '参加支援',
  plan: '支援プラン',
  planItem: '支援プラン項目',
  programme: '事業',
  progressNote: '支援経過記録',
  recidivismPlan: '再犯防止推進計画',
  recidivismPlanAppendix: '再犯防止推進計画の付表',
  referral: 'つなぎ',
  resource: '社会資源',
  route: '操作（API）',
  sensitiveFact: '要配慮個人情報',
  statistics: '統計・実績',
  supportPlan: '支援プラン',
  supportReport: '支援報告',
  task: 'タスク',
  tenant: '自治体',
  user: '利用者',
} satisfies Record<string, string>;
export type AuditResourceType = keyof typeof auditResourceTypeNames;

/** The Japanese name of an action; one no longer in the vocabulary (from an older version) shows as itself. */
export function auditActionName(action: string): string {
  return (auditActionNames as Record<string, string>)[action] ?? action;
}

/** The Japanese name of a resource type; one not listed shows as itself. */
export function auditResourceTypeName(type: string): string {
  return (auditResourceTypeNames as Record<string, string>)[type] ?? type;
}
