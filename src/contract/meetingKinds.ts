import { z } from 'zod';
import { codesOf, legalBases } from '../domain/codeLists.ts';
import { listSchema } from './pagination.ts';

/** A meeting kind of the municipality (支援会議, 重層的支援会議 … as the city names them) with its legal basis. */
export const meetingKindSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string().describe('The city’s name for the kind, e.g. 支援会議'),
    legalBasis: z.enum(codesOf(legalBases)),
  })
  .meta({ id: 'MeetingKind' });
export type MeetingKind = z.infer<typeof meetingKindSchema>;

export const meetingKindListSchema = listSchema(meetingKindSchema).meta({ id: 'MeetingKindList' });
