import { z } from 'zod';
import { caseStages } from '../domain/caseStage.ts';
import {
  closureReasons,
  codesOf,
  consultationChannels,
  consultationTopics,
  householdFlags,
  relations,
} from '../domain/codeLists.ts';
import { assessmentSchema } from './assessments.ts';
import { type CaseFilter, caseFilterSchema } from './caseFilter.ts';
import { namedRefSchema, requiredText } from './common.ts';
import { consentSchema } from './consents.ts';
import { meetingSummarySchema } from './meetings.ts';
import { pageQuerySchema, pageSchema } from './pagination.ts';

export const participationBases = [
  { code: 'intake', label: '相談受付機関' },
  { code: 'coordinator', label: '重層事業担当' },
  { code: 'planItem', label: '支援プランの担当機関' },
  { code: 'meeting', label: '会議への参加' },
  { code: 'lead', label: '主担当機関' },
  { code: 'referral', label: 'つなぎ先' },
] as const;

/** The legal ground of each sharing (docs/domain.md "Access"). */
export const sharingLegalBases = [
  { code: 'intake', label: '相談受付' },
  { code: 'coordination', label: '重層的支援体制整備事業の実施' },
  { code: 'consent', label: '本人同意' },
  { code: 'article106_6', label: '社会福祉法第106条の6（支援会議）' },
] as const;

/** What the caller may do next with the case (the web app reads these, never re-derives them). */
export const caseAbilitiesSchema = z.object({
  assess: z.boolean(),
  recordConsent: z.boolean(),
  scheduleMeeting: z.boolean(),
  createPlan: z.boolean(),
  monitor: z.boolean(),
  close: z.boolean(),
  suspend: z.boolean(),
  reopen: z.boolean(),
  report: z.boolean(),
  assign: z.boolean().describe('May set the 担当職員 (coordinating section, case not closed)'),
});
export type CaseAbilities = z.infer<typeof caseAbilitiesSchema>;

export { type CaseFilter, caseFilterSchema };

export const caseListQuerySchema = pageQuerySchema.extend(caseFilterSchema.shape);

/** cases.export: the filters of 事例一覧 and the file format (CSV in UTF-8 with a BOM, or xlsx). */
export const caseExportQuerySchema = caseFilterSchema.extend({
  format: z.enum(['csv', 'xlsx'], { message: '出力形式は csv か xlsx で指定してください' }),
});
export type CaseExportQuery = z.infer<typeof caseExportQuerySchema>;

export const caseListItemSchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  stage: z.enum(caseStages),
  person: z.object({ id: z.uuid(), name: z.string(), kana: z.string() }),
  householdFlags: z
    .array(z.enum(codesOf(householdFlags)))
    .describe('世帯類型 (codes) of the latest 課題整理'),
  nextMonitoringOn: z.string().nullable().describe('次回モニタリング as decided (the nominal date)'),
  nextMonitoringDueOn: z
    .string()
    .nullable()
    .describe('the business day the next monitoring is due: nextMonitoringOn, or the business day before it'),
  acceptedOn: z.string(),
  coordinatingOrganization: namedRefSchema,
  leadOrganization: namedRefSchema.nullable(),
  myParticipation: z.array(z.enum(codesOf(participationBases))),
  assignedUser: namedRefSchema.nullable().describe('担当職員'),
  updatedAt: z.string(),
  abilities: caseAbilitiesSchema,
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export const caseListSchema = pageSchema(caseListItemSchema).meta({ id: 'CaseList' });
export type CaseList = z.infer<typeof caseListSchema>;

export const casePersonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kana: z.string(),
  birthDate: z.string().nullable(),
  sex: z.string(),
  relation: z.enum(codesOf(relations)).nullable().describe('続柄 to the person supported (a code)'),
  livingTogether: z.boolean().nullable(),
  isTarget: z.boolean(),
  isPrimary: z.boolean(),
});

