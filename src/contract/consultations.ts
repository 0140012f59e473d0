import { z } from 'zod';
import { codesOf, consultationChannels, consultationTopics, relations } from '../domain/codeLists.ts';
import { namedRefSchema, requiredText, text, unique, userRefSchema } from './common.ts';
import {
  consultationFilterFields,
  consultationOutcomes,
  receivedInOrder,
  receivedOrderMessage,
} from './consultationFilter.ts';
import { pageQuerySchema, pageSchema } from './pagination.ts';
import { householdMemberSchema, pastOrToday, personChoiceSchema, personSummarySchema } from './persons.ts';
import { consultationStatuses } from './statuses.ts';

const topicCode = z.enum(codesOf(consultationTopics), { message: '相談内容を一覧から選んでください' });
/** 続柄 of someone other than the person themself. */
const relationToPerson = z
  .enum(codesOf(relations), { message: '続柄を一覧から選んでください' })
  .refine((relation) => relation !== 'self', { message: '本人以外の続柄を選んでください' });

export { consultationStatuses };

/**
 * What happens next (相談受付・申込票): 自機関で対応, 他機関へつなぐ (needs the person's consent),
 * or 重層事業へ引継ぎ (with why the counter cannot solve it alone and the services already tried).
 */
export const outcomeInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('ownAgency') }),
    z.strictObject({
      kind: z.literal('referral'),
      toOrganizationId: z.uuid({ message: 'つなぎ先の機関を選んでください' }),
      note: text(2000).optional(),
    }),
    z.strictObject({
      kind: z.literal('handover'),
      reason: requiredText(4000),
      servicesTried: requiredText(4000),
    }),
  ],
  { message: '対応（自機関で対応・他機関へつなぐ・重層事業へ引継ぎ）を選んでください' },
);

export const consultationInputSchema = z
  .object({
    person: personChoiceSchema.describe('{personId} of a person I may see, or the fields of a new person'),
    householdMembers: z
      .array(
        z.strictObject({
          person: personChoiceSchema,
          relation: relationToPerson.describe('続柄 to the person (本人)'),
          livingTogether: z.boolean({ message: '同居かどうかを選んでください' }),
        }),
      )
      .max(20, { message: '世帯員は20人までです' })
      .default([]),
    visitor: z
      .strictObject({
        name: requiredText(100),
        relation: relationToPerson,
        phone: text(20)
          .regex(/^[0-9０-９+\-()（） ]*$/, { message: '電話番号は数字とハイフンで入力してください' })
          .optional(),
      })
      .nullable()
      .default(null)
      .describe('来談者, when someone other than the person came'),
    channel: z.enum(codesOf(consultationChannels), { message: '相談経路を選んでください' }),
    topics: z
      .array(topicCode)
      .min(1, { message: '相談内容を1つ以上選んでください' })
      .refine(unique, { message: '同じ相談内容が重複しています' }),
    mainTopic: topicCode.describe('◎: the main topic, one of topics'),
    content: requiredText(8000),
    wishes: text(4000).optional().describe('本人の意向'),
    consentToShare: z
      .boolean({ message: '情報共有への本人同意の有無を選んでください' })
      .describe('相談受付・申込票【本人同意あり】 (true) or 【本人同意なし】 (false)'),
    receivedOn: pastOrToday('受付日').optional().describe('Default: today in Asia/Tokyo'),
    outcome: outcomeInputSchema,
  })
  .refine((input) => input.topics.includes(input.mainTopic), {
    message: '主な相談内容（◎）は、選んだ相談内容の中から選んでください',
    path: ['mainTopic'],
  });
export type ConsultationInput = z.input<typeof consultationInputSchema>;

export const consultationAbilitiesSchema = z.object({
  close: z.boolean().describe('対応終了'),
  handOver: z.boolean().describe('重層事業へ引継ぎ'),
  refer: z.boolean().describe('他機関へつなぐ'),
});

/** A consultation on a list or inside a referral or handover. */
export const consultationSummarySchema = z
  .object({
    id: z.uuid(),
    receivedOn: z.string(),
    organization: namedRefSchema.describe('The counter that took it'),
    person: personSummarySchema,
    channel: z.enum(codesOf(consultationChannels)),
    topics: z.array(z.enum(codesOf(consultationTopics))),
    mainTopic: z.enum(codesOf(consultationTopics)),
    outcome: z.enum(consultationOutcomes),
    status: z.enum(consultationStatuses),
  })
  .meta({ id: 'ConsultationSummary' });
export type ConsultationSummary = z.infer<typeof consultationSummarySchema>;

export const consultationListItemSchema = consultationSummarySchema
  .extend({
    direction: z.enum(['own', 'referredToUs']).describe('Taken by my organisation, or referred to it'),
    abilities: consultationAbilitiesSchema,
  })
  .meta({ id: 'ConsultationListItem' });

export const consultationReferralSchema = z.object({
  id: z.uuid(),
  fromOrganization: namedRefSchema,
  toOrganization: namedRefSchema,
  note: z.string().nullable(),
  legalBasis: z.enum(['consent', 'article106_6']),
  status: z.enum(['pending', 'accepted', 'declined']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
});

export const consultationHandoverSchema = z.object({
  id: z.uuid(),
  toOrganization: namedRefSchema,
  reason: z.string(),
  servicesTried: z.string(),
  status: z.enum(['pending', 'accepted', 'returned']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable().describe('差戻しの理由'),
  case: z
    .object({ id: z.uuid(), caseNumber: z.string() })
    .nullable()
    .describe('The case it became, when I may see it'),
});

export const consultationSchema = consultationSummarySchema
  .extend({
    receivedBy: userRefSchema,
    householdId: z.uuid(),
    householdMembers: z.array(householdMemberSchema).describe('The other members of the household'),
    visitor: z.object({ name: z.string(), relation: z.string(), phone: z.string().optional() }).nullable(),
    content: z.string(),
    wishes: z.string().nullable(),
    consentToShare: z.boolean(),
    closedAt: z.string().nullable(),
    closeNote: z.string().nullable(),
    referrals: z.array(consultationReferralSchema).describe('つなぎ, newest first'),
    handovers: z.array(consultationHandoverSchema).describe('引継ぎ, newest first'),
    abilities: consultationAbilitiesSchema,
  })
  .meta({ id: 'Consultation' });
export type Consultation = z.infer<typeof consultationSchema>;

export const consultationListQuerySchema = pageQuerySchema
  .extend(consultationFilterFields)
  .refine(receivedInOrder, receivedOrderMessage);

export const consultationListSchema = pageSchema(consultationListItemSchema).meta({ id: 'ConsultationList' });

export const consultationCloseSchema = z.object({
  note: text(4000).optional().describe('対応終了のメモ'),
});
