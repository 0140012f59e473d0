import { z } from 'zod';

/** `?limit=&cursor=` of every keyset-paginated list; `cursor` is the previous page's `nextCursor`. */
export const pageQuerySchema = z.object({
  limit: z.coerce
    .number({ message: '件数は数値で指定してください' })
    .int({ message: '件数は整数で指定してください' })
    .min(1, { message: '件数は1以上にしてください' })
    .max(100, { message: '件数は100以下にしてください' })
    .default(20),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
});

/** One page of a keyset-paginated list: its items, and the cursor of the next page (null on the last). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A list answered whole, not page by page: its items. */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
