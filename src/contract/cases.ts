import { z } from 'zod';
import { caseStages } from '../domain/caseStage.ts';
import { closureReasons, codesOf } from '../domain/codeLists.ts';
import { assessmentSchema } from './assessments.ts';
import { requiredText, text } from './common.ts';
import { consentSchema } from './consents.ts';
import { meetingSummarySchema } from './meetings.ts';

const ref = () => z.object({ id: z.uuid(), name: z.string() });
const labelled = () => z.object({ code: z.string(), label: z.string() });

/** A position in a keyset-paginated list: the sort key (an instant, to the microsecond) and the id. */
export interface KeysetCursor {
  at: string;
  id: string;
}

const cursorPattern = /^[A-Za-z0-9_-]{1,200}$/;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opaque cursor text (base64url of `[at, id]`) of a keyset position. */
export function encodeCursor(cursor: KeysetCursor): string {
  return btoa(JSON.stringify([cursor.at, cursor.id]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function decodeCursor(value: string): KeysetCursor | undefined {
  if (!cursorPattern.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(atob(value.replace(/-/g, '+').replace(/_/g, '/')));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [at, id] = parsed as unknown[];
    if (typeof at !== 'string' || !instantPattern.test(at) || Number.isNaN(Date.parse(at))) return undefined;
    if (typeof id !== 'string' || !uuidPattern.test(id)) return undefined;
    return { at, id };
  } catch {
    return undefined;
  }
}

/** `?cursor=` as returned in `nextCursor`; anything else is a 400 naming the field. */
export const cursorSchema = z.string().transform((value, ctx) => {
  const cursor = decodeCursor(value);
  if (!cursor) {
    ctx.addIssue({
      code: 'custom',
      message: 'カーソルが正しくありません。一覧を最初から読み込み直してください',
    });
    return z.NEVER;
  }
  return cursor;
});

const limitSchema = z.coerce
  .number({ message: '件数は数値で指定してください' })
  .int({ message: '件数は整数で指定してください' })
  .min(1, { message: '件数は1以上にしてください' })
  .max(100, { message: '件数は100以下にしてください' })
  .default(20);

export const participationBases = [
  { code: 'intake', label: '相談受付機関' },
  { code: 'coordinator', label: '重層事業担当' },
  { code: 'planItem', label: '支援プランの担当機関' },
  { code: 'meeting', label: '会議への参加' },
  { code: 'lead', label: '主担当機関' },
  { code: 'referral', label: 'つなぎ先' },
] as const;

/** The legal ground of each sharing (domain.md "Access"). */
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
});
export type CaseAbilities = z.infer<typeof caseAbilitiesSchema>;

export const caseListQuerySchema = z.object({
  stage: z.enum(caseStages, { message: '段階の指定が正しくありません' }).optional(),
  q: text(100).optional(),
  limit: limitSchema,
  cursor: cursorSchema.optional(),
});

export const caseListItemSchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  stage: z.enum(caseStages),
  stageLabel: z.string(),
  person: z.object({ id: z.uuid(), name: z.string(), kana: z.string() }),
  householdFlags: z.array(labelled()).describe('世帯類型 of the latest 課題整理'),
  nextMonitoringOn: z.string().nullable(),
  acceptedOn: z.string(),
  coordinatingOrganization: ref(),
  leadOrganization: ref().nullable(),
  myParticipation: z.array(z.enum(codesOf(participationBases))),
  updatedAt: z.string(),
  abilities: caseAbilitiesSchema,
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export const caseListSchema = z
  .object({ items: z.array(caseListItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CaseList' });

export const casePersonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kana: z.string(),
  birthDate: z.string().nullable(),
  sex: z.string(),
  relation: labelled().nullable().describe('続柄 to the person supported'),
  livingTogether: z.boolean().nullable(),
  isTarget: z.boolean(),
  isPrimary: z.boolean(),
});

export const caseDetailSchema = z
  .object({
    id: z.uuid(),
    caseNumber: z.string(),
    stage: z.enum(caseStages),
    stageLabel: z.string(),
    acceptedOn: z.string(),
    nextMonitoringOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    closureReason: labelled().nullable(),
    closureEvaluation: z.string().nullable(),
    coordinatingOrganization: ref(),
    leadOrganization: ref().nullable(),
    updatedAt: z.string(),
    persons: z.array(casePersonSchema),
    origin: z
      .object({
        consultation: z.object({
          id: z.uuid(),
          receivedOn: z.string(),
          organization: ref(),
          channel: labelled(),
          topics: z.array(labelled()),
          mainTopic: labelled(),
          content: z.string(),
          wishes: z.string().nullable(),
          consentToShare: z.boolean(),
        }),
        handover: z.object({
          id: z.uuid(),
          fromOrganization: ref(),
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
        organization: ref(),
        basis: z.enum(codesOf(participationBases)),
        basisLabel: z.string(),
        scope: z.enum(['case', 'meeting']),
        legalBasis: z.enum(codesOf(sharingLegalBases)),
        legalBasisLabel: z.string(),
        meetingId: z.uuid().nullable(),
      }),
    ),
    myParticipation: z.array(z.enum(codesOf(participationBases))),
    abilities: caseAbilitiesSchema,
  })
  .meta({ id: 'Case' });
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseTimelineQuerySchema = z.object({ limit: limitSchema, cursor: cursorSchema.optional() });

export const caseTimelineSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        occurredAt: z.string(),
        kind: z.string(),
        summary: z.string(),
        subjectId: z.uuid().nullable(),
        details: z.record(z.string(), z.unknown()),
        actor: z.object({ user: ref().nullable(), organization: ref().nullable() }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'CaseTimeline' });
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
