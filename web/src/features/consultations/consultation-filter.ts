import {
  type ConsultationFilter,
  consultationFilterFields,
  consultationFilterSchema,
} from '../../../../src/contract/consultationFilter.ts';
import { filterParams, parseFilterFields } from '../../lib/address-filter.ts';

/** The filters of 相談一覧, as in the address bar (links from the home page and statistics carry them). */
export type ConsultationListFilter = { [K in keyof ConsultationFilter]?: ConsultationFilter[K] | undefined };

/** The filter fields in the order they are put in a query string. */
export const consultationFilterKeys = [
  'from',
  'to',
  'organizationId',
  'channel',
  'topic',
  'outcome',
  'status',
] as const satisfies readonly (keyof ConsultationFilter)[];

/**
 * The filter from the address bar: each field is kept only if the API would accept it, and a period
 * whose end is before its start keeps only the start (so a hand-edited address never shows an error page).
 */
export function parseConsultationFilter(search: Record<string, unknown>): ConsultationListFilter {
  const filter = parseFilterFields(search, consultationFilterKeys, consultationFilterFields, (raw) =>
    typeof raw === 'number' ? String(raw) : raw,
  );
  if (!consultationFilterSchema.safeParse(filter).success) delete filter.to;
  return filter as ConsultationListFilter;
}

/** The filter as query parameters (only the fields that are set). */
export function consultationFilterParams(filter: ConsultationListFilter): URLSearchParams {
  return filterParams(filter, consultationFilterKeys);
}
