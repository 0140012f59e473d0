import { type Count, shown } from '../statistics.ts';

/**
 * Figures Kasane counts by itself for a programme of the 再犯防止推進計画, shown beside the progress a
 * section enters (docs/resources.md "Recidivism link"). The programme 「協力雇用主等に対する優遇措置」
 * rewards co-operating employers, which the 社会資源 directory lists under the kind 協力雇用主: a
 * programme whose name speaks of 協力雇用主 gets
 * - `cooperatingEmployers`: the usable resources tagged 協力雇用主 (a directory count — it describes
 *   businesses, not people, so it is shown as it is);
 * - `placedWithCooperatingEmployers`: persons with a 参加支援 placement at such a resource under way
 *   in the 年度 (casework: 1–4 are 「5未満」, for every reader).
 */
export const automaticIndicatorCodes = ['cooperatingEmployers', 'placedWithCooperatingEmployers'] as const;
export type AutomaticIndicatorCode = (typeof automaticIndicatorCodes)[number];

export const automaticIndicatorLabels: Record<AutomaticIndicatorCode, string> = {
  cooperatingEmployers: '社会資源に登録された協力雇用主',
  placedWithCooperatingEmployers: '協力雇用主での参加支援（人）',
};

/** Whether a programme is counted with the 協力雇用主 of the directory (its name speaks of them). */
export function countsCooperatingEmployers(programmeName: string): boolean {
  return programmeName.normalize('NFKC').includes('協力雇用主');
}

export interface AutomaticIndicator {
  code: AutomaticIndicatorCode;
  label: string;
  value: Count;
}

/** The automatic indicators of one programme, from the counts of the 年度; none for other programmes. */
export function automaticIndicatorsOf(
  programmeName: string,
  counts: { cooperatingEmployers: number; placedWithCooperatingEmployers: number },
): AutomaticIndicator[] {
  if (!countsCooperatingEmployers(programmeName)) return [];
  return [
    {
      code: 'cooperatingEmployers',
      label: automaticIndicatorLabels.cooperatingEmployers,
      value: counts.cooperatingEmployers,
    },
    {
      code: 'placedWithCooperatingEmployers',
      label: automaticIndicatorLabels.placedWithCooperatingEmployers,
      value: shown(counts.placedWithCooperatingEmployers, true),
    },
  ];
}
