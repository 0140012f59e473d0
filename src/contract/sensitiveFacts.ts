import { z } from 'zod';
import { codesOf, offenceSubtypes, sensitiveFactKinds } from '../domain/codeLists.ts';
import { namedRefSchema, text } from './common.ts';
import { requiredReason } from './consents.ts';

/*
 * 要配慮個人情報 (offence history, illness, disability, DV victimisation) held apart from case and
 * person records. A list shows only that a fact exists and its kind, and only to organisations
 * granted it; the content comes from sensitiveFacts.reveal, which asks why and audits the reason.
 */

const multiline = (max: number, required: string) =>
  z
    .string({ message: required })
    .pipe(text(max))
    .pipe(z.string().min(1, { message: required }));

export const sensitiveFactInputSchema = z
  .object({
    personId: z.uuid({ message: '本人を選んでください' }),
    caseId: z.uuid({ message: '事例の指定が正しくありません' }).optional(),
    kind: z.enum(codesOf(sensitiveFactKinds), { message: '種別を選んでください' }),
    subtype: z.enum(codesOf(offenceSubtypes), { message: '犯罪歴等の区分を選んでください' }).optional(),
    summary: multiline(200, '概要を入力してください'),
    details: multiline(4000, '詳細を入力してください').optional(),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'offence' && !input.subtype) {
      ctx.addIssue({ code: 'custom', path: ['subtype'], message: '犯罪歴等の区分を選んでください' });
    }
    if (input.kind !== 'offence' && input.subtype) {
      ctx.addIssue({ code: 'custom', path: ['subtype'], message: '区分は犯罪歴等のときだけ指定できます' });
    }
  });
export type SensitiveFactInput = z.infer<typeof sensitiveFactInputSchema>;

export const revealInputSchema = z.object({
  reason: requiredReason('内容を表示する理由を入力してください'),
});
export type RevealInput = z.infer<typeof revealInputSchema>;

export const grantInputSchema = z.object({
  organizationId: z.uuid({ message: '共有先の機関を選んでください' }),
  reason: requiredReason('共有する理由を入力してください'),
});
export type GrantInput = z.infer<typeof grantInputSchema>;

export const grantParamsSchema = z.object({
  id: z.uuid({ message: '指定が正しくありません' }),
  grantId: z.uuid({ message: '指定が正しくありません' }),
});

export const sensitiveFactGrantSchema = z.object({
  id: z.uuid(),
  organization: namedRefSchema,
  reason: z.string(),
  legalBasis: z.enum(['recorder', 'consent', 'article106_6']),
  /** The consent (legal basis consent) or the 支援会議 (article106_6) the grant rests on. */
  sourceId: z.uuid().nullable(),
  grantedBy: namedRefSchema,
  grantedAt: z.string(),
  abilities: z.object({ revoke: z.boolean() }),
});
export type SensitiveFactGrant = z.infer<typeof sensitiveFactGrantSchema>;

/** What a granted organisation sees in a list: that the fact exists, its kind, who recorded it. */
export const sensitiveFactSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    caseId: z.uuid().nullable(),
    kind: z.enum(codesOf(sensitiveFactKinds)),
    subtype: z.string().nullable(),
    recordedBy: z.object({ user: namedRefSchema, organization: namedRefSchema }),
    recordedAt: z.string(),
    grants: z.array(sensitiveFactGrantSchema),
    abilities: z.object({ reveal: z.boolean(), grant: z.boolean() }),
  })
  .meta({ id: 'SensitiveFact' });
export type SensitiveFact = z.infer<typeof sensitiveFactSchema>;

export const sensitiveFactListSchema = z
  .object({
    items: z.array(sensitiveFactSchema),
    /** Whether the caller may record a fact of this person / for this case. */
    abilities: z.object({ create: z.boolean() }),
  })
  .meta({ id: 'SensitiveFactList' });
export type SensitiveFactList = z.infer<typeof sensitiveFactListSchema>;

/** The content, returned only by sensitiveFacts.reveal. */
export const revealedSensitiveFactSchema = sensitiveFactSchema
  .extend({ summary: z.string(), details: z.string().nullable() })
  .meta({ id: 'RevealedSensitiveFact' });
export type RevealedSensitiveFact = z.infer<typeof revealedSensitiveFactSchema>;

export const grantLegalBasisLabels: Record<SensitiveFactGrant['legalBasis'], string> = {
  recorder: '記録した機関',
  consent: '本人同意',
  article106_6: '社会福祉法第106条の6（支援会議）',
};
