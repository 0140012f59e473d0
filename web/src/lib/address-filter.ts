import type { z } from 'zod';

/**
 * A list's filter read from the address bar: each field of `keys` is kept only if the API would
 * accept it (`fields[key]`), once `read` has turned what the router holds (it keeps `true` and numbers
 * as JSON values) back into what the API takes.
 */
export function parseFilterFields<Key extends string>(
  search: Record<string, unknown>,
  keys: readonly Key[],
  fields: { readonly [K in Key]: z.ZodType },
  read: (raw: unknown) => unknown,
): Partial<Record<Key, unknown>> {
  const filter: Partial<Record<Key, unknown>> = {};
  for (const key of keys) {
    const raw = search[key];
    if (raw === undefined || raw === null || raw === '') continue;
    const parsed = fields[key].safeParse(read(raw));
    if (parsed.success && parsed.data !== undefined) filter[key] = parsed.data;
  }
  return filter;
}

/** A list's filter as query parameters, in the order of `keys`: only the fields that are set. */
export function filterParams<Filter extends object>(
  filter: Filter,
  keys: readonly (keyof Filter & string)[],
): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of keys) {
    const value = filter[key];
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query;
}
