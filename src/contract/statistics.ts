import { z } from 'zod';
import { SUPPRESSED } from '../domain/statistics.ts';
import { exportEncodingSchema } from './common.ts';
import { fiscalYearFields, fiscalYearSchema } from './recidivismPlan.ts';

/** A count, or 「5未満」 where a small figure is hidden outside the coordinating section. */
export const countSchema = z.union([z.number().int(), z.literal(SUPPRESSED)]);
const cellSchema = z.object({ code: z.string(), label: z.string(), count: countSchema });
const breakdown = () => z.array(cellSchema);

const monthParam = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: `${label}は YYYY-MM の形式で指定してください` })
    .optional();

export const statisticsQuerySchema = z.object({
  fiscalYear: fiscalYearSchema,
  from: monthParam('開始月').describe('first month counted (YYYY-MM, inside the 年度)'),
  to: monthParam('終了月').describe('last month counted (YYYY-MM, inside the 年度)'),
});

export const statisticsExportQuerySchema = statisticsQuerySchema.extend({
  format: z.enum(['xlsx', 'csv', 'pdf'], { message: '形式は xlsx・csv・pdf のいずれかです' }),
  encoding: exportEncodingSchema.optional(),
});

const totalsSchema = z.object({
  consultations: countSchema,
  handovers: countSchema,
  casesAccepted: countSchema,
  supportMeetingsHeld: countSchema,
  multilayerMeetingsHeld: countSchema,
  plansNew: countSchema,
  plansRevised: countSchema,
  closures: countSchema,
  suspensions: countSchema,
  openAtEnd: countSchema,
});

export const statisticsSchema = z
  .object({
    ...fiscalYearFields,
    from: z.string(),
    to: z.string(),
    scope: z
      .enum(['city', 'organization'])
      .describe('city: every record of the city; organization: what my organisation takes part in'),
    suppressed: z.boolean().describe('whether figures 1–4 are shown as 5未満'),
    totals: totalsSchema,
    consultations: z.object({
      byOrganization: breakdown(),
      byChannel: breakdown(),
      byMainTopic: breakdown(),
      byTopic: breakdown(),
    }),
    handovers: z.object({
      byOrganization: breakdown(),
      byOutcome: breakdown(),
      medianDaysWaiting: z.union([z.number(), z.literal(SUPPRESSED)]).nullable(),
    }),
    meetings: z.object({
      supportMeetingCases: countSchema,
      multilayerMeetingCases: countSchema,
    }),
    linkage: z.object({ participationSupport: countSchema, outreach: countSchema }),
    participation: z
      .object({
        participants: countSchema.describe('支援対象者数: persons with a placement under way in the period'),
        hosts: countSchema.describe('協力事業者数: directory organisations hosting those placements'),
        started: countSchema.describe('placements whose first day fell in the period'),
        ended: countSchema.describe('placements ended in the period'),
      })
      .describe('参加支援 (casework: suppressed like every casework figure)'),
    outreach: z
      .object({
        persons: countSchema.describe('whom the attempts reached (a case, or a consultation not yet a case)'),
        attempts: countSchema.describe('contact attempts made in the period'),
        linkedToCase: countSchema.describe('of those reached, the ones that are (or became) a case'),
      })
      .describe('アウトリーチ等を通じた継続的支援 (casework: suppressed)'),
    community: z
      .object({
        bases: z.number().int().describe('拠点数'),
        participants: z.number().int().describe('参加者数（延べ）'),
        organizations: z.number().int().describe('参加機関数'),
        sessions: z.number().int().describe('開催回数'),
      })
      .describe('地域づくり: city-wide aggregates without personal data, never suppressed'),
    closuresByReason: breakdown(),
    householdPatterns: breakdown(),
    issueAreas: breakdown(),
    monthly: z.array(
      z.object({
        month: z.string(),
        label: z.string(),
        consultations: countSchema,
        casesAccepted: countSchema,
        meetingsHeld: countSchema,
        closures: countSchema,
      }),
    ),
    previous: z.object({ ...fiscalYearFields, totals: totalsSchema }),
  })
  .meta({ id: 'Statistics' });
export type Statistics = z.infer<typeof statisticsSchema>;
