import { z } from 'zod';
import { resourceKindCodes, resourceNeedCodes, resourceStatusCodes } from '../domain/resources/codes.ts';
import {
  flagQuery,
  namedRefSchema,
  nullWhenMissing,
  optionalText,
  requiredText,
  text,
  unique,
} from './common.ts';
import { calendarDateSchema } from './plans.ts';

/** An optional field of this format that may also be left blank: blank, null or missing becomes null. */
const blankOr = <T extends z.ZodType<string>>(format: T) =>
  z
    .union([format, z.literal('')])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const emailText = blankOr(z.email({ message: 'メールアドレスの形式が正しくありません' }));
const urlText = blankOr(
  z.url({ protocol: /^https?$/, message: 'URLは http:// または https:// で始めてください' }).max(500),
);
const phoneText = blankOr(
  z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9０-９()（）\-－‐+ ]+$/, { message: '電話番号は数字とハイフンで入力してください' }),
);
const timeText = blankOr(
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '時刻は 09:30 の形式で入力してください' }),
);
const age = nullWhenMissing(
  z
    .number({ message: '年齢は数字で入力してください' })
    .int({ message: '年齢は整数で入力してください' })
    .min(0, { message: '年齢は0以上にしてください' })
    .max(150, { message: '年齢が大きすぎます' }),
);

export const resourceKindSchema = z.enum(resourceKindCodes, { message: '種別を正しく選んでください' });
export const resourceNeedSchema = z.enum(resourceNeedCodes, { message: 'ニーズを正しく選んでください' });
export const resourceStatusSchema = z.enum(resourceStatusCodes, { message: '状態を正しく選んでください' });

/** BYDAY: `MO`…`SU`, monthly with an ordinal (`2SA`, `-1FR`). */
const bydaySchema = z
  .string()
  .regex(/^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/, { message: '曜日の指定が正しくありません' });

export const resourceLocationInputSchema = z.object({
  name: optionalText(200),
  postalCode: blankOr(
    z.string().regex(/^\d{3}-?\d{4}$/, { message: '郵便番号は 890-0000 の形式で入力してください' }),
  ),
  address: optionalText(300),
  city: optionalText(100),
  schoolDistrict: optionalText(100),
  district: optionalText(100),
  transportation: optionalText(500),
  latitude: nullWhenMissing(z.number().min(-90).max(90)),
  longitude: nullWhenMissing(z.number().min(-180).max(180)),
});

export const resourceScheduleInputSchema = z
  .object({
    freq: z.enum(['WEEKLY', 'MONTHLY'], { message: '毎週か毎月かを選んでください' }),
    byday: z.array(bydaySchema).min(1, { message: '曜日を1つ以上選んでください' }).max(14),
    opensAt: timeText,
    closesAt: timeText,
    notes: optionalText(500),
  })
  .refine((s) => !s.opensAt || !s.closesAt || s.opensAt < s.closesAt, {
    path: ['closesAt'],
    message: '終了時刻は開始時刻より後にしてください',
  })
  .refine((s) => s.freq === 'MONTHLY' || s.byday.every((d) => /^[A-Z]{2}$/.test(d)), {
    path: ['byday'],
    message: '「第2土曜日」のような指定は、頻度を「毎月」にしてください',
  });

export const resourceContactInputSchema = z.object({
  name: optionalText(100),
  title: optionalText(100),
  department: optionalText(100),
  email: emailText,
  phone: phoneText,
});

export const resourceOrganizationInputSchema = z.object({
  name: requiredText(200),
  description: text(2000).optional().default(''),
  website: urlText,
  email: emailText,
  phone: phoneText,
});

