import type { z } from 'zod';
import { apiGet } from './api-client.ts';

/** `GET path` of a list the API answers as `{ items }`, checked against its `schema`: the items. */
export async function getListItems<T>(
  path: string,
  schema: z.ZodType<{ items: T[] }>,
  signal?: AbortSignal,
): Promise<T[]> {
  const list = await apiGet(path, schema, signal);
  return list.items;
}
