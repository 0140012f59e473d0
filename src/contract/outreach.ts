import { z } from 'zod';
import { flagQuery, namedRefSchema, nullWhenMissing, text } from './common.ts';
import { listSchema } from './pagination.ts';
import { calendarDateSchema } from './plans.ts';

export const outreachMethods = ['visit', 'letter', 'phone', 'neighbour', 'minsei', 'other'] as const;
export const outreachResults = ['met', 'talked', 'noAnswer', 'refused', 'letterLeft', 'heardOf'] as const;
export const outreachRelationships = ['none', 'known', 'talking', 'trusted'] as const;

/** One contact attempt, on a consultation (before a case) or on a case: exactly one of the two. */
export const outreachContactInputSchema = z
  .object({
    consultationId: z.uuid({ message: '相談を正しく選んでください' }).optional(),
    caseId: z.uuid({ message: '事例を正しく選んでください' }).optional(),
    attemptedOn: calendarDateSchema,
    method: z.enum(outreachMethods, { message: '方法を選んでください' }),
    result: z.enum(outreachResults, { message: '結果を選んでください' }),
    relationship: z.enum(outreachRelationships, { message: '関係の段階を選んでください' }).default('none'),
    note: text(2000)
      .optional()
      .transform((v) => v || null),
    nextAttemptOn: nullWhenMissing(calendarDateSchema),
  })
  .refine((c) => Boolean(c.consultationId) !== Boolean(c.caseId), {
    path: ['consultationId'],
    message: '相談か事例のどちらか一方を指定してください',
  })
  .refine((c) => !c.nextAttemptOn || c.nextAttemptOn >= c.attemptedOn, {
    path: ['nextAttemptOn'],
    message: '次回予定は実施日以降にしてください',
  });

export const outreachContactSchema = z
  .object({
    id: z.uuid(),
    consultationId: z.uuid().nullable(),
    caseId: z.uuid().nullable(),
    attemptedOn: z.string(),
    method: z.enum(outreachMethods),
    result: z.enum(outreachResults),
    relationship: z.enum(outreachRelationships),
    note: z.string().nullable(),
    nextAttemptOn: z.string().nullable(),
    organization: namedRefSchema,
    /** the latest attempt of its person whose next attempt is past and not yet made */
    overdue: z.boolean(),
  })
  .meta({ id: 'OutreachContact' });
export type OutreachContact = z.infer<typeof outreachContactSchema>;

export const outreachContactListQuerySchema = z.object({
  consultationId: z.uuid({ message: '相談IDが正しくありません' }).optional(),
  caseId: z.uuid({ message: '事例IDが正しくありません' }).optional(),
  overdue: flagQuery,
});
export const outreachContactListSchema = listSchema(outreachContactSchema).meta({
  id: 'OutreachContactList',
});
