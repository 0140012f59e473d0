import { z } from 'zod';
import { namedRefSchema, requiredText } from './common.ts';
import { consultationSummarySchema } from './consultations.ts';
import { pageQuerySchema, pageSchema } from './pagination.ts';
import { handoverStatuses } from './statuses.ts';

export { handoverStatuses };

/** 引継ぎ: a complex consultation passed from a counter to the coordinating section. */
export const handoverSchema = z
  .object({
    id: z.uuid(),
    consultation: consultationSummarySchema,
    fromOrganization: namedRefSchema,
    toOrganization: namedRefSchema,
    reason: z.string().describe('Why the counter cannot solve it alone'),
    servicesTried: z.string().describe('Existing services already tried'),
    status: z.enum(handoverStatuses),
    createdAt: z.string(),
    daysWaiting: z
      .number()
      .int()
      .nullable()
      .describe('While pending: calendar days from the day it was sent to today (Asia/Tokyo)'),
    decidedAt: z.string().nullable(),
    returnReason: z.string().nullable().describe('差戻しの理由'),
    case: z.object({ id: z.uuid(), caseNumber: z.string() }).nullable(),
    possibleDuplicates: z
      .number()
      .int()
      .nullable()
      .describe(
        'Coordinator only: other persons of the municipality with the same reading and birth date as the person',
      ),
    abilities: z.object({ accept: z.boolean(), return: z.boolean() }),
  })
  .meta({ id: 'Handover' });
export type Handover = z.infer<typeof handoverSchema>;

export const handoverInputSchema = z.object({
  consultationId: z.uuid({ message: '相談を選んでください' }),
  reason: requiredText(4000).describe('Why the counter cannot solve it alone'),
  servicesTried: requiredText(4000).describe('Existing services already tried'),
});

export const handoverListQuerySchema = pageQuerySchema.extend({
  status: z.enum(handoverStatuses, { message: '状態が正しくありません' }).optional(),
});

export const handoverListSchema = pageSchema(handoverSchema).meta({ id: 'HandoverList' });

export const handoverReturnSchema = z.object({
  reason: requiredText(4000).describe('差戻しの理由: what the counter should do instead'),
});

export const handoverAcceptedSchema = z
  .object({ caseId: z.uuid(), caseNumber: z.string() })
  .meta({ id: 'HandoverAccepted' });
