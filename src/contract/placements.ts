import { z } from 'zod';
import {
  followUpParties,
  placementEndReasons,
  placementEventKinds,
  placementKinds,
  placementStages,
} from '../domain/resources/placement.ts';
import { namedRefSchema, nullWhenMissing, text } from './common.ts';
import { listSchema } from './pagination.ts';
import { calendarDateSchema } from './plans.ts';

export const placementInputSchema = z.object({
  personId: z.uuid({ message: '本人を選んでください' }),
  resourceId: z.uuid({ message: '社会資源を選んでください' }),
  /** the plan item this placement carries out, if any */
  planItemId: nullWhenMissing(z.uuid({ message: '支援内容を正しく選んでください' })),
  kind: z.enum(placementKinds, { message: '参加の種類を選んでください' }),
  note: text(2000)
    .optional()
    .transform((v) => v || null),
});

export const placementEventInputSchema = z.object({
  kind: z.enum(placementEventKinds, { message: '記録の種類を選んでください' }),
  occurredOn: calendarDateSchema,
  party: nullWhenMissing(z.enum(followUpParties, { message: '本人か受入先かを選んでください' })),
  endReason: nullWhenMissing(z.enum(placementEndReasons, { message: '終了の理由を選んでください' })),
  note: text(2000)
    .optional()
    .transform((v) => v || null),
});

/** placements.update: one step of the placement recorded (見学, 体験, 利用開始, フォローアップ, 終了). */
export const placementUpdateSchema = z.object({ event: placementEventInputSchema });

export const placementEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(placementEventKinds),
  occurredOn: z.string(),
  party: z.enum(followUpParties).nullable(),
  endReason: z.enum(placementEndReasons).nullable(),
  note: z.string().nullable(),
  organization: namedRefSchema,
});

export const placementSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    person: namedRefSchema,
    resource: z.object({ id: z.uuid(), name: z.string(), organizationName: z.string() }),
    planItem: z.object({ id: z.uuid(), content: z.string() }).nullable(),
    kind: z.enum(placementKinds),
    stage: z.enum(placementStages),
    note: z.string().nullable(),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    endReason: z.enum(placementEndReasons).nullable(),
    organization: namedRefSchema,
    events: z.array(placementEventSchema),
  })
  .meta({ id: 'Placement' });
export type Placement = z.infer<typeof placementSchema>;

export const placementListQuerySchema = z.object({
  caseId: z.uuid({ message: '事例IDが正しくありません' }).optional(),
  stage: z.enum(placementStages, { message: '段階を正しく選んでください' }).optional(),
  resourceId: z.uuid({ message: '社会資源IDが正しくありません' }).optional(),
});
export const placementListSchema = listSchema(placementSchema).meta({ id: 'PlacementList' });
