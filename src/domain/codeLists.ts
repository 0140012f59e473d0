/**
 * Code lists of the support flow, seeded from the national sample forms (docs/domain.md "Code lists").
 * Codes are stable identifiers; labels are what staff see (Japanese, as on the forms).
 */

export interface Code {
  code: string;
  label: string;
}

/** A code list as written, its codes kept as literal types (`as const` at the call). */
export const codeList = <T extends readonly Code[]>(codes: T) => codes;
export type CodeOf<T extends readonly Code[]> = T[number]['code'];

/** 相談内容 (相談受付・申込票 A票): circle all that apply, ◎ for the main one. */
export const consultationTopics = codeList([
  { code: 'health', label: '病気や健康、障害' },
  { code: 'housing', label: '住まい' },
  { code: 'income', label: '収入・生活費' },
  { code: 'rentLoan', label: '家賃やローンの支払い' },
  { code: 'taxUtility', label: '税金や公共料金等の支払い' },
  { code: 'debt', label: '債務' },
  { code: 'jobSeeking', label: '仕事探し、就職' },
  { code: 'workTrouble', label: '仕事上の不安やトラブル' },
  { code: 'neighbourhood', label: '地域との関係' },
  { code: 'family', label: '家族との関係' },
  { code: 'childRearing', label: '子育て' },
  { code: 'care', label: '介護' },
  { code: 'withdrawal', label: 'ひきこもり・不登校' },
  { code: 'dvAbuse', label: 'DV・虐待' },
  { code: 'food', label: '食べるものがない' },
  { code: 'other', label: 'その他' },
] as const);

/** 相談経路 (how the consultation came in). */
export const consultationChannels = codeList([
  { code: 'visit', label: '来所' },
  { code: 'phone', label: '電話' },
  { code: 'homeVisit', label: '訪問' },
  { code: 'email', label: 'メール・文書' },
  { code: 'agency', label: '関係機関からの紹介' },
  { code: 'outreach', label: 'アウトリーチ' },
  { code: 'other', label: 'その他' },
] as const);

export const sexes = codeList([
  { code: 'male', label: '男性' },
  { code: 'female', label: '女性' },
  { code: 'other', label: 'その他' },
  { code: 'unknown', label: '不明' },
] as const);

/** 続柄 to the person supported (本人). */
export const relations = codeList([
  { code: 'self', label: '本人' },
  { code: 'spouse', label: '配偶者' },
  { code: 'father', label: '父' },
  { code: 'mother', label: '母' },
  { code: 'son', label: '子（息子）' },
  { code: 'daughter', label: '子（娘）' },
  { code: 'sibling', label: 'きょうだい' },
  { code: 'grandparent', label: '祖父母' },
  { code: 'grandchild', label: '孫' },
  { code: 'otherRelative', label: 'その他の親族' },
  { code: 'other', label: 'その他' },
] as const);

