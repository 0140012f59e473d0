import { z } from 'zod';
import { roles } from '../domain/permissions.ts';
import { namedRefSchema, requiredText, unique } from './common.ts';
import { listSchema } from './pagination.ts';

export const passwordSchema = z
  .string()
  .min(12, { message: 'パスワードは12文字以上にしてください' })
  .max(256, { message: 'パスワードは256文字以内にしてください' });

export const loginIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
    message: 'ログインIDは半角英小文字・数字・「.」「_」「-」の2〜64文字で入力してください',
  });

const roleListSchema = z
  .array(z.enum(roles, { message: '役割が正しくありません' }))
  .min(1, { message: '役割を1つ以上選んでください' })
  .refine(unique, { message: '同じ役割が重複しています' });

export const userInputSchema = z
  .object({
    loginId: loginIdSchema,
    displayName: requiredText(100),
    organizationId: z.uuid({ message: '所属組織を選んでください' }),
    roles: roleListSchema,
    password: passwordSchema,
    mustChangePassword: z
      .boolean()
      .optional()
      .describe('require a new password at the first sign-in (default false)'),
  })
  .refine((input) => input.password !== input.loginId, {
    message: 'パスワードにログインIDと同じ文字列は使えません',
    path: ['password'],
  });
export type UserInput = z.input<typeof userInputSchema>;

export const userUpdateSchema = z
  .object({
    displayName: requiredText(100),
    organizationId: z.uuid({ message: '所属組織を選んでください' }),
    roles: roleListSchema,
    password: passwordSchema,
    mustChangePassword: z.boolean().describe('require a new password at the next sign-in'),
  })
  .partial();

export const userSchema = z
  .object({
    id: z.uuid(),
    loginId: z.string(),
    displayName: z.string(),
    organization: namedRefSchema,
    roles: z.array(z.enum(roles)),
    disabledAt: z.string().nullable(),
    lockedUntil: z.string().nullable(),
    lastSignInAt: z.string().nullable(),
    mustChangePassword: z.boolean().describe('a new password is required at the next sign-in'),
    abilities: z.object({
      update: z.boolean(),
      disable: z.boolean(),
      unlock: z.boolean(),
      resetPassword: z.boolean(),
    }),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = z.object({
  organizationId: z.uuid().optional(),
  includeDisabled: z.enum(['true', 'false']).optional(),
});
export const userListSchema = listSchema(userSchema).meta({ id: 'UserList' });
