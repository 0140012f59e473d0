import { z } from 'zod';
import { organizationKinds } from '../domain/organization.ts';
import { permissions, roles } from '../domain/permissions.ts';
import { namedRefSchema } from './common.ts';

export const signInSchema = z.object({
  loginId: z.string().trim().min(1, { message: 'ログインIDを入力してください' }).max(64),
  password: z.string().min(1, { message: 'パスワードを入力してください' }).max(256),
});
export type SignIn = z.infer<typeof signInSchema>;

export const meSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      loginId: z.string(),
      displayName: z.string(),
      roles: z.array(z.enum(roles)),
    }),
    organization: z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(organizationKinds),
      isCoordinatingSection: z.boolean(),
    }),
    tenant: namedRefSchema,
    permissions: z.array(z.enum(permissions)),
    csrfToken: z.string().describe('Send as the x-csrf-token header on every state-changing request'),
    idleTimeoutSeconds: z.number().int(),
    totpEnrolmentRequired: z
      .boolean()
      .describe('The city requires TOTP for my role and it is not on: only enrolment is open'),
    passwordChangeRequired: z
      .boolean()
      .describe('The administrator requires a new password: only the change-password page is open'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;
