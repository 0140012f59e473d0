import { type CaseFilter, caseFilterSchema } from '../../../../src/contract/caseFilter.ts';
import { parseFilterFields } from '../../lib/address-filter.ts';

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
  return parseFilterFields(search, caseFilterKeys, caseFilterSchema.shape, (raw) =>
    typeof raw === 'boolean' ? String(raw) : raw,
  ) as CaseListFilter;
}
