import { z } from 'zod';
import { now } from '../domain/clock.ts';
import { codesOf, progressNoteKinds } from '../domain/codeLists.ts';
import { namedRefSchema, requiredText, text, userRefSchema } from './common.ts';
import { pageQuerySchema, pageSchema } from './pagination.ts';

/** How far ahead of the server's clock a note may be dated (a client's clock a little fast). */
const CLOCK_SLACK_MS = 5 * 60_000;

/** 支援経過記録: a visit, call, accompaniment or meeting, written by an organisation taking part. */
export const progressNoteInputSchema = z.object({
  occurredAt: z.iso
    .datetime({ offset: true, message: '日時は 2026-01-05T10:00:00+09:00 の形式で送ってください' })
    .refine((value) => Date.parse(value) <= now().getTime() + CLOCK_SLACK_MS, {
      message: '実施日時に未来の日時は指定できません',
    })
    .refine((value) => Date.parse(value) >= Date.parse('2000-01-01T00:00:00+09:00'), {
      message: '実施日時は2000年以降にしてください',
    })
    .describe('When the contact happened (not when it is written down)'),
  kind: z.enum(codesOf(progressNoteKinds), { message: '種別を選んでください' }),
  counterpart: text(100).optional().describe('相手: whom the contact was with (本人, 母, 主治医 …)'),
  content: requiredText(8000),
});
export type ProgressNoteInput = z.input<typeof progressNoteInputSchema>;

export const progressNoteSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    occurredAt: z.string(),
    recordedAt: z.string(),
    kind: z.enum(codesOf(progressNoteKinds)),
    counterpart: z.string().nullable(),
    content: z.string(),
    organization: namedRefSchema,
    recordedBy: userRefSchema,
  })
  .meta({ id: 'ProgressNote' });
export type ProgressNote = z.infer<typeof progressNoteSchema>;

export const progressNoteListQuerySchema = pageQuerySchema;

export const progressNoteListSchema = pageSchema(progressNoteSchema).meta({ id: 'ProgressNoteList' });
