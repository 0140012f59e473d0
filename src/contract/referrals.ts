import { z } from 'zod';
import { namedRefSchema, requiredText, text } from './common.ts';
import { consultationSummarySchema } from './consultations.ts';
import { pageQuerySchema, pageSchema } from './pagination.ts';

/** つなぎ: a consultation passed to another agency's service, with the person's consent. */
export const referralSchema = z
  .object({
    id: z.uuid(),
    consultation: consultationSummarySchema
      .nullable()
      .describe('null once declined: the target organisation no longer sees the consultation'),
    fromOrganization: namedRefSchema,
    toOrganization: namedRefSchema,
    note: z.string().nullable(),
    legalBasis: z.enum(['consent', 'article106_6']).describe('What the sharing rests on'),
    status: z.enum(['pending', 'accepted', 'declined']),
    createdAt: z.string(),
    daysWaiting: z.number().int().describe('Calendar days from the day it was sent to today (Asia/Tokyo)'),
    decidedAt: z.string().nullable(),
    declineReason: z.string().nullable(),
    abilities: z.object({ accept: z.boolean(), decline: z.boolean() }),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof referralSchema>;

export const referralListQuerySchema = pageQuerySchema.extend({
  status: z
    .enum(['pending', 'accepted'], { message: '状態は pending か accepted を指定してください' })
    .default('pending'),
});

export const referralListSchema = pageSchema(referralSchema).meta({ id: 'ReferralList' });

export const referralDeclineSchema = z.object({
  reason: requiredText(4000).describe('Why the organisation cannot take it; the counter sees it'),
});

export const referralInputSchema = z.object({
  consultationId: z.uuid({ message: '相談を選んでください' }),
  toOrganizationId: z.uuid({ message: 'つなぎ先の機関を選んでください' }),
  note: text(2000).optional(),
});
