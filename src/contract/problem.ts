import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API is sent. `code` is stable and is also the i18n key. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .describe('Per-field errors of invalid input'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