export const caseDetailSchema = z
  .object({
    id: z.uuid(),
    caseNumber: z.string(),
    stage: z.enum(caseStages),
    acceptedOn: z.string(),
    nextMonitoringOn: z.string().nullable().describe('次回モニタリング as decided (the nominal date)'),
    nextMonitoringDueOn: z
      .string()
      .nullable()
      .describe(
        'the business day the next monitoring is due: nextMonitoringOn, or the business day before it',
      ),
    closedOn: z.string().nullable(),
    closureReason: z.enum(codesOf(closureReasons)).nullable(),
    closureEvaluation: z.string().nullable(),
    coordinatingOrganization: namedRefSchema,
    leadOrganization: namedRefSchema.nullable(),
    assignedUser: namedRefSchema.nullable().describe('担当職員'),
    updatedAt: z.string(),
    persons: z.array(casePersonSchema),
    origin: z
      .object({
        consultation: z.object({
          id: z.uuid(),
          receivedOn: z.string(),
          organization: namedRefSchema,
          channel: z.enum(codesOf(consultationChannels)),
          topics: z.array(z.enum(codesOf(consultationTopics))),
          mainTopic: z.enum(codesOf(consultationTopics)),
          content: z.string(),
          wishes: z.string().nullable(),
          consentToShare: z.boolean(),
        }),
        handover: z.object({
          id: z.uuid(),
          fromOrganization: namedRefSchema,
          reason: z.string(),
          servicesTried: z.string(),
          decidedAt: z.string().nullable(),
        }),
      })
      .nullable(),
    assessment: assessmentSchema.nullable(),
    consents: z.array(consentSchema),
    meetings: z.array(meetingSummarySchema),
    participants: z.array(
      z.object({
        organization: namedRefSchema,
        basis: z.enum(codesOf(participationBases)),
        scope: z.enum(['case', 'meeting']),
        legalBasis: z.enum(codesOf(sharingLegalBases)),
        meetingId: z.uuid().nullable(),
      }),
    ),
    myParticipation: z.array(z.enum(codesOf(participationBases))),
    abilities: caseAbilitiesSchema,
  })
  .meta({ id: 'Case' });
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseTimelineQuerySchema = pageQuerySchema;

export const caseTimelineSchema = pageSchema(
  z.object({
    id: z.uuid(),
    occurredAt: z.string().describe('When it happened (a progress note: the visit or call itself)'),
    recordedAt: z.string().describe('When it was written down'),
    kind: z.string(),
    summary: z.string(),
    subjectId: z.uuid().nullable(),
    details: z.record(z.string(), z.unknown()),
    actor: z.object({ user: namedRefSchema.nullable(), organization: namedRefSchema.nullable() }),
  }),
).meta({ id: 'CaseTimeline' });
export type CaseTimeline = z.infer<typeof caseTimelineSchema>;

export const closeCaseInputSchema = z
  .object({
    reason: z.enum(codesOf(closureReasons), { message: '終結の理由を選んでください' }),
    evaluation: requiredText(4000).describe('評価'),
    leadOrganizationId: z.uuid({ message: '主担当機関を選んでください' }).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.reason === 'leadAgencyContinues' && !input.leadOrganizationId) {
      ctx.addIssue({
        code: 'custom',
        path: ['leadOrganizationId'],
        message: '主担当機関による支援へ移行する場合は、主担当機関を選んでください',
      });
    }
    if (input.reason !== 'leadAgencyContinues' && input.leadOrganizationId) {
      ctx.addIssue({
        code: 'custom',
        path: ['leadOrganizationId'],
        message: '主担当機関は、終結理由が「主担当機関による支援へ移行」のときだけ指定できます',
      });
    }
  });
export type CloseCaseInput = z.infer<typeof closeCaseInputSchema>;

export const caseReasonInputSchema = z.object({ reason: requiredText(2000) });

/** Set or clear the case's 担当職員 (cases.assign). */
export const caseAssigneeInputSchema = z.object({
  userId: z.uuid({ message: '担当職員の指定が正しくありません' }).nullable(),
});
export type CaseAssigneeInput = z.infer<typeof caseAssigneeInputSchema>;

/** Who may become the case's 担当職員: active staff of the organisations taking part in it (case scope). */
export const assignableUsersSchema = z
  .object({
    items: z.array(z.object({ id: z.uuid(), name: z.string(), organization: namedRefSchema })),
  })
  .meta({ id: 'CaseAssignableUsers' });
export type AssignableUsers = z.infer<typeof assignableUsersSchema>;
