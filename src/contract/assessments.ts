import { z } from 'zod';
import { codesOf, householdFlags, type IssueCode, issueAreas, issueCodes } from '../domain/codeLists.ts';
import { namedRefSchema, text, unique } from './common.ts';

/**
 * Kinds of edge in the genogram / ecomap data of a 課題整理 (the conventions in docs/domain.md, "Households"). The first
 * four are family ties between two persons of the case; the last three describe the quality of a
 * tie and may also point at an organisation (an ecomap's social resources).
 */
export const relationKinds = [
  { code: 'parentChild', label: '親子' },
  { code: 'spouse', label: '配偶者' },
  { code: 'sibling', label: 'きょうだい' },
  { code: 'cohabiting', label: '同居' },
  { code: 'supports', label: '支援・支え' },
  { code: 'conflict', label: '対立・ストレス' },
  { code: 'distant', label: '疎遠' },
] as const;
export type RelationKind = (typeof relationKinds)[number]['code'];
/** Family ties: both ends must be persons of the case. */
export const kinshipRelationKinds: readonly RelationKind[] = [
  'parentChild',
  'spouse',
  'sibling',
  'cohabiting',
];

const relationInputSchema = z.object({
  from: z.uuid({ message: '関係の起点（人）を選んでください' }),
  to: z.uuid({ message: '関係の相手（人または機関）を選んでください' }),
  kind: z.enum(codesOf(relationKinds), { message: '関係の種類を選んでください' }),
  note: text(500).optional(),
});

export const assessmentInputSchema = z.object({
  issues: z
    .array(z.enum(issueCodes as [IssueCode, ...IssueCode[]], { message: '課題の区分が正しくありません' }))
    .min(1, { message: '課題を1つ以上選んでください' })
    .refine(unique, { message: '同じ課題が重複しています' }),
  householdFlags: z
    .array(z.enum(codesOf(householdFlags), { message: '世帯類型が正しくありません' }))
    .refine(unique, { message: '同じ世帯類型が重複しています' })
    .default([]),
  summary: text(4000).optional(),
  wishes: text(4000).optional(),
  strengths: text(4000).optional(),
  relations: z.array(relationInputSchema).max(200, { message: '関係は200件までです' }).default([]),
});
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export const assessmentSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    version: z.number().int(),
    issues: z
      .array(
        z.object({
          code: z.enum(issueCodes as [IssueCode, ...IssueCode[]]),
          area: z.enum(codesOf(issueAreas)),
        }),
      )
      .describe('課題 and their 分野, as codes: the web app names them'),
    householdFlags: z.array(z.enum(codesOf(householdFlags))).describe('世帯類型, as codes'),
    summary: z.string().nullable(),
    wishes: z.string().nullable().describe('本人の意向'),
    strengths: z.string().nullable(),
    relations: z.array(
      z.object({
        from: z.uuid(),
        to: z.uuid(),
        toKind: z.enum(['person', 'organization']),
        kind: z.enum(codesOf(relationKinds)),
        note: z.string().nullable(),
      }),
    ),
    recordedBy: namedRefSchema,
    recordedAt: z.string(),
    abilities: z.object({ save: z.boolean() }),
  })
  .meta({ id: 'Assessment' });
export type Assessment = z.infer<typeof assessmentSchema>;
