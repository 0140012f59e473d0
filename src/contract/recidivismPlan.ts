import { z } from 'zod';
import { automaticIndicatorCodes } from '../domain/resources/automaticIndicators.ts';
import { idSchema, namedRefSchema, requiredText, text, unique, userRefSchema } from './common.ts';
import { listSchema } from './pagination.ts';

/** A 年度 as its starting calendar year (令和6年度 = 2024). */
export const fiscalYearSchema = z.coerce
  .number({ message: '年度は数字で指定してください' })
  .int({ message: '年度は整数で指定してください' })
  .min(1989, { message: '年度が正しくありません' })
  .max(2100, { message: '年度が正しくありません' });

/** The 年度 an answer is about: its starting calendar year and its label as officials write it. */
export const fiscalYearFields = {
  fiscalYear: z.number().int(),
  /** 令和6年度 */
  fiscalYearLabel: z.string(),
};

export const challengeSchema = z
  .object({
    id: z.uuid(),
    /** 課題番号: the challenge's place in the plan, from 1 */
    position: z.number().int(),
    title: z.string(),
    programmeCount: z.number().int(),
  })
  .meta({ id: 'Challenge' });
export type Challenge = z.infer<typeof challengeSchema>;

export const recidivismPlanSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    periodFromFiscalYear: z.number().int(),
    periodToFiscalYear: z.number().int(),
    /** the period as officials write it, e.g. 令和4年度～令和8年度 */
    periodLabel: z.string(),
    parentPlan: z.string().nullable(),
    legalBasis: z.string(),
    targetPopulation: z.string(),
    challenges: z.array(challengeSchema),
    abilities: z.object({ manage: z.boolean(), lockYear: z.boolean() }),
  })
  .meta({ id: 'RecidivismPlan' });
export type RecidivismPlan = z.infer<typeof recidivismPlanSchema>;

export const challengeListSchema = listSchema(challengeSchema).meta({ id: 'ChallengeList' });

/**
 * The whole ordered list of challenges: existing ones by id (title may change), new ones without.
 * A challenge left out is removed, which is refused while programmes sit under it.
 */
export const challengesUpdateSchema = z.object({
  items: z
    .array(z.object({ id: idSchema.optional(), title: requiredText(200) }))
    .min(1, { message: '課題を1つ以上入力してください' })
    .max(30),
});

const indicatorSchema = z.object({ name: requiredText(100), unit: text(20).optional() });

export const programmeChallengeInputSchema = z.object({
  challengeId: idSchema,
  /** 再掲: listed again under this challenge (its main place is elsewhere) */
  isRepeat: z.boolean().default(false),
});

export const programmeInputSchema = z.object({
  name: requiredText(200),
  summary: text(2000).default(''),
  responsibleSectionId: idSchema,
  challenges: z
    .array(programmeChallengeInputSchema)
    .min(1, { message: '課題を1つ以上選んでください' })
    .refine((items) => unique(items.map((i) => i.challengeId)), {
      message: '同じ課題が重複しています',
    }),
  relatedOrganizationIds: z.array(idSchema).max(50).default([]),
  indicators: z.array(indicatorSchema).max(20).default([]),
  externalKey: text(50).optional(),
});
export type ProgrammeInput = z.infer<typeof programmeInputSchema>;
export const programmeUpdateSchema = programmeInputSchema.partial();
export type ProgrammeUpdate = z.infer<typeof programmeUpdateSchema>;

export const programmeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    summary: z.string(),
    responsibleSection: namedRefSchema,
    challenges: z.array(
      z.object({ id: z.uuid(), position: z.number().int(), title: z.string(), isRepeat: z.boolean() }),
    ),
    /** when listed by challenge: whether this listing is a 再掲 */
    isRepeat: z.boolean().optional(),
    relatedOrganizations: z.array(namedRefSchema),
    indicators: z.array(z.object({ name: z.string(), unit: z.string().optional() })),
    externalKey: z.string().nullable(),
    abilities: z.object({ update: z.boolean(), editProgress: z.boolean() }),
  })
  .meta({ id: 'Programme' });
export type Programme = z.infer<typeof programmeSchema>;

export const programmeListQuerySchema = z.object({ challengeId: idSchema.optional() });
export const programmeListSchema = listSchema(programmeSchema).meta({ id: 'ProgrammeList' });

export const programmeImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).optional() });
export const programmeImportBodySchema = z.object({
  fileName: requiredText(200),
  /** the file's bytes, base64: CSV or TSV (UTF-8 or Shift_JIS) or xlsx */
  contentBase64: z.string().min(1, { message: 'ファイルが空です' }).max(2_000_000),
});

export const programmeImportTemplateQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx'], { message: '形式は csv か xlsx を指定してください' }),
});

export const importRowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
});
export const programmeImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    format: z.enum(['csv', 'tsv', 'xlsx']),
    encoding: z.enum(['UTF-8', 'Shift_JIS']).nullable(),
    rows: z.number().int(),
    created: z.array(z.object({ row: z.number().int(), name: z.string(), section: z.string() })),
    updated: z.array(z.object({ row: z.number().int(), name: z.string(), section: z.string() })),
    errors: z.array(importRowErrorSchema),
  })
  .meta({ id: 'ProgrammeImportResult' });
