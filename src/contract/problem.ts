import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API is sent. `code` is stable and is also the i18n key. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .describe('Per-field errors of invalid input'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

/** Stable error codes; each is also the web app's i18n key (under `problem.`). */
export const problemCodes = [
  'auth.required',
  'auth.invalidCredentials',
  'auth.locked',
  'auth.csrf',
  'auth.forbidden',
  'notFound',
  'validation.invalid',
  'conflict.loginIdTaken',
  'conflict.organizationNameTaken',
  'conflict.state',
  'rateLimited',
  'payloadTooLarge',
  'unsupportedMediaType',
  'server.error',
  'server.auditMissing',
  'case.illegalTransition',
  'case.assessmentRequired',
  'case.consentRequired',
  'case.meetingDecisionRequired',
  'case.reasonRequired',
  'case.evaluationRequired',
  'consent.required',
  'meeting.alreadyAcknowledged',
  'meeting.acknowledgementRequired',
  'conflict.alreadyDecided',
  'plan.draftExists',
  'plan.notDraft',
  'plan.noApprovedPlan',
  'planItem.notCurrent',
  'case.notOpen',
  'meeting.notHeld',
  'import.invalid',
  'progress.yearLocked',
  'challenge.inUse',
  'export.rateLimited',
  'export.tooLarge',
  // accounts and sessions (issue 4)
  'auth.demoPassword',
  'auth.totpInvalid',
  'auth.signInChallengeExpired',
  'totpEnrolmentRequired',
  'consent.alreadyWithdrawn',
  'consent.scanInvalid',
  'sensitiveFact.grantExists',
  'sensitiveFact.notParticipating',
  'sensitiveFact.recorderGrant',
  'sensitiveFact.grantRevoked',
  'progress.yearNotLocked',
  'evaluationScale.inUse',
  // retention and disposal (issue 13)
  'disposal.notExpired',
  'passwordChangeRequired',
] as const;
export type ProblemCode = (typeof problemCodes)[number];
