import type { Code } from '../codeLists.ts';

/**
 * Code lists of the 社会資源 directory (docs/resources.md). Codes are stable identifiers (they are
 * also the HSDS taxonomy term codes of the export); labels are what staff see.
 */

const list = <T extends readonly Code[]>(codes: T) => codes;

/** What kind of place or activity a resource is (its tags; a resource may carry several). */
export const resourceKinds = list([
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
export type ResourceKind = (typeof resourceKinds)[number]['code'];
export const resourceKindCodes = resourceKinds.map((k) => k.code) as [ResourceKind, ...ResourceKind[]];

/** Which needs a resource meets (searched by need). */
export const resourceNeeds = list([
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
export type ResourceNeed = (typeof resourceNeeds)[number]['code'];
export const resourceNeedCodes = resourceNeeds.map((k) => k.code) as [ResourceNeed, ...ResourceNeed[]];

/** A resource's status, as HSDS 3.0 names it (service.status). */
export const resourceStatuses = list([
  { code: 'active', label: '利用できる' },
  { code: 'temporarily closed', label: '休止中' },
  { code: 'inactive', label: '受付停止' },
  { code: 'defunct', label: '廃止' },
] as const);
export type ResourceStatus = (typeof resourceStatuses)[number]['code'];
export const resourceStatusCodes = resourceStatuses.map((k) => k.code) as [
  ResourceStatus,
  ...ResourceStatus[],
];

/** Weekdays as iCal BYDAY codes (HSDS schedule.byday), Monday first as Japanese calendars print them. */
export const weekdays = list([
  { code: 'MO', label: '月' },
  { code: 'TU', label: '火' },
  { code: 'WE', label: '水' },
  { code: 'TH', label: '木' },
  { code: 'FR', label: '金' },
  { code: 'SA', label: '土' },
  { code: 'SU', label: '日' },
] as const);