export type ProgrammeImportResult = z.infer<typeof programmeImportResultSchema>;

export const evaluationGradeSchema = z.object({ code: z.string(), label: z.string() });

export const progressInputSchema = z.object({
  /** 実施状況 */
  statusText: text(4000).default(''),
  /** 実績値 and its unit */
  resultValue: z.number({ message: '実績値は数値で入力してください' }).finite().nullable().default(null),
  resultUnit: text(20).nullable().default(null),
  /** 評価: a code of the tenant's evaluation scale */
  evaluation: text(10).nullable().default(null),
  /** 課題・今後の方向性 */
  issuesDirection: text(4000).default(''),
});
export type ProgressInput = z.infer<typeof progressInputSchema>;

export const progressParamsSchema = z.object({ id: idSchema, fiscalYear: fiscalYearSchema });

export const progressSchema = z
  .object({
    programmeId: z.uuid(),
    fiscalYear: z.number().int(),
    statusText: z.string(),
    resultValue: z.number().nullable(),
    resultUnit: z.string().nullable(),
    evaluation: evaluationGradeSchema.nullable(),
    issuesDirection: z.string(),
    updatedBy: userRefSchema,
    updatedAt: z.string(),
  })
  .meta({ id: 'ProgrammeProgress' });
export type Progress = z.infer<typeof progressSchema>;

/** A user who locked or unlocked a 年度, with the name of their organisation. */
const userOfOrganizationSchema = userRefSchema.extend({ organization: z.string() });

export const yearLockSchema = z
  .object({
    fiscalYear: z.number().int(),
    lockedBy: userOfOrganizationSchema,
    lockedAt: z.string(),
  })
  .meta({ id: 'ProgressYearLock' });

/** The last lifting of a 年度's lock: whose lock it was, who lifted it, when and why. */
export const yearUnlockSchema = z
  .object({
    fiscalYear: z.number().int(),
    lockedBy: userRefSchema,
    lockedAt: z.string(),
    unlockedBy: userOfOrganizationSchema,
    unlockedAt: z.string(),
    reason: z.string(),
  })
  .meta({ id: 'ProgressYearUnlock' });
export type YearUnlock = z.infer<typeof yearUnlockSchema>;

export const yearUnlockInputSchema = z.object({
  /** why a reviewed year is opened again (e.g. a section's correction) */
  reason: requiredText(500),
});

/** The configurable 評価 scale, in display order. */
export const evaluationScaleSchema = z
  .object({
    items: z.array(evaluationGradeSchema),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'EvaluationScale' });
export const evaluationScaleUpdateSchema = z.object({
  items: z
    .array(
      z.object({
        code: requiredText(10),
        label: requiredText(50),
      }),
    )
    .min(1, { message: '評価を1つ以上入力してください' })
    .max(10, { message: '評価は10段階までです' })
    .refine((items) => unique(items.map((i) => i.code)), {
      message: '同じ評価の記号が重複しています',
    }),
});

/** A figure Kasane counts for a programme; casework counts under 5 are 「5未満」. */
export const automaticIndicatorSchema = z.object({
  code: z.enum(automaticIndicatorCodes),
  label: z.string(),
  value: z.union([z.number().int(), z.literal('5未満')]),
});

export const progressListQuerySchema = z.object({ fiscalYear: fiscalYearSchema });
export const progressListSchema = z
  .object({
    ...fiscalYearFields,
    lock: yearLockSchema.nullable(),
    /** the latest lifting of this year's lock, if it was ever lifted */
    lastUnlock: yearUnlockSchema.nullable(),
    evaluationScale: z.array(evaluationGradeSchema),
    items: z.array(
      z.object({
        programme: z.object({
          id: z.uuid(),
          name: z.string(),
          responsibleSection: namedRefSchema,
          challengePositions: z.array(z.number().int()),
        }),
        progress: progressSchema.nullable(),
        /** figures Kasane counts itself (協力雇用主 of the directory), shown beside the entered progress */
        automaticIndicators: z.array(automaticIndicatorSchema),
        abilities: z.object({ edit: z.boolean() }),
      }),
    ),
    abilities: z.object({ lockYear: z.boolean(), unlockYear: z.boolean() }),
  })
  .meta({ id: 'ProgrammeProgressList' });

export const lockYearParamsSchema = z.object({ fiscalYear: fiscalYearSchema });

export const exportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx', 'pdf'], { message: '形式は csv, xlsx, pdf のいずれかです' }),
  encoding: z.enum(['utf-8', 'shift_jis']).optional(),
});

export const publicProgrammeListSchema = z
  .object({
    plan: z.object({ name: z.string(), periodLabel: z.string(), parentPlan: z.string().nullable() }),
    challenges: z.array(
      z.object({
        position: z.number().int(),
        title: z.string(),
        programmes: z.array(
          z.object({ name: z.string(), summary: z.string(), section: z.string(), isRepeat: z.boolean() }),
        ),
      }),
    ),
  })
  .meta({ id: 'PublicProgrammeCatalogue' });
export const publicProgrammeQuerySchema = z.object({ tenant: z.string().max(50).optional() });
