import { type QueryKey, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { getListItems } from './list-items.ts';

/**
 * The queries of an administration list (organisations, users) under `queryKey`: the list `GET path(filter)`
 * answers, and one record read from the full list (`everything`, disabled ones included), as the API
 * has no single-record read and the list is small.
 */
export function adminListQueries<Filter, Item extends { id: string }>({
  queryKey,
  path,
  schema,
  everything,
}: {
  queryKey: QueryKey;
  path: (filter: Filter) => string;
  schema: z.ZodType<{ items: Item[] }>;
  everything: Filter;
}) {
  const listOptions = (filter: Filter) =>
    queryOptions({
      queryKey: [...queryKey, 'list', filter],
      queryFn: ({ signal }) => getListItems(path(filter), schema, signal),
    });
  return {
    useList: (filter: Filter) => useQuery(listOptions(filter)),
    useOne: (id: string) =>
      useQuery({
        ...listOptions(everything),
        select: (items) => items.find((item) => item.id === id) ?? null,
      }),
  };
}
