import { z } from 'zod';
import { codesOf, legalBases } from '../domain/codeLists.ts';
import { namedRefSchema, requiredText, text, unique } from './common.ts';

const instant = (message: string) => z.iso.datetime({ offset: true, message });

export const meetingInputSchema = z.object({
  kindId: z.uuid({ message: '会議の種類を選んでください' }),
  title: requiredText(200),
  scheduledAt: instant('開催日時を 2026-12-01T14:00:00+09:00 の形式で入力してください'),
  place: text(200).optional(),
  agenda: text(4000).optional(),
  invitedOrganizationIds: z
    .array(z.uuid({ message: '機関の指定が正しくありません' }))
    .min(1, { message: '招集する機関を1つ以上選んでください' })
    .max(50, { message: '招集する機関は50までです' })
    .refine(unique, { message: '同じ機関が重複しています' }),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const minutesInputSchema = z.object({
  heldAt: instant('開催日時を 2026-12-01T14:00:00+09:00 の形式で入力してください'),
  attendance: z
    .array(
      z
        .object({
          organizationId: z.uuid({ message: '機関の指定が正しくありません' }),
          attended: z.boolean({ message: '出欠を選んでください' }),
          attendeeName: text(100).optional(),
          deputyName: text(100).optional(),
        })
        .superRefine((row, ctx) => {
          if (row.attended && !row.attendeeName && !row.deputyName) {
            ctx.addIssue({
              code: 'custom',
              path: ['attendeeName'],
              message: '出席した機関は出席者（または代理出席者）の氏名を入力してください',
            });
          }
        }),
    )
    .max(50)
    .refine((rows) => unique(rows.map((row) => row.organizationId)), {
      message: '同じ機関の出欠が重複しています',
    }),
  minutes: requiredText(20000),
  decisions: text(10000).optional(),
});
export type MinutesInput = z.infer<typeof minutesInputSchema>;

const invitationSchema = z.object({
  organization: namedRefSchema,
  attended: z.boolean().nullable(),
  attendeeName: z.string().nullable(),
  deputyName: z.string().nullable(),
  /** 守秘義務の確認 (支援会議, 社会福祉法第106条の6第5項). */
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: namedRefSchema.nullable(),
});

const meetingAbilitiesSchema = z.object({
  recordMinutes: z.boolean(),
  acknowledge: z.boolean(),
});

/** A meeting as listed on its case's page. */
export const meetingSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    legalBasis: z.enum(codesOf(legalBases)),
    status: z.enum(['scheduled', 'held']),
    scheduledAt: z.string(),
    heldAt: z.string().nullable(),
    myInvitation: z
      .object({ acknowledgedAt: z.string().nullable(), attended: z.boolean().nullable() })
      .nullable(),
    abilities: meetingAbilitiesSchema,
  })
  .meta({ id: 'MeetingSummary' });
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

/**
 * One meeting. For a 支援会議 (article106_6), an invited organisation that has not yet acknowledged
 * its confidentiality duty gets `requiresAcknowledgement: true` and no agenda, minutes or decisions;
 * an organisation that may see the case but is not a member of the meeting never gets them.
 */
export const meetingSchema = z
  .object({
    id: z.uuid(),
    case: z.object({ id: z.uuid(), caseNumber: z.string(), personName: z.string() }),
    kind: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    legalBasis: z.enum(codesOf(legalBases)),
    title: z.string(),
    scheduledAt: z.string(),
    place: z.string().nullable(),
    status: z.enum(['scheduled', 'held']),
    heldAt: z.string().nullable(),
    agenda: z.string().nullable(),
    minutes: z.string().nullable(),
    decisions: z.string().nullable(),
    requiresAcknowledgement: z.boolean(),
    /** Why agenda, minutes and decisions are null, when they are withheld. */
    withheld: z.enum(['acknowledgementRequired', 'notMember']).nullable(),
    invitations: z.array(invitationSchema),
    myInvitation: invitationSchema.nullable(),
    createdBy: namedRefSchema,
    createdAt: z.string(),
    abilities: meetingAbilitiesSchema,
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof meetingSchema>;
