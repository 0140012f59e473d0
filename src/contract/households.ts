import { z } from 'zod';
import { codesOf, relations, tieKindLabels } from '../domain/codeLists.ts';
import { householdRelationKinds, tieStrengths } from '../domain/household/model.ts';
import { calendarDate } from './calendarDate.ts';
import { namedRefSchema, text } from './common.ts';
import { newPersonSchema, personRefSchema, personSummarySchema } from './persons.ts';

/** A member as the household shows them: who, 続柄 to the person, and what the genogram draws. */
export const householdMemberDetailSchema = z.object({
  person: personSummarySchema,
  relation: z.enum(codesOf(relations)).describe('続柄 to the person supported (本人)'),
  livingTogether: z.boolean().describe('同居'),
  supported: z.boolean().describe('A person the support is for (drawn with a double line)'),
  deceased: z.boolean(),
  diedOn: z.string().nullable(),
});

export const householdRelationSchema = z.object({
  from: z.uuid().describe('For parentChild: the parent'),
  to: z.uuid().describe('For parentChild: the child'),
  kind: z.enum(householdRelationKinds),
});

export const householdTieSchema = z.object({
  id: z.uuid(),
  kind: z.enum(codesOf(tieKindLabels)),
  organization: namedRefSchema.nullable(),
  name: z.string().nullable(),
  label: z.string().describe('What the ecomap writes: the organisation’s name or the name given'),
  memberId: z.uuid().nullable().describe('The member the tie is with; null for the whole household'),
  strength: z.enum(tieStrengths),
  stressful: z.boolean(),
  note: z.string().nullable(),
  implicit: z
    .boolean()
    .describe('An organisation taking part in the case with no tie recorded: drawn as a normal tie'),
});

export const householdSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    members: z.array(householdMemberDetailSchema),
    relations: z.array(householdRelationSchema),
    ties: z.array(householdTieSchema),
    abilities: z.object({
      update: z.boolean().describe('The case’s coordinating section edits the household'),
    }),
  })
  .meta({ id: 'Household' });
export type Household = z.infer<typeof householdSchema>;

/** A member in an update: an existing member by person id, or (newMembers) a person to add. */
const memberFacts = {
  relation: z.enum(codesOf(relations), { message: '続柄を一覧から選んでください' }),
  livingTogether: z.boolean({ message: '同居かどうかを選んでください' }),
  supported: z.boolean({ message: '支援対象かどうかを選んでください' }).default(false),
  deceased: z.boolean({ message: '死亡かどうかを選んでください' }).default(false),
  diedOn: calendarDate('死亡日').nullable().default(null),
};

/** `from`/`to` of a relation: a member's person id, or `new:N` for the N-th of newMembers. */
const memberRef = z.union([z.uuid(), z.string().regex(/^new:\d{1,2}$/)], {
  message: '関係の相手を世帯員から選んでください',
});

export const householdUpdateSchema = z
  .strictObject({
    members: z
      .array(z.strictObject({ personId: z.uuid({ message: '世帯員を選んでください' }), ...memberFacts }))
      .max(30, { message: '世帯員は30人までです' })
      .describe('Facts of existing members; a member not listed keeps what it had (nobody is removed)'),
    newMembers: z
      .array(
        z.strictObject({
          person: z.union([personRefSchema, newPersonSchema]),
          ...memberFacts,
        }),
      )
      .max(10, { message: '一度に追加できる世帯員は10人までです' })
      .default([]),
    relations: z
      .array(
        z.strictObject({
          from: memberRef,
          to: memberRef,
          kind: z.enum(householdRelationKinds, { message: '関係の種類を選んでください' }),
        }),
      )
      .max(100, { message: '関係は100件までです' })
      .describe('Every kinship edge of the household (replaces the ones recorded)'),
    ties: z
      .array(
        z
          .strictObject({
            kind: z.enum(codesOf(tieKindLabels), { message: '関係先の種類を選んでください' }),
            organizationId: z.uuid({ message: '関係機関を選んでください' }).nullable().default(null),
            name: text(100).nullable().default(null),
            memberId: z.uuid({ message: '世帯員を選んでください' }).nullable().default(null),
            strength: z.enum(tieStrengths, { message: '関係の強さを選んでください' }),
            stressful: z.boolean().default(false),
            note: text(500).nullable().default(null),
          })
          .refine((tie) => tie.organizationId !== null || (tie.name ?? '') !== '', {
            message: '関係先の名前を入力するか、関係機関を選んでください',
            path: ['name'],
          }),
      )
      .max(30, { message: '関係先は30件までです' })
      .describe('Every ecomap tie (replaces the ones recorded)'),
  })
  .refine((input) => input.members.every((m) => !m.diedOn || m.deceased), {
    message: '死亡日は「死亡」にしたときだけ入力できます',
    path: ['members'],
  });
export type HouseholdUpdate = z.output<typeof householdUpdateSchema>;

export const diagramKinds = ['genogram', 'ecomap'] as const;
export const householdDiagramQuerySchema = z.object({
  kind: z.enum(diagramKinds, { message: '図の種類は genogram か ecomap です' }),
});
