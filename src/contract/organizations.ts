import { z } from 'zod';
import { organizationKinds } from '../domain/organization.ts';
import { requiredText, text } from './common.ts';
import { listSchema } from './pagination.ts';

const contactSchema = z.object({
  phone: text(40)
    .regex(/^[0-9０-９+\-()（） ]*$/, { message: '電話番号は数字とハイフンで入力してください' })
    .optional(),
  email: z.union([z.email({ message: 'メールアドレスの形式が正しくありません' }), z.literal('')]).optional(),
  address: text(200).optional(),
});

export const organizationInputSchema = z.object({
  name: requiredText(100),
  nameKana: text(200).optional(),
  kind: z.enum(organizationKinds, { message: '種別を選んでください' }),
  isCoordinatingSection: z.boolean().default(false),
  isCouncilMember: z.boolean().default(false),
  contact: contactSchema.default({}),
});
export type OrganizationInput = z.input<typeof organizationInputSchema>;

export const organizationUpdateSchema = organizationInputSchema.partial();

export const organizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    nameKana: z.string().nullable(),
    kind: z.enum(organizationKinds),
    isCoordinatingSection: z.boolean(),
    isCouncilMember: z.boolean(),
    contact: z.object({
      phone: z.string().optional(),
      email: z.string().optional(),
      address: z.string().optional(),
    }),
    disabledAt: z.string().nullable(),
    abilities: z.object({ update: z.boolean(), disable: z.boolean() }),
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof organizationSchema>;

export const organizationListQuerySchema = z.object({
  includeDisabled: z.enum(['true', 'false']).optional(),
});
export const organizationListSchema = listSchema(organizationSchema).meta({ id: 'OrganizationList' });
