import { z } from 'zod';
import { idSchema, namedRefSchema, requiredText, text, userRefSchema } from './common.ts';
import { listSchema } from './pagination.ts';
import { fiscalYearFields, fiscalYearSchema } from './recidivismPlan.ts';

export const councilMemberSchema = z
  .object({
    id: z.uuid(),
    organization: namedRefSchema,
    representative: z.string(),
    termFrom: z.string(),
    termTo: z.string().nullable(),
  })
  .meta({ id: 'CouncilMember' });
export const councilMemberListSchema = listSchema(councilMemberSchema).meta({ id: 'CouncilMemberList' });

export const councilMeetingInputSchema = z.object({
  /** 開催日時 (ISO timestamp) */
  heldAt: z.iso.datetime({ offset: true, message: '開催日時を正しく入力してください' }),
  place: requiredText(200),
  isOpen: z.boolean({ message: '公開・非公開を選んでください' }),
  observersCount: z.number().int().min(0).max(10_000).default(0),
  observersNote: text(500).optional(),
  agenda: text(4000).default(''),
  minutes: text(20_000).default(''),
  attendees: z
    .array(
      z.object({
        organizationId: idSchema,
        attendeeName: requiredText(100),
        /** 代理出席 */
        isDeputy: z.boolean().default(false),
      }),
    )
    .max(100)
    .default([]),
});

/** File types a meeting's materials may be: documents officials exchange. */
export const attachmentMediaTypes = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'text/csv': ['csv'],
  'text/plain': ['txt'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
} as const satisfies Record<string, readonly string[]>;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export const councilAttachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    uploadedBy: userRefSchema,
    uploadedAt: z.string(),
  })
  .meta({ id: 'CouncilMeetingAttachment' });
export type CouncilAttachment = z.infer<typeof councilAttachmentSchema>;

export const councilAttachmentInputSchema = z.object({
  fileName: requiredText(200),
  /** the file's bytes, base64 (at most 5 MB decoded) */
  contentBase64: z
    .string()
    .min(1, { message: 'ファイルが空です' })
    .max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4, { message: 'ファイルは5MBまでです' }),
});
export const attachmentParamsSchema = z.object({ id: idSchema, attachmentId: idSchema });

export const councilMeetingSchema = z
  .object({
    id: z.uuid(),
    heldAt: z.string(),
    place: z.string(),
    isOpen: z.boolean(),
    observersCount: z.number().int(),
    observersNote: z.string().nullable(),
    agenda: z.string(),
    minutes: z.string(),
    attendees: z.array(
      z.object({
        organization: namedRefSchema,
        attendeeName: z.string(),
        isDeputy: z.boolean(),
      }),
    ),
    attachments: z.array(councilAttachmentSchema),
    abilities: z.object({ paper: z.boolean(), recordOpinion: z.boolean(), attach: z.boolean() }),
  })
  .meta({ id: 'CouncilMeeting' });
export type CouncilMeeting = z.infer<typeof councilMeetingSchema>;
export const councilMeetingListSchema = listSchema(councilMeetingSchema).meta({ id: 'CouncilMeetingList' });

/** A count for the council side: under 5 it is shown only as '5未満' (small-count suppression). */
export const suppressedCountSchema = z.union([z.number().int(), z.literal('5未満')]);

export const councilPaperQuerySchema = z.object({
  fiscalYear: fiscalYearSchema,
  format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json'),
  encoding: z.enum(['utf-8', 'shift_jis']).optional(),
});

export const councilPaperSchema = z
  .object({
    meeting: z.object({ id: z.uuid(), heldAt: z.string(), place: z.string() }),
    ...fiscalYearFields,
    locked: z.boolean(),
    challenges: z.array(
      z.object({
        position: z.number().int(),
        title: z.string(),
        programmes: z.array(
          z.object({
            name: z.string(),
            section: z.string(),
            isRepeat: z.boolean(),
            statusText: z.string(),
            result: z.string(),
            evaluation: z.string(),
            issuesDirection: z.string(),
            /** support plans of the 年度 that name the programme */
            usedInSupportPlans: suppressedCountSchema,
            /** figures Kasane counts itself (協力雇用主 of the directory; casework under 5 suppressed) */
            automaticIndicators: z.array(
              z.object({ code: z.string(), label: z.string(), value: suppressedCountSchema }),
            ),
          }),
        ),
      }),
    ),
    casework: z.object({
      /** persons supported in the 年度 whose case's assessment carries a 刑事司法 issue code */
      peopleSupported: suppressedCountSchema,
      /** of those cases, closures (終結) in the 年度 */
      closures: suppressedCountSchema,
      /** support plans of those cases, approved in the 年度, with an item naming a programme */
      plansUsingProgrammes: suppressedCountSchema,
    }),
  })
  .meta({ id: 'CouncilPaper' });
export type CouncilPaper = z.infer<typeof councilPaperSchema>;

export const opinionFollowUps = ['open', 'inProgress', 'done'] as const;

export const opinionInputSchema = z.object({
  /** the member organisation speaking: must be the caller's own (defaults to it) */
  organizationId: idSchema.optional(),
  meetingId: idSchema.optional(),
  content: requiredText(4000),
  challengeId: idSchema.optional(),
  programmeId: idSchema.optional(),
});

export const opinionAnswerSchema = z.object({
  answer: requiredText(4000),
  followUpStatus: z.enum(opinionFollowUps, { message: '対応状況を選んでください' }),
});

export const opinionSchema = z
  .object({
    id: z.uuid(),
    organization: namedRefSchema,
    meetingId: z.uuid().nullable(),
    content: z.string(),
    challenge: z.object({ id: z.uuid(), position: z.number().int(), title: z.string() }).nullable(),
    programme: namedRefSchema.nullable(),
    answer: z.string().nullable(),
    answeredBy: userRefSchema.nullable(),
    answeredAt: z.string().nullable(),
    followUpStatus: z.enum(opinionFollowUps),
    createdAt: z.string(),
    abilities: z.object({ answer: z.boolean() }),
  })
  .meta({ id: 'Opinion' });
export type Opinion = z.infer<typeof opinionSchema>;
export const opinionListSchema = listSchema(opinionSchema).meta({ id: 'OpinionList' });
export const opinionListQuerySchema = z.object({ meetingId: idSchema.optional() });
