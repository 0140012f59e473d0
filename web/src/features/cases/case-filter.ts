import { type CaseFilter, caseFilterSchema } from '../../../../src/contract/caseFilter.ts';

/** The filters of 事例一覧, as in the address bar (the home dashboard's figures link with them). */
export type CaseListFilter = { [K in keyof CaseFilter]?: CaseFilter[K] | undefined };

/** The filter fields in the order they are put in a query string. */
export const caseFilterKeys = [
  'q',
  'stage',
  'assignedToMe',
  'unassigned',
  'open',
  'householdFlag',
  'issueArea',
  'monitoring',
  'noContactDays',
  'reportOverdueOrganizationId',
] as const satisfies readonly (keyof CaseFilter)[];

/**
 * The filter from the address bar: each field is kept only if the API would accept it (the router
 * turns `true` and numbers into JSON values; they are read back as the API's strings and numbers).
 */
export function parseCaseFilter(search: Record<string, unknown>): CaseListFilter {
  const filter: Record<string, unknown> = {};
  for (const key of caseFilterKeys) {
    const raw = search[key];
    if (raw === undefined || raw === null || raw === '') continue;
    const value = typeof raw === 'boolean' ? String(raw) : raw;
    const parsed = caseFilterSchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filter[key] = parsed.data;
  }
  return filter as CaseListFilter;
}
