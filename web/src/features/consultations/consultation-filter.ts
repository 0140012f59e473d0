import {
  type ConsultationFilter,
  consultationFilterFields,
  consultationFilterSchema,
} from '../../../../src/contract/consultationFilter.ts';

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
  const filter: Record<string, unknown> = {};
  for (const key of consultationFilterKeys) {
    const raw = search[key];
    if (raw === undefined || raw === null || raw === '') continue;
    const parsed = consultationFilterFields[key].safeParse(typeof raw === 'number' ? String(raw) : raw);
    if (parsed.success && parsed.data !== undefined) filter[key] = parsed.data;
  }
  if (!consultationFilterSchema.safeParse(filter).success) delete filter.to;
  return filter as ConsultationListFilter;
}

/** The filter as query parameters (only the fields that are set). */
export function consultationFilterParams(filter: ConsultationListFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of consultationFilterKeys) {
    const value = filter[key];
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query;
}
