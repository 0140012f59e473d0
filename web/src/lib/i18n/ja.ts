import type { accountJa } from './account.ja.ts';
import type { adminJa } from './admin.ja.ts';
import type { caseworkJa } from './casework.ja.ts';
import type { CodeMessages } from './codes.ja.ts';
import type { formsJa } from './forms.ja.ts';
import type { participationJa } from './participation.ja.ts';
import type { recidivismJa } from './recidivism.ja.ts';
import type { resourcesJa } from './resources.ja.ts';
import type { retentionJa } from './retention.ja.ts';
import type { statsJa } from './stats.ja.ts';
import { uiJa } from './ui.ja.ts';
/**
 * Japanese messages of the first load: the primary language of Kasane, as far as the shell, the
 * sign-in page and the home pages need it (the rest: `PageMessages` below). Every other language
 * must provide the same keys (`Messages`), so a missing translation is a type error.
 * Problem `code`s sent by the API are keys under `problem`.
 */
export const ja = {
  app: {
    name: 'かさね',
    nameLatin: 'Kasane',
    titleSuffix: 'かさね',
    tagline: '重層的支援・再犯防止推進計画 管理システム',
  },
  common: {
    skipToMain: '本文へスキップ',
    loading: '読み込み中です…',
    retry: '再読み込み',
    save: '保存する',
    saving: '保存しています…',
    cancel: 'キャンセル',
    backToList: '一覧へ戻る',
    edit: '編集',
    required: '※必須',
    optional: '任意',
    enabled: '有効',
    disabled: '無効',
    disable: '無効にする',
    enable: '有効にする',
    actionFor: '{{action}}：{{name}}',
    actions: '操作',
    itemCount: '全{{count}}件',
    none: 'なし',
    never: '記録なし',
    listSeparator: '、',
    sensitiveNote: '画面を離れるときは、ログアウトしてください。',
  },
  language: {
    label: '表示言語',
    ja: '日本語',
    en: 'English',
  },
  shell: {
    navLabel: 'メインメニュー',
    userArea: 'ログイン中の利用者',
    organization: '所属',
    user: '利用者',
    signOut: 'ログアウト',
    signingOut: 'ログアウトしています…',
  },
  nav: {
    home: 'ホーム',
    organizations: '組織管理',
    users: 'ユーザー管理',
    retentionSettings: '保存期間の設定',
    disposalCandidates: '廃棄候補一覧',
    disposalRecords: '廃棄記録',
    tasks: 'マイタスク',
    consultationNew: '相談受付',
    consultations: '相談一覧',
    referrals: 'つなぎ受付',
    handovers: '引継ぎ受付',
    persons: '対象者検索',
    cases: '事例一覧',
    meetingCalendar: '会議カレンダー',
    statistics: '統計・実績',
    planItems: '担当の支援項目',
    resources: '社会資源',
    community: '地域づくり',
    placements: '参加支援の一覧',
    recidivismPlan: '再犯防止推進計画',
    programmes: '取組一覧',
    programmeImport: '取組の取込',
    programmeProgress: '進捗管理',
    council: '連絡会議',
    opinions: '連絡会議の意見',
    auditEvents: '監査ログ',
    disclosure: '開示請求',
    reshuffle: '人事異動の一括処理',
    tenantSettings: '市の設定',
    sessions: 'ログイン中の端末',
    password: 'パスワードの変更',
    totp: '2段階認証',
  },
  idle: {
    title: 'まもなく自動的にログアウトします',
    body: '操作がない状態が続いたため、約{{seconds}}秒後に自動的にログアウトします。作業を続ける場合は「続ける」を押してください。',
    continue: '続ける',
    signOutNow: '今すぐログアウト',
  },
  session: {
    pageTitle: 'ログイン',
    heading: 'ログイン',
    lead: '職員用のログインIDとパスワードを入力してください。',
    loginId: 'ログインID',
    password: 'パスワード',
    submit: 'ログイン',
    submitting: 'ログインしています…',
    failedTitle: 'ログインできませんでした',
    expiredTitle: 'ログアウトしました',
    expired:
      '一定時間操作がなかったため（アイドルタイムアウト）、自動的にログアウトしました。もう一度ログインしてください。',
    signedOut: 'ログアウトしました。',
  },
  home: {
    pageTitle: 'ホーム',
    heading: 'ようこそ、{{name}}さん',
    organization: '所属',
    today: '本日',
    fiscalYear: '年度',
    roles: '役割',
    summary: 'ログイン中の情報',
  },
  role: {
    admin: '管理者',
    coordinator: '重層事業担当',
    caseworker: '相談支援員',
    planOfficer: '計画担当',
    councilMember: '連絡会議委員',
    auditor: '監査担当',
  },
  calendarDateField: {
    support: '和暦または西暦で入力してください（例：令和8年11月27日、R8.11.27、2026-11-27）。',
    readAs: '入力された日付：{{date}}',
    pick: 'カレンダーで選ぶ',
    notFuture: '未来の日付は入力できません。',
    date: '日付',
    time: '時刻',
    timeSupport: '24時間制で入力してください（例：14:00、9時30分）。',
    timeRequired: '時刻を入力してください。',
    timeInvalid: '時刻は24時間制で入力してください（例：14:00）。',
    required: '{{label}}を入力してください。',
    dateTimeRequired: '日付と時刻を入力してください。',
  },
  form: {
    errorSummaryTitle: '入力内容を確認してください',
  },
  page: {
    notFoundTitle: 'ページが見つかりません',
    notFoundBody: 'お探しのページは見つかりませんでした。アドレスを確かめるか、メニューから選んでください。',
    forbiddenTitle: '表示する権限がありません',
    forbiddenBody: 'このページを表示する権限がありません。必要な場合は管理者に連絡してください。',
    errorTitle: 'エラーが発生しました',
    backHome: 'ホームへ戻る',
  },
  dateText: {
    born: '<date/>生',
    age: '（{{age}}歳）',
    birthDateUnknown: '生年月日不明',
  },
  warekiField: {
    support: '和暦または西暦で入力してください（例：昭和17年3月5日、S17.3.5、1942-03-05）。',
    parsed: '西暦 {{year}}年{{month}}月{{day}}日',
    age: '（満{{age}}歳）',
  },
  tasks: {
    heading: 'マイタスク',
    lead: '所属機関で対応が必要なことを、期限の近い順に表示します。期限は土日・祝日・年末年始を除く業務日です。',
    openPage: 'マイタスクをすべて表示',
    empty: '対応が必要なタスクはありません。',
    summary: '全{{count}}件',
    overdueSummary: '（うち期限超過 {{count}}件）',
    kind: {
      handover: '引継ぎ受付待ち',
      referral: 'つなぎ受付待ち',
      meeting: '会議',
      reportDue: '支援報告の期限',
      monitoringDue: 'モニタリング期限',
    },
    dueOn: '期限：',
    overdue: '期限超過',
    daysWaiting: '待機 {{count}}日',
    needsAcknowledgement: '守秘義務の確認が必要',
    openConsultation: '相談票を見る',
    openCase: '事例 {{caseNumber}} を見る',
  },
  ui: uiJa,
  problem: {
    auth: {
      required: 'ログインが必要です。',
      invalidCredentials: 'ログインIDまたはパスワードが正しくありません。',
      locked: 'ログインに続けて失敗したため、しばらくログインできません。時間をおいてお試しください。',
      csrf: '画面の有効期限が切れました。画面を再読み込みしてからやり直してください。',
      forbidden: 'この操作を行う権限がありません。',
      demoPassword:
        'デモ用のパスワードのため、本番環境ではログインできません。管理者に新しいパスワードの設定を依頼してください。',
      totpInvalid: '確認コードが正しくないか、すでに使われています。',
      signInChallengeExpired:
        '確認コードの入力期限が切れました。ログインIDとパスワードからやり直してください。',
    },
    notFound: '対象が見つかりませんでした。',
    validation: {
      invalid: '入力内容に誤りがあります。',
    },
    conflict: {
      loginIdTaken: 'このログインIDはすでに使われています。',
      organizationNameTaken: '同じ名称の組織がすでに登録されています。',
      state: '現在の状態ではこの操作はできません。',
      alreadyDecided: 'すでに受理または差戻し（辞退）されています。',
    },
    rateLimited: '操作が集中しています。しばらく待ってからやり直してください。',
    export: {
      rateLimited: '短時間に出力が多すぎます。しばらく待ってから出力してください。',
      tooLarge: '出力する件数が多すぎます。条件を絞り込んでください。',
    },
    payloadTooLarge: '送信されたデータが大きすぎます。',
    unsupportedMediaType: '対応していない形式のデータです。',
    server: {
      error: 'サーバーでエラーが発生しました。時間をおいてやり直してください。',
      auditMissing:
        '操作の記録（監査ログ）を残せなかったため、処理を取り消しました。管理者に連絡してください。',
    },
    case: {
      illegalTransition: '現在の段階の事例では、この操作はできません。',
      assessmentRequired: '先に課題整理（アセスメント）を記録してください。',
      consentRequired: '本人の同意が記録されていません。',
      meetingDecisionRequired: '支援プランは重層的支援会議で決定してください。',
      reasonRequired: '理由を入力してください。',
      evaluationRequired: '終結時の評価を入力してください。',
      notOpen: '終結または中断している事例では、この操作はできません。',
    },
    consent: {
      required: '本人の同意の範囲に含まれていない機関があります。',
      alreadyWithdrawn: 'この同意はすでに撤回されています。',
      scanInvalid: 'ファイルの中身が PDF・JPEG・PNG のいずれでもないか、指定した形式と一致しません。',
    },
    sensitiveFact: {
      grantExists: 'この機関にはすでに共有されています。',
      notParticipating: 'この人の事例に参加していない機関には共有できません。',
      recorderGrant: '記録した機関への共有は取り消せません。',
      grantRevoked: 'この共有はすでに取り消されています。',
    },
    meeting: {
      alreadyAcknowledged: '守秘義務の確認はすでに記録されています。',
      acknowledgementRequired: '守秘義務の確認をしていない出席機関があります。',
      notHeld: 'まだ開催されていない会議です。',
    },
    plan: {
      draftExists: '作成中の支援プラン（案）がすでにあります。',
      notDraft: '決定済みの支援プランは変更できません。',
      noApprovedPlan: '決定した支援プランがありません。',
    },
    import: {
      invalid: '取り込むファイルに誤りがあります。行ごとの内容を確認してください。',
    },
    progress: {
      yearLocked: 'この年度の実施状況は確定済みのため変更できません。',
      yearNotLocked: 'この年度はまだ確定されていません。',
    },
    passwordChangeRequired:
      '管理者がパスワードの変更を求めています。先に「パスワードの変更」で新しいパスワードを設定してください。',
    disposal: {
      notExpired:
        '選んだ記録の中に、今日の廃棄候補でないものがあります。廃棄候補一覧を読み込み直してください（何も廃棄していません）。',
    },
    evaluationScale: {
      inUse: '進捗に使われている評価は削除できません。',
    },
    challenge: {
      inUse: '事業や意見が登録されている課題は削除できません。',
    },
    planItem: {
      notCurrent: '現在の支援プランの支援内容ではありません。',
    },
    totpEnrolmentRequired: 'この市では2段階認証の設定が必要です。先に「2段階認証」の設定を完了してください。',
    network: 'サーバーに接続できませんでした。ネットワークの状態を確認してください。',
    unexpected: '予期しないエラーが発生しました。',
  },
};

/**
 * Japanese as a signed-in user may need it: the first load (`ja`, what the shell, the sign-in page
 * and the home pages show) and the page dictionaries. A page dictionary is not in `ja`: its
 * Japanese arrives with the pages that use it — each such component imports the dictionary's
 * bundle module (`./casework.bundle.ts`, `./codes.bundle.ts` …, or its feature's `messages.ts`),
 * which adds it to i18next before anything renders — so the first load does not carry it
 * (docs/performance.md). `pageDictionaries.test.ts` checks that every file using one of these keys
 * imports its bundle. English ships everything in `en`, fetched on demand as a whole.
 */
export type PageMessages = typeof caseworkJa &
  typeof adminJa &
  typeof accountJa & {
    recidivism: typeof recidivismJa;
    forms: typeof formsJa;
    resources: typeof resourcesJa;
    participation: typeof participationJa;
    stats: typeof statsJa;
    codes: CodeMessages;
    retention: typeof retentionJa;
  };

/** The shape every language file must have. */
export type Messages = typeof ja & PageMessages;
