import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type Organization,
  organizationInputSchema,
  organizationListQuerySchema,
  organizationListSchema,
  organizationSchema,
  organizationUpdateSchema,
} from '../../contract/organizations.ts';
import {
  findOrganization,
  insertOrganization,
  listOrganizations,
  organizationNameTaken,
  updateOrganization,
} from '../../db/organizations.ts';
import type { DB, OrganizationRow } from '../../db/schema.ts';
import { now } from '../../domain/clock.ts';
import {
  disableOrganizationRefusal,
  enablementRefusal,
  organizationAbilities,
} from '../../domain/policy/accounts.ts';
import type { Actor } from '../actor.ts';
import { operations } from '../operation.ts';
import { conflict, enforce, orNotFound } from '../problem.ts';

export function presentOrganization(row: OrganizationRow, actor: Actor): Organization {
  const contact = typeof row.contact === 'string' ? JSON.parse(row.contact) : row.contact;
  return {
    id: row.id,
    name: row.name,
    nameKana: row.name_kana,
    kind: row.kind,
    isCoordinatingSection: row.is_coordinating_section,
    isCouncilMember: row.is_council_member,
    contact,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    abilities: organizationAbilities(actor, row),
  };
}

/** 409 when another organisation of the municipality already has the name (names are unique). */
async function refuseTakenName(
  tx: Transaction<DB>,
  tenantId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  if (await organizationNameTaken(tx, tenantId, name, exceptId)) {
    throw conflict('conflict.organizationNameTaken', `「${name}」という名称の組織はすでに登録されています。`);
  }
}

export function organizationRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['organizations'] });

  op.get(
    '/api/organizations',
    {
      operationId: 'organizations.list',
      access: { permission: 'organization.read' },
      audit: [],
      summary: 'Organisations of my municipality',
      querystring: organizationListQuerySchema,
      response: { 200: organizationListSchema },
    },
    async ({ request, actor, tx }) => {
      const rows = await listOrganizations(tx, actor.tenantId, {
        includeDisabled: request.query.includeDisabled === 'true',
      });
      return { items: rows.map((row) => presentOrganization(row, actor)) };
    },
  );

  op.get(
    '/api/organizations/:id',
    {
      operationId: 'organizations.get',
      access: { permission: 'organization.read' },
      audit: [],
      summary: 'One organisation',
      params: idParamsSchema,
      response: { 200: organizationSchema },
    },
    async ({ request, actor, tx }) => {
      const row = orNotFound(await findOrganization(tx, actor.tenantId, request.params.id));
      return presentOrganization(row, actor);
    },
  );

  op.post(
    '/api/organizations',
    {
      operationId: 'organizations.create',
      access: { permission: 'organization.manage' },
      audit: ['organization.create'],
      summary: 'Create an organisation',
      body: organizationInputSchema,
      response: { 201: organizationSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      await refuseTakenName(tx, actor.tenantId, input.name);
      const created = await insertOrganization(tx, actor.tenantId, randomUUID(), input);
      await audit({
        action: 'organization.create',
        resourceType: 'organization',
        resourceId: created.id,
        details: { after: input },
      });
      return presentOrganization(created, actor);
    },
  );

  op.patch(
    '/api/organizations/:id',
    {
      operationId: 'organizations.update',
      access: { permission: 'organization.manage' },
      audit: ['organization.update'],
      summary: 'Edit an organisation',
      params: idParamsSchema,
      body: organizationUpdateSchema,
      response: { 200: organizationSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const before = orNotFound(await findOrganization(tx, actor.tenantId, request.params.id));
      if (input.name) await refuseTakenName(tx, actor.tenantId, input.name, before.id);
      const updated = await updateOrganization(tx, actor.tenantId, before.id, input);
      await audit({
        action: 'organization.update',
        resourceType: 'organization',
        resourceId: before.id,
        details: { changes: input },
      });
      return presentOrganization(updated, actor);
    },
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    op.post(
      `/api/organizations/:id/${verb}`,
      {
        operationId: `organizations.${verb}`,
        access: { permission: 'organization.manage' },
        audit: [disabled ? 'organization.disable' : 'organization.enable'],
        summary: disabled ? 'Disable an organisation (kept, not deleted)' : 'Enable a disabled organisation',
        params: idParamsSchema,
        response: { 200: organizationSchema },
      },
      async ({ request, actor, tx, audit }) => {
        const before = orNotFound(await findOrganization(tx, actor.tenantId, request.params.id));
        if (disabled) enforce(disableOrganizationRefusal(actor, before));
        enforce(enablementRefusal('組織', before, disabled));
        const updated = await updateOrganization(tx, actor.tenantId, before.id, {
          disabledAt: disabled ? now() : null,
        });
        await audit({
          action: disabled ? 'organization.disable' : 'organization.enable',
          resourceType: 'organization',
          resourceId: before.id,
        });
        return presentOrganization(updated, actor);
      },
    );
  }
}
