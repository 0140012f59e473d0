import { z } from 'zod';
import { unique } from './common.ts';
import { listSchema } from './pagination.ts';
import { passwordSchema } from './users.ts';

/** One of my signed-in devices (never the cookie token; the id is the token's SHA-256). */
export const sessionSummarySchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    ip: z.string().nullable(),
    browser: z.string().describe('Browser name in Japanese, from the User-Agent'),
    os: z.string().describe('Operating system in Japanese, from the User-Agent'),
    label: z.string(),
    current: z.boolean(),
    abilities: z.object({ revoke: z.boolean() }),
  })
  .meta({ id: 'SessionSummary' });
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionListSchema = listSchema(sessionSummarySchema).meta({ id: 'SessionList' });
export type SessionList = z.infer<typeof sessionListSchema>;

export const sessionIdParamsSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, { message: '端末の指定が正しくありません' }),
});

export const revokedCountSchema = z.object({ revoked: z.number().int() }).meta({ id: 'RevokedCount' });

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, { message: '現在のパスワードを入力してください' }).max(256),
  newPassword: passwordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const passwordResetSchema = z.object({
  newPassword: passwordSchema,
  mustChangePassword: z
    .boolean()
    .optional()
    .describe('require the user to choose their own password at the next sign-in (default false)'),
});
export type PasswordReset = z.infer<typeof passwordResetSchema>;

export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: '認証アプリに表示された6桁の数字を入力してください' }),
});
export type TotpCode = z.infer<typeof totpCodeSchema>;

/** The sign-in second step: a 6-digit code, or one of the recovery codes. */
export const secondFactorSchema = z.object({
  code: z
    .string()
    .trim()
    .min(6, { message: '確認コードを入力してください' })
    .max(32, { message: '確認コードが長すぎます' }),
});
export type SecondFactor = z.infer<typeof secondFactorSchema>;

export const secondFactorPendingSchema = z
  .object({
    secondFactorRequired: z.literal(true),
    expiresAt: z.string().describe('Enter the code before this time, or sign in again'),
  })
  .meta({ id: 'SecondFactorPending' });
export type SecondFactorPending = z.infer<typeof secondFactorPendingSchema>;

export const totpStatusSchema = z
  .object({
    enabled: z.boolean(),
    enrolmentPending: z.boolean(),
    required: z.boolean().describe('The city requires TOTP for my role'),
    recoveryCodesLeft: z.number().int(),
    abilities: z.object({ enroll: z.boolean(), disable: z.boolean() }),
  })
  .meta({ id: 'TotpStatus' });
export type TotpStatus = z.infer<typeof totpStatusSchema>;

export const totpEnrolmentSchema = z
  .object({
    secret: z.string().describe('Base32 secret, to type into an authenticator app'),
    otpauthUri: z.string(),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const recoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()).describe('Shown once; only their hashes are kept') })
  .meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const tenantSettingsSchema = z
  .object({
    totpRequiredForStaff: z.boolean().describe('TOTP required for admin and coordinator'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'TenantSettings' });
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export const tenantSettingsUpdateSchema = z.object({
  totpRequiredForStaff: z.boolean({ message: '必須にするかどうかを選んでください' }),
});
export type TenantSettingsUpdate = z.infer<typeof tenantSettingsUpdateSchema>;

const userIdSchema = z.uuid({ message: 'ユーザーを選んでください' });

export const bulkReassignInputSchema = z
  .object({
    assignments: z
      .array(z.object({ fromUserId: userIdSchema, toUserId: userIdSchema }))
      .max(500, { message: '一度に処理できるのは500行までです' }),
    disableUserIds: z.array(userIdSchema).max(500, { message: '一度に無効にできるのは500件までです' }),
  })
  .superRefine((input, ctx) => {
    if (input.assignments.length === 0 && input.disableUserIds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['assignments'],
        message: '引き継ぐ行か無効にするアカウントを1つ以上指定してください',
      });
    const seen = new Set<string>();
    input.assignments.forEach((row, index) => {
      if (row.fromUserId === row.toUserId)
        ctx.addIssue({
          code: 'custom',
          path: ['assignments', index, 'toUserId'],
          message: '引継ぎ先には引継ぎ元と別のユーザーを選んでください',
        });
      if (seen.has(row.fromUserId))
        ctx.addIssue({
          code: 'custom',
          path: ['assignments', index, 'fromUserId'],
          message: '同じ引継ぎ元が複数の行にあります',
        });
      seen.add(row.fromUserId);
    });
    if (!unique(input.disableUserIds))
      ctx.addIssue({ code: 'custom', path: ['disableUserIds'], message: '同じアカウントが重複しています' });
  });
export type BulkReassignInput = z.infer<typeof bulkReassignInputSchema>;

export const bulkReassignQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).optional() });

const accountRefSchema = z.object({ id: z.uuid(), loginId: z.string(), displayName: z.string() });

export const bulkReassignResultSchema = z
  .object({
    dryRun: z.boolean(),
    moves: z.array(
      z.object({
        fromUser: accountRefSchema,
        toUser: accountRefSchema,
        openCases: z.number().int().describe('Open cases whose 担当職員 moves'),
      }),
    ),
    disabled: z.array(
      z.object({
        user: accountRefSchema,
        sessionsEnded: z.number().int(),
        openCasesLeft: z.number().int().describe('Open cases still assigned to the account after the moves'),
      }),
    ),
  })
  .meta({ id: 'BulkReassignResult' });
export type BulkReassignResult = z.infer<typeof bulkReassignResultSchema>;