/** Issue areas (分野) and their issue codes (課題), for 課題整理. */
export const issueAreas = [
  {
    code: 'elderly',
    label: '高齢',
    issues: [
      { code: 'elderlyCare', label: '介護' },
      { code: 'dementia', label: '認知症' },
      { code: 'elderAbuse', label: '高齢者虐待' },
      { code: 'livingAlone', label: '単身高齢' },
      { code: 'noKin', label: '身寄りなし' },
    ],
  },
  {
    code: 'disability',
    label: '障害',
    issues: [
      { code: 'physical', label: '身体障害' },
      { code: 'intellectual', label: '知的障害' },
      { code: 'mental', label: '精神障害' },
      { code: 'developmental', label: '発達障害' },
      { code: 'intractable', label: '難病' },
      { code: 'noCertificate', label: '手帳未取得' },
    ],
  },
  {
    code: 'children',
    label: '子ども・子育て',
    issues: [
      { code: 'parentingAnxiety', label: '子育て不安' },
      { code: 'childAbuse', label: '児童虐待' },
      { code: 'schoolRefusal', label: '不登校' },
      { code: 'youngCarer', label: 'ヤングケアラー' },
      { code: 'singleParent', label: 'ひとり親' },
      { code: 'delinquency', label: '非行' },
    ],
  },
  {
    code: 'poverty',
    label: '生活困窮',
    issues: [
      { code: 'financialHardship', label: '経済的困窮' },
      { code: 'multipleDebt', label: '多重債務' },
      { code: 'budgeting', label: '家計管理' },
      { code: 'arrears', label: '税・公共料金滞納' },
      { code: 'noFood', label: '食料なし' },
    ],
  },
  {
    code: 'housing',
    label: '住まい',
    issues: [
      { code: 'unstableHousing', label: '住まい不安定' },
      { code: 'homeless', label: 'ホームレス・野宿' },
      { code: 'rentArrears', label: '家賃滞納' },
      { code: 'hoarding', label: 'ごみ屋敷' },
    ],
  },
  {
    code: 'employment',
    label: '就労',
    issues: [
      { code: 'hardToEmploy', label: '就職困難' },
      { code: 'jobLoss', label: '離職' },
      { code: 'jobRetention', label: '職場定着' },
    ],
  },
  {
    code: 'health',
    label: '健康・医療',
    issues: [
      { code: 'physicalIllness', label: '身体疾患' },
      { code: 'mentalIllness', label: '精神疾患' },
      { code: 'refusesTreatment', label: '受診拒否' },
      { code: 'addiction', label: '依存症' },
    ],
  },
  {
    code: 'relations',
    label: '家族・関係',
    issues: [
      { code: 'familyConflict', label: '家族関係不和' },
      { code: 'dv', label: 'DV' },
      { code: 'isolation', label: '社会的孤立' },
      { code: 'withdrawal', label: 'ひきこもり' },
      { code: 'neighbourTrouble', label: '地域トラブル' },
    ],
  },
  {
    code: 'justice',
    label: '刑事司法',
    issues: [
      { code: 'offenceHistory', label: '刑余者・犯罪歴' },
      { code: 'onProbation', label: '保護観察中' },
      { code: 'dueForRelease', label: '矯正施設出所予定' },
      { code: 'suspectDefendant', label: '被疑者・被告人（入口支援）' },
    ],
  },
  {
    code: 'other',
    label: 'その他',
    issues: [
      { code: 'foreignNational', label: '外国籍' },
      { code: 'communication', label: 'コミュニケーション困難' },
      { code: 'suicidalIdeation', label: '自殺念慮' },
      { code: 'disaster', label: '災害' },
    ],
  },
] as const;
export type IssueCode = (typeof issueAreas)[number]['issues'][number]['code'];
export const issueCodes = issueAreas.flatMap((area) => area.issues.map((issue) => issue.code)) as IssueCode[];

/** 世帯類型 flags on the household. */
export const householdFlags = codeList([
  { code: '8050', label: '8050' },
  { code: '9060', label: '9060' },
  { code: 'doubleCare', label: 'ダブルケア' },
  { code: 'elderlyCaringElderly', label: '老老介護' },
  { code: 'afterParentsGone', label: '障害の親亡き後' },
  { code: 'youngCarerHousehold', label: 'ヤングケアラー世帯' },
  { code: 'compoundHardship', label: '複合困窮' },
] as const);

/** 終結理由. */
export const closureReasons = codeList([
  { code: 'resolved', label: '解決' },
  { code: 'stabilised', label: '状況安定' },
  { code: 'movedToOtherSystem', label: '他制度へ移行' },
  { code: 'leadAgencyContinues', label: '主担当機関による支援へ移行' },
  { code: 'movedAway', label: '転出' },
  { code: 'died', label: '死亡' },
  { code: 'refused', label: '本人拒否・連絡途絶' },
  { code: 'other', label: 'その他' },
] as const);

/** Progress of one plan item at monitoring. */
export const itemProgress = codeList([
  { code: 'achieved', label: '達成' },
  { code: 'partly', label: '一部達成' },
  { code: 'notAchieved', label: '未達成' },
] as const);

