import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { tenantSettingsSchema, tenantSettingsUpdateSchema } from '../../contract/accounts.ts';
import { problemSchema } from '../../contract/problem.ts';
import { saveTenantSettings, tenantSettingsOf } from '../../db/accountSecurity.ts';
import type { DB } from '../../db/schema.ts';
import { actorOf } from '../authentication.ts';
import { operations } from '../operation.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

const present = (s: { totpRequiredForStaff: boolean; updatedAt: Date | null }) => ({
  totpRequiredForStaff: s.totpRequiredForStaff,
  updatedAt: s.updatedAt?.toISOString() ?? null,
});

/** The city's account-security settings (市の設定). Managed with the accounts, by `user.manage`. */
export function tenantSettingsRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['tenantSettings'], problems: errors });

  r.get(
    '/api/tenant-settings',
    {
      config: { access: { permission: 'user.manage' }, audit: [] },
      schema: {
        operationId: 'tenantSettings.get',
        summary: "The municipality's account-security settings",
        tags: ['tenantSettings'],
        response: { 200: tenantSettingsSchema, ...errors },
      },
    },
    async (request) => present(await tenantSettingsOf(db, actorOf(request).tenantId)),
  );

  op.patch(
    '/api/tenant-settings',
    {
      operationId: 'tenantSettings.update',
      access: { permission: 'user.manage' },
      audit: ['tenantSettings.update'],
      summary: 'Change the account-security settings (e.g. TOTP required for admin and coordinator)',
      body: tenantSettingsUpdateSchema,
      response: { 200: tenantSettingsSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const before = await tenantSettingsOf(tx, actor.tenantId);
      await saveTenantSettings(tx, actor.tenantId, actor.userId, request.body);
      await audit({
        action: 'tenantSettings.update',
        resourceType: 'tenant',
        resourceId: actor.tenantId,
        details: { before: { totpRequiredForStaff: before.totpRequiredForStaff }, after: request.body },
      });
      return present(await tenantSettingsOf(tx, actor.tenantId));
    },
  );
}
