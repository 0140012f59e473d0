import { z } from 'zod';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '../domain/retention.ts';
import { exportEncodingSchema, idSchema, text } from './common.ts';
import { listSchema } from './pagination.ts';

/** 保存期間・廃棄 (docs/retention.md): the city's periods, the disposal list, its approval and record. */

const years = (label: string) =>
  z
    .number({ message: `${label}を年数で入力してください` })
    .int({ message: `${label}は整数の年数で入力してください` })
    .min(MIN_RETENTION_YEARS, { message: `${label}は${MIN_RETENTION_YEARS}年以上にしてください` })
    .max(MAX_RETENTION_YEARS, { message: `${label}は${MAX_RETENTION_YEARS}年以下にしてください` });

export const retentionRulesInputSchema = z.object({
  caseYears: years('支援ケースの保存期間').describe(
    'years after the 年度 of 終結 (counted from the next 1 April)',
  ),
  consultationYears: years('相談記録の保存期間').describe(
    'years after the 年度 a consultation that never became a case was closed',
  ),
  personYears: years('本人情報の保存期間').describe(
    'years after the last change of a person no record names',
  ),
});
export type RetentionRulesInput = z.infer<typeof retentionRulesInputSchema>;

export const retentionRulesSchema = retentionRulesInputSchema
  .extend({
    isDefault: z.boolean().describe('true until the city sets its own periods'),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable().describe('display name of who last changed them'),
  })
  .meta({ id: 'RetentionRules' });
export type RetentionRulesView = z.infer<typeof retentionRulesSchema>;

export const disposalCandidatesSchema = z
  .object({
    asOf: z.string().describe('the day the list is computed for (today in Asia/Tokyo)'),
    rules: retentionRulesInputSchema,
    cases: z.array(
      z.object({
        id: idSchema,
        caseNumber: z.string(),
        personName: z.string().nullable(),
        closedOn: z.string(),
        closureReason: z.string().nullable().describe('closure reason code'),
        disposableFrom: z.string(),
        coordinatingOrganizationName: z.string(),
        consultationCount: z.number().int(),
      }),
    ),
    consultations: z.array(
      z.object({
        id: idSchema,
        receivedOn: z.string(),
        closedOn: z.string().nullable(),
        personName: z.string().nullable(),
        organizationName: z.string(),
        mainTopic: z.string().describe('topic code'),
        disposableFrom: z.string(),
      }),
    ),
    persons: z.array(
      z.object({
        id: idSchema,
        name: z.string(),
        reason: z.enum(['lastRecord', 'noRecord']),
      }),
    ),
    held: z.array(
      z.object({ id: idSchema, caseNumber: z.string(), closedOn: z.string().nullable(), reason: z.string() }),
    ),
  })
  .meta({ id: 'DisposalCandidates' });
export type DisposalCandidates = z.infer<typeof disposalCandidatesSchema>;

const ids = z.array(idSchema).max(5000, { message: '一度に廃棄できるのは5000件までです' });

export const disposalApproveSchema = z
  .object({
    caseIds: ids.default([]),
    consultationIds: ids.default([]).describe('standalone consultations (those of a case go with it)'),
    personIds: ids.default([]).describe('persons named by no record'),
  })
  .refine((s) => s.caseIds.length + s.consultationIds.length + s.personIds.length > 0, {
    message: '廃棄する記録を選んでください',
    path: ['caseIds'],
  });

export const disposalRecordSchema = z
  .object({
    id: idSchema,
    approvedAt: z.string(),
    approvedBy: z.object({ id: z.string(), displayName: z.string().nullable() }),
    asOf: z.string(),
    caseCount: z.number().int(),
    consultationCount: z.number().int(),
    personCount: z.number().int(),
    caseNumbers: z.array(z.string()),
    rules: retentionRulesInputSchema,
  })
  .meta({ id: 'DisposalRecord' });
export type DisposalRecord = z.infer<typeof disposalRecordSchema>;

export const disposalRecordListSchema = listSchema(disposalRecordSchema);

export const disposalExportQuerySchema = z.object({
  encoding: exportEncodingSchema.default('utf-8'),
});

export const retentionHoldSchema = z.object({
  reason: text(400)
    .nullable()
    .describe('why the case must be kept (訴訟・開示請求の対応中…); null lifts the hold')
    .refine((r) => r === null || r.length > 0, { message: '保留の理由を入力してください' }),
});