export const monitoringDecisions = codeList([
  { code: 'continue', label: '継続' },
  { code: 'revise', label: 'プラン見直し' },
  { code: 'close', label: '終結' },
  { code: 'suspend', label: '中断' },
] as const);

/** Support report results. */
export const reportResults = codeList([
  { code: 'done', label: '実施' },
  { code: 'notReached', label: '不在・連絡取れず' },
  { code: 'refused', label: '本人拒否' },
  { code: 'other', label: 'その他' },
] as const);

/** Legal bases for sharing and for meetings. */
export const legalBases = codeList([
  { code: 'article106_6', label: '社会福祉法第106条の6（支援会議）' },
  { code: 'consent', label: '本人同意' },
] as const);
export type LegalBasis = CodeOf<typeof legalBases>;

/** Default meeting kinds; cities rename them, so they are stored per tenant and seeded from here. */
export const defaultMeetingKinds: { code: string; name: string; legalBasis: LegalBasis }[] = [
  { code: 'supportMeeting', name: '支援会議', legalBasis: 'article106_6' },
  { code: 'multilayerMeeting', name: '重層的支援会議', legalBasis: 'consent' },
];

/** 要配慮個人情報 held apart (sensitive_facts): the kinds, and which consent category covers sharing each. */
export const sensitiveFactKinds = codeList([
  { code: 'offence', label: '犯罪歴等' },
  { code: 'illness', label: '病歴' },
  { code: 'disability', label: '障害' },
  { code: 'dvVictim', label: 'DV被害' },
] as const);
export type SensitiveFactKindCode = CodeOf<typeof sensitiveFactKinds>;

/** The situation of a person with an offence (犯罪をした者等); an `offence` fact on a case is its marker. */
export const offenceSubtypes = codeList([
  { code: 'probation', label: '保護観察中' },
  { code: 'parole', label: '仮釈放' },
  { code: 'sentenceServed', label: '満期釈放' },
  { code: 'prosecutionSuspended', label: '起訴猶予' },
  { code: 'suspendedSentence', label: '執行猶予' },
  { code: 'juvenile', label: '少年' },
] as const);
export type OffenceSubtype = CodeOf<typeof offenceSubtypes>;

/** Kinds of 支援経過記録 (progress note): how the contact happened. */
export const progressNoteKinds = codeList([
  { code: 'homeVisit', label: '訪問' },
  { code: 'officeVisit', label: '来所面談' },
  { code: 'phone', label: '電話' },
  { code: 'accompaniment', label: '同行支援' },
  { code: 'meeting', label: '会議・打合せ' },
  { code: 'letter', label: 'メール・文書' },
  { code: 'other', label: 'その他' },
] as const);

/** Kinship edges of a household (genogram lines). */
export const householdRelationLabels = codeList([
  { code: 'parentChild', label: '親子' },
  { code: 'spouse', label: '夫婦' },
  { code: 'exSpouse', label: '離婚' },
  { code: 'sibling', label: 'きょうだい' },
  { code: 'cohabiting', label: '内縁・同棲' },
] as const);

/** Whom an ecomap tie reaches. */
export const tieKindLabels = codeList([
  { code: 'organization', label: '関係機関' },
  { code: 'neighbour', label: '近隣住民' },
  { code: 'welfareCommissioner', label: '民生委員' },
  { code: 'employer', label: '勤務先' },
  { code: 'relative', label: '親族' },
  { code: 'friend', label: '友人・知人' },
  { code: 'school', label: '学校' },
  { code: 'medical', label: '医療機関' },
  { code: 'community', label: '地域の活動' },
  { code: 'other', label: 'その他' },
] as const);

export const tieStrengthLabels = codeList([
  { code: 'strong', label: '強い' },
  { code: 'normal', label: '普通' },
  { code: 'weak', label: '弱い' },
] as const);

export const codesOf = <T extends readonly Code[]>(codes: T) =>
  codes.map((c) => c.code) as [CodeOf<T>, ...CodeOf<T>[]];
export const labelOf = (codes: readonly Code[], code: string) =>
  codes.find((c) => c.code === code)?.label ?? code;
