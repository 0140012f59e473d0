import { z } from 'zod';
import { today } from '../domain/clock.ts';
import { codesOf } from '../domain/codeLists.ts';
import { namedRefSchema, text, unique } from './common.ts';
import { listSchema } from './pagination.ts';

/** A reason a person types, required: trimmed, 1–1000 characters, no control characters. */
export const requiredReason = (message: string) =>
  z.string({ message }).pipe(text(1000)).pipe(z.string().min(1, { message }));

/**
 * What the person agrees may be shared (同意の範囲). `health` and `offence` are 要配慮個人情報
 * and are asked for separately on the form.
 */
export const consentCategories = [
  { code: 'basic', label: '基本情報（氏名・住所・連絡先・世帯）' },
  { code: 'consultation', label: '相談内容' },
  { code: 'assessment', label: '課題整理（アセスメント）' },
  { code: 'plan', label: '支援プラン・支援経過' },
  { code: 'health', label: '心身の状況・障害・病歴（要配慮個人情報）' },
  { code: 'offence', label: '犯罪歴等（要配慮個人情報）' },
  { code: 'victimisation', label: '犯罪被害の事実（DV被害等・要配慮個人情報）' },
] as const;
export type ConsentCategory = (typeof consentCategories)[number]['code'];

/** How the consent was given: a signed form, or orally before a witness (who is named). */
export const consentMethods = [
  { code: 'signedForm', label: '同意書への署名' },
  { code: 'oralWithWitness', label: '口頭（立会人あり）' },
] as const;
export type ConsentMethod = (typeof consentMethods)[number]['code'];

const isoDate = (message: string) => z.iso.date({ message });

export const consentInputSchema = z
  .object({
    personId: z.uuid({ message: '同意した本人を選んでください' }),
    caseId: z.uuid({ message: '事例の指定が正しくありません' }).optional(),
    organizationIds: z
      .array(z.uuid({ message: '機関の指定が正しくありません' }))
      .min(1, { message: '情報を共有してよい機関を1つ以上選んでください' })
      .max(50, { message: '機関は50までです' })
      .refine(unique, { message: '同じ機関が重複しています' }),
    categories: z
      .array(z.enum(codesOf(consentCategories), { message: '同意の範囲が正しくありません' }))
      .min(1, { message: '同意の範囲を1つ以上選んでください' })
      .refine(unique, { message: '同じ範囲が重複しています' }),
    givenOn: isoDate('同意日を YYYY-MM-DD の形式で入力してください'),
    method: z.enum(codesOf(consentMethods), { message: '同意の方法を選んでください' }),
    witness: text(100).optional(),
    expiresOn: isoDate('有効期限を YYYY-MM-DD の形式で入力してください').optional(),
  })
  .superRefine((input, ctx) => {
    if (input.method === 'oralWithWitness' && !input.witness) {
      ctx.addIssue({
        code: 'custom',
        path: ['witness'],
        message: '口頭による同意では立会人の氏名を入力してください',
      });
    }
    if (input.givenOn > today()) {
      ctx.addIssue({ code: 'custom', path: ['givenOn'], message: '同意日に未来の日付は入力できません' });
    }
    if (input.expiresOn && input.expiresOn < input.givenOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: '有効期限は同意日以降の日付にしてください',
      });
    }
  });
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const consentSchema = z
  .object({
    id: z.uuid(),
    person: namedRefSchema,
    caseId: z.uuid().nullable(),
    organizations: z.array(namedRefSchema),
    categories: z.array(z.object({ code: z.string(), label: z.string() })),
    method: z.enum(codesOf(consentMethods)),
    witness: z.string().nullable(),
    givenOn: z.string(),
    expiresOn: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    /** The withdrawal (撤回): the day the person withdrew, why, who recorded it, who lost access. */
    withdrawal: z
      .object({
        withdrawnOn: z.string(),
        reason: z.string(),
        recordedBy: namedRefSchema.nullable(),
        /** Organisations that took part only by this consent and lost access (on the case shown, or on every case). */
        lostAccess: z.array(
          z.object({
            caseId: z.uuid(),
            organizations: z.array(namedRefSchema),
          }),
        ),
      })
      .nullable(),
    /** In force today: given, not expired, not withdrawn. */
    active: z.boolean(),
    recordedBy: namedRefSchema,
    recordedAt: z.string(),
    /** The scanned consent form, if one is attached (download with consents.scan). */
    scan: z
      .object({
        filename: z.string(),
        mediaType: z.string(),
        sizeBytes: z.number().int(),
        sha256: z.string(),
        uploadedAt: z.string(),
      })
      .nullable(),
    /** Withdraw / attach a scan: the organisation that recorded it, or the coordinating section of its case. */
    abilities: z.object({ withdraw: z.boolean(), attachScan: z.boolean() }),
  })
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof consentSchema>;

export const consentWithdrawInputSchema = z
  .object({
    withdrawnOn: isoDate('撤回日を YYYY-MM-DD の形式で入力してください').optional(),
    reason: requiredReason('撤回の理由を入力してください'),
  })
  .superRefine((input, ctx) => {
    if (input.withdrawnOn && input.withdrawnOn > today()) {
      ctx.addIssue({ code: 'custom', path: ['withdrawnOn'], message: '撤回日に未来の日付は入力できません' });
    }
  });
export type ConsentWithdrawInput = z.infer<typeof consentWithdrawInputSchema>;

/** Scanned consent forms: PDF, JPEG or PNG, at most 5 MB (checked again by magic bytes on the server). */
export const consentScanMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const CONSENT_SCAN_MAX_BYTES = 5 * 1024 * 1024;

export const consentScanInputSchema = z.object({
  filename: z
    .string({ message: 'ファイル名を指定してください' })
    .pipe(text(200))
    .pipe(z.string().min(1, { message: 'ファイル名を指定してください' }))
    .refine((name) => !/[\\/]/.test(name), { message: 'ファイル名に使えない文字が含まれています' }),
  mediaType: z.enum(consentScanMediaTypes, {
    message: '同意書の画像は PDF・JPEG・PNG のいずれかにしてください',
  }),
  contentBase64: z
    .string({ message: 'ファイルの内容がありません' })
    .min(1, { message: 'ファイルの内容がありません' })
    .max(Math.ceil(CONSENT_SCAN_MAX_BYTES / 3) * 4 + 4, { message: 'ファイルは5MB以下にしてください' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'ファイルの内容が base64 になっていません' }),
});
export type ConsentScanInput = z.infer<typeof consentScanInputSchema>;

export const consentListSchema = listSchema(consentSchema).meta({ id: 'ConsentList' });
export type ConsentList = z.infer<typeof consentListSchema>;