/** A resource as the directory's keepers enter it: the service, its provider, places, hours, contacts. */
export const resourceInputSchema = z
  .object({
    name: requiredText(200),
    alternateName: optionalText(200),
    description: text(4000).optional().default(''),
    status: resourceStatusSchema.default('active'),
    kinds: z
      .array(resourceKindSchema)
      .min(1, { message: '種別を1つ以上選んでください' })
      .max(12)
      .refine(unique, { message: '同じ種別が重複しています' }),
    needs: z
      .array(resourceNeedSchema)
      .max(10)
      .refine(unique, { message: '同じニーズが重複しています' })
      .default([]),
    organization: resourceOrganizationInputSchema,
    eligibilityDescription: optionalText(2000),
    minimumAge: age,
    maximumAge: age,
    feesDescription: optionalText(1000),
    applicationProcess: optionalText(2000),
    url: urlText,
    email: emailText,
    phone: phoneText,
    assuredOn: nullWhenMissing(calendarDateSchema),
    locations: z.array(resourceLocationInputSchema).max(10, { message: '場所は10件までです' }).default([]),
    schedules: z
      .array(resourceScheduleInputSchema)
      .max(14, { message: '開催日時は14件までです' })
      .default([]),
    contacts: z.array(resourceContactInputSchema).max(10, { message: '連絡先は10件までです' }).default([]),
  })
  .refine((r) => r.minimumAge === null || r.maximumAge === null || r.minimumAge <= r.maximumAge, {
    path: ['maximumAge'],
    message: '上限年齢は下限年齢以上にしてください',
  });
export type ResourceInput = z.output<typeof resourceInputSchema>;

export const resourceLocationSchema = z.object({
  name: z.string().nullable(),
  postalCode: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  schoolDistrict: z.string().nullable(),
  district: z.string().nullable(),
  transportation: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export const resourceScheduleSchema = z.object({
  freq: z.enum(['WEEKLY', 'MONTHLY']),
  byday: z.array(z.string()),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  notes: z.string().nullable(),
});
export const resourceContactSchema = z.object({
  name: z.string().nullable(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const resourceSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: resourceStatusSchema,
    kinds: z.array(resourceKindSchema),
    needs: z.array(resourceNeedSchema),
    organization: namedRefSchema,
    schoolDistricts: z.array(z.string()),
    districts: z.array(z.string()),
    /** how near the resource is to the 校区 searched for: same 校区, same 地区, or neither / not asked */
    nearness: z.enum(['schoolDistrict', 'district', 'none']),
    description: z.string(),
  })
  .meta({ id: 'ResourceSummary' });
export type ResourceSummary = z.infer<typeof resourceSummarySchema>;

export const resourceSchema = z
  .object({
    id: z.uuid(),
    hsdsId: z.uuid(),
    name: z.string(),
    alternateName: z.string().nullable(),
    description: z.string(),
    status: resourceStatusSchema,
    kinds: z.array(resourceKindSchema),
    needs: z.array(resourceNeedSchema),
    organization: z.object({
      id: z.uuid(),
      name: z.string(),
      description: z.string(),
      website: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    eligibilityDescription: z.string().nullable(),
    minimumAge: z.number().int().nullable(),
    maximumAge: z.number().int().nullable(),
    feesDescription: z.string().nullable(),
    applicationProcess: z.string().nullable(),
    url: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    assuredOn: z.string().nullable(),
    lastModified: z.string(),
    locations: z.array(resourceLocationSchema),
    schedules: z.array(resourceScheduleSchema),
    contacts: z.array(resourceContactSchema),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'Resource' });
export type Resource = z.infer<typeof resourceSchema>;

const listOf = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]),
    z.array(schema).max(20).optional(),
  );

export const resourceListQuerySchema = z.object({
  /** words in the name, description, provider or eligibility */
  q: text(100).optional(),
  need: listOf(resourceNeedSchema),
  kind: listOf(resourceKindSchema),
  /** the person's 校区: resources there first, then those of the same 地区 */
  schoolDistrict: text(100).optional(),
  district: text(100).optional(),
  /** include resources that are closed or defunct (default: only usable ones) */
  includeInactive: flagQuery,
});

export const resourceListSchema = z
  .object({
    items: z.array(resourceSummarySchema),
    /** the areas present in the directory, for the search form */
    areas: z.object({
      districts: z.array(z.object({ name: z.string(), schoolDistricts: z.array(z.string()) })),
    }),
  })
  .meta({ id: 'ResourceList' });
