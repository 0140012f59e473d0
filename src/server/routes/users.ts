import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type User,
  userInputSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
  userUpdateSchema,
} from '../../contract/users.ts';
import { findOrganization } from '../../db/organizations.ts';
import { hashPassword } from '../../db/passwords.ts';
import type { DB } from '../../db/schema.ts';
import { revokeUserSessions } from '../../db/sessions.ts';
import {
  findUser,
  insertUser,
  listUsers,
  loginIdTaken,
  type UserWithOrganization,
  updateUser,
} from '../../db/users.ts';
import { now } from '../../domain/clock.ts';
import {
  disableUserRefusal,
  enablementRefusal,
  roleChangeRefusal,
  userAbilities,
} from '../../domain/policy/accounts.ts';
import type { Actor } from '../actor.ts';
import { actorOf } from '../authentication.ts';
import { operations, writeErrors } from '../operation.ts';
import { assertAcceptablePassword } from '../passwordPolicy.ts';
import { conflict, enforce, invalidField, orNotFound } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';

export function presentUser(row: UserWithOrganization, actor: Actor): User {
  return {
    id: row.id,
    loginId: row.login_id,
    displayName: row.display_name,
    organization: { id: row.organization_id, name: row.organization_name },
    roles: row.roles,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    lockedUntil: row.locked_until && row.locked_until > now() ? row.locked_until.toISOString() : null,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    mustChangePassword: row.must_change_password,
    abilities: userAbilities(actor, row, now()),
  };
}

/** A user of my municipality, read again and shown as the API shows it to me; 404 if none. */
export async function presentedUser(tx: Transaction<DB>, actor: Actor, userId: string): Promise<User> {
  return presentUser(orNotFound(await findUser(tx, actor.tenantId, userId)), actor);
}

/** The organisation a user is put in must be an active one of the same municipality. */
async function requireActiveOrganization(
  tx: Transaction<DB>,
  tenantId: string,
  organizationId: string,
): Promise<void> {
  const organization = await findOrganization(tx, tenantId, organizationId);
  if (!organization || organization.disabled_at) {
    throw invalidField(
      'organizationId',
      'unknownOrganization',
      '所属組織が見つからないか、無効になっています',
      '所属組織が見つからないか、無効になっています。',
    );
  }
}

export function userRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['users'] });

  op.get(
    '/api/users',
    {
      operationId: 'users.list',
      access: { permission: 'user.read' },
      audit: [],
      summary: 'Users of my municipality',
      querystring: userListQuerySchema,
      response: { 200: userListSchema },
    },
    async ({ request, actor, tx }) => {
      const rows = await listUsers(tx, actor.tenantId, {
        organizationId: request.query.organizationId,
        includeDisabled: request.query.includeDisabled === 'true',
      });
      return { items: rows.map((row) => presentUser(row, actor)) };
    },
  );

  op.get(
    '/api/users/:id',
    {
      operationId: 'users.get',
      access: { permission: 'user.read' },
      audit: [],
      summary: 'One user',
      params: idParamsSchema,
      response: { 200: userSchema },
    },
    async ({ request, actor, tx }) => {
      return presentedUser(tx, actor, request.params.id);
    },
  );

  r.post(
    '/api/users',
    {
      config: { access: { permission: 'user.manage' }, audit: ['user.create'] },
      schema: {
        operationId: 'users.create',
        summary: 'Create a user',
        tags: ['users'],
        body: userInputSchema,
        response: { 201: userSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      await assertAcceptablePassword(input.password, input.loginId, 'password', [input.displayName]);
      const passwordHash = await hashPassword(input.password);
      const row = await requestTransaction(db, request, async ({ tx, audit }) => {
        await requireActiveOrganization(tx, actor.tenantId, input.organizationId);
        if (await loginIdTaken(tx, input.loginId)) {
          throw conflict('conflict.loginIdTaken', `ログインID「${input.loginId}」はすでに使われています。`);
        }
        const id = randomUUID();
        await insertUser(tx, { id, tenantId: actor.tenantId, ...input, passwordHash });
        await audit({
          action: 'user.create',
          resourceType: 'user',
          resourceId: id,
          details: {
            loginId: input.loginId,
            organizationId: input.organizationId,
            roles: input.roles,
            mustChangePassword: input.mustChangePassword ?? false,
          },
        });
        return findUser(tx, actor.tenantId, id);
      });
      return reply.code(201).send(presentUser(orNotFound(row), actor));
    },
  );

  r.patch(
    '/api/users/:id',
    {
      config: { access: { permission: 'user.manage' }, audit: ['user.update'] },
      schema: {
        operationId: 'users.update',
        summary: 'Edit a user (name, organisation, roles, password)',
        tags: ['users'],
        params: idParamsSchema,
        body: userUpdateSchema,
        response: { 200: userSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { password, ...changes } = request.body;
      const passwordHash = password ? await hashPassword(password) : undefined;
      const row = await requestTransaction(db, request, async ({ tx, audit }) => {
        const before = orNotFound(await findUser(tx, actor.tenantId, request.params.id));
        if (password)
          await assertAcceptablePassword(password, before.login_id, 'password', [
            changes.displayName ?? before.display_name,
            before.organization_name,
          ]);
        if (changes.organizationId)
          await requireActiveOrganization(tx, actor.tenantId, changes.organizationId);
        enforce(roleChangeRefusal(actor, before, changes.roles));
        await updateUser(tx, actor.tenantId, before.id, { ...changes, passwordHash });
        if (passwordHash) await revokeUserSessions(tx, before.id);
        await audit({
          action: 'user.update',
          resourceType: 'user',
          resourceId: before.id,
          details: { changes, passwordChanged: Boolean(passwordHash) },
        });
        return findUser(tx, actor.tenantId, before.id);
      });
      return presentUser(orNotFound(row), actor);
    },
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    op.post(
      `/api/users/:id/${verb}`,
      {
        operationId: `users.${verb}`,
        access: { permission: 'user.manage' },
        audit: [disabled ? 'user.disable' : 'user.enable'],
        summary: disabled
          ? 'Disable a user and end their sessions (kept, not deleted)'
          : 'Enable a disabled user',
        params: idParamsSchema,
        response: { 200: userSchema },
      },
      async ({ request, actor, tx, audit }) => {
        const before = orNotFound(await findUser(tx, actor.tenantId, request.params.id));
        if (disabled) enforce(disableUserRefusal(actor, before));
        enforce(enablementRefusal('ユーザー', before, disabled));
        await updateUser(tx, actor.tenantId, before.id, { disabledAt: disabled ? now() : null });
        if (disabled) await revokeUserSessions(tx, before.id);
        await audit({
          action: disabled ? 'user.disable' : 'user.enable',
          resourceType: 'user',
          resourceId: before.id,
        });
        return presentedUser(tx, actor, before.id);
      },
    );
  }
}
