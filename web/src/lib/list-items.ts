import type { z } from 'zod';
import { apiRequest } from './api-client.ts';

/** `GET path` of a list the API answers as `{ items }`, checked against its `schema`: the items. */
export async function getListItems<T>(
  path: string,
  schema: z.ZodType<{ items: T[] }>,
  signal?: AbortSignal,
): Promise<T[]> {
  const list = await apiRequest('GET', path, { schema, signal });
  return list.items;
}
