import { type CodeOf, codeList, codesOf } from '../codeLists.ts';

/**
 * Code lists of the 社会資源 directory (docs/resources.md). Codes are stable identifiers (they are
 * also the HSDS taxonomy term codes of the export); labels are what staff see.
 */

/** What kind of place or activity a resource is (its tags; a resource may carry several). */
export const resourceKinds = codeList([
  { code: 'participationPlace', label: '参加支援の場' },
  { code: 'ibasho', label: '居場所' },
  { code: 'workExperience', label: '就労体験' },
  { code: 'employment', label: '就労・雇用' },
  { code: 'cooperatingEmployer', label: '協力雇用主' },
  { code: 'childrenCafeteria', label: '子ども食堂' },
  { code: 'salon', label: 'サロン' },
  { code: 'volunteering', label: 'ボランティア活動' },
  { code: 'learningSupport', label: '学習支援' },
  { code: 'consultationDesk', label: '相談窓口' },
  { code: 'foodSupport', label: '食料支援' },
  { code: 'housingSupport', label: '住まいの支援' },
] as const);
export type ResourceKind = CodeOf<typeof resourceKinds>;
export const resourceKindCodes = codesOf(resourceKinds);

/** Which needs a resource meets (searched by need). */
export const resourceNeeds = codeList([
  { code: 'belonging', label: '居場所・つながり' },
  { code: 'work', label: '仕事・就労' },
  { code: 'food', label: '食事・食料' },
  { code: 'housing', label: '住まい' },
  { code: 'learning', label: '学び' },
  { code: 'health', label: '健康・生活リズム' },
  { code: 'care', label: '介護・見守り' },
  { code: 'childRearing', label: '子育て' },
  { code: 'money', label: '家計・お金' },
  { code: 'reentry', label: '立ち直り・社会復帰' },
] as const);
export type ResourceNeed = CodeOf<typeof resourceNeeds>;
export const resourceNeedCodes = codesOf(resourceNeeds);

/** A resource's status, as HSDS 3.0 names it (service.status). */
export const resourceStatuses = codeList([
  { code: 'active', label: '利用できる' },
  { code: 'temporarily closed', label: '休止中' },
  { code: 'inactive', label: '受付停止' },
  { code: 'defunct', label: '廃止' },
] as const);
export type ResourceStatus = CodeOf<typeof resourceStatuses>;
export const resourceStatusCodes = codesOf(resourceStatuses);

/** Weekdays as iCal BYDAY codes (HSDS schedule.byday), Monday first as Japanese calendars print them. */
export const weekdays = codeList([
  { code: 'MO', label: '月' },
  { code: 'TU', label: '火' },
  { code: 'WE', label: '水' },
  { code: 'TH', label: '木' },
  { code: 'FR', label: '金' },
  { code: 'SA', label: '土' },
  { code: 'SU', label: '日' },
] as const);
