import { z } from 'zod';
import { communityActivityKinds } from '../domain/resources/community.ts';
import { namedRefSchema, nullWhenMissing, optionalText, requiredText, text } from './common.ts';
import { calendarDateSchema } from './plans.ts';
import { fiscalYearFields, fiscalYearSchema } from './recidivismPlan.ts';

/** communityActivities.create / .update: an activity held at a 拠点 (which may be a directory resource). */
export const communityActivityInputSchema = z
  .object({
    name: requiredText(200),
    kind: z.enum(communityActivityKinds, { message: '活動の種類を選んでください' }),
    /** the 拠点's name; when a resource is named and this is empty, the resource's name is used */
    placeName: optionalText(200),
    resourceId: nullWhenMissing(z.uuid({ message: '社会資源を正しく選んでください' })),
    schoolDistrict: optionalText(100),
    district: optionalText(100),
    organizer: optionalText(200),
    note: optionalText(2000),
    active: z.boolean().default(true),
  })
  .refine((a) => Boolean(a.placeName) || Boolean(a.resourceId), {
    path: ['placeName'],
    message: '拠点の名称を入力するか、社会資源から選んでください',
  });
export type CommunityActivityInput = z.infer<typeof communityActivityInputSchema>;

/** communityActivities.recordSession: one session held — a count, never a person. */
export const communitySessionInputSchema = z.object({
  heldOn: calendarDateSchema,
  participants: z
    .number({ message: '参加者数を数字で入力してください' })
    .int({ message: '参加者数は整数で入力してください' })
    .min(0, { message: '参加者数は0以上にしてください' })
    .max(100000, { message: '参加者数が大きすぎます' }),
  /** participating organisations by name (自治会, 民生委員協議会, 社協, 学校 …) */
  organizations: z
    .array(text(100), { message: '参加機関を正しく入力してください' })
    .max(50, { message: '参加機関は50件までです' })
    .default([]),
  note: optionalText(2000),
});
export type CommunitySessionInput = z.infer<typeof communitySessionInputSchema>;

const totalsSchema = z.object({
  bases: z.number().int().describe('拠点数'),
  participants: z.number().int().describe('参加者数（延べ）'),
  organizations: z.number().int().describe('参加機関数'),
  sessions: z.number().int().describe('開催回数'),
});

export const communitySessionSchema = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  fiscalYear: z.number().int(),
  participants: z.number().int(),
  organizations: z.array(z.string()),
  note: z.string().nullable(),
});

const activityBase = {
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(communityActivityKinds),
  placeName: z.string(),
  resource: namedRefSchema.nullable(),
  schoolDistrict: z.string().nullable(),
  district: z.string().nullable(),
  organizer: z.string().nullable(),
  active: z.boolean(),
};

export const communityActivitySummarySchema = z.object({
  ...activityBase,
  /** the figures of the asked 年度 */
  year: totalsSchema.omit({ bases: true }),
  lastHeldOn: z.string().nullable(),
});

export const communityActivityListQuerySchema = z.object({
  fiscalYear: fiscalYearSchema.optional().describe('年度 (the current one when left out)'),
});

export const communityActivityListSchema = z
  .object({
    ...fiscalYearFields,
    totals: totalsSchema,
    previous: z.object({ ...fiscalYearFields, totals: totalsSchema }),
    items: z.array(communityActivitySummarySchema),
    abilities: z.object({ create: z.boolean() }),
  })
  .meta({ id: 'CommunityActivityList' });
export type CommunityActivityList = z.infer<typeof communityActivityListSchema>;

export const communityActivitySchema = z
  .object({
    ...activityBase,
    note: z.string().nullable(),
    sessions: z.array(communitySessionSchema),
    abilities: z.object({ update: z.boolean(), recordSession: z.boolean() }),
  })
  .meta({ id: 'CommunityActivity' });
export type CommunityActivity = z.infer<typeof communityActivitySchema>;
