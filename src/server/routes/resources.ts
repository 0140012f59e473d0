import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type Resource,
  type ResourceInput,
  type ResourceSummary,
  resourceInputSchema,
  resourceListQuerySchema,
  resourceListSchema,
  resourceSchema,
} from '../../contract/resources.ts';
import {
  districtsOfSchoolDistrict,
  findResource,
  insertResource,
  listAreas,
  listResources,
  type ResourceRecord,
  type ResourceValues,
  serviceTermsOf,
  updateResource,
  withHsdsIds,
} from '../../db/resources.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { operations } from '../operation.ts';
import { orNotFound } from '../problem.ts';

export function presentResource({ resource: r, organization: o }: ResourceRecord, actor: Actor): Resource {
  return {
    id: r.id,
    hsdsId: r.hsds_id,
    name: r.name,
    alternateName: r.alternate_name,
    description: r.description,
    status: r.status as Resource['status'],
    kinds: r.kinds as Resource['kinds'],
    needs: r.needs as Resource['needs'],
    organization: {
      id: o.id,
      name: o.name,
      description: o.description,
      website: o.website,
      email: o.email,
      phone: o.phone,
    },
    ...serviceTermsOf(r),
    locations: r.locations.map(({ hsdsId: _, ...l }) => l),
    schedules: r.schedules.map(({ hsdsId: _, ...s }) => s),
    contacts: r.contacts.map(({ hsdsId: _, ...c }) => c),
    abilities: { update: actor.permissions.has('resource.manage') },
  };
}

function presentSummary(
  { resource: r, organization: o }: ResourceRecord,
  near: { schoolDistrict?: string | undefined; districts: string[] },
): ResourceSummary {
  const nearness =
    near.schoolDistrict && r.school_districts.includes(near.schoolDistrict)
      ? 'schoolDistrict'
      : near.districts.some((d) => r.districts.includes(d))
        ? 'district'
        : 'none';
  return {
    id: r.id,
    name: r.name,
    status: r.status as ResourceSummary['status'],
    kinds: r.kinds as ResourceSummary['kinds'],
    needs: r.needs as ResourceSummary['needs'],
    organization: { id: o.id, name: o.name },
    schoolDistricts: r.school_districts,
    districts: r.districts,
    nearness,
    description: r.description.length > 200 ? `${r.description.slice(0, 200)}…` : r.description,
  };
}

/** What the keepers typed, with the HSDS ids of the parts kept from the record before. */
function valuesOf(input: ResourceInput, before?: ResourceRecord): ResourceValues {
  return {
    ...input,
    locations: withHsdsIds(input.locations, before?.resource.locations),
    schedules: withHsdsIds(input.schedules, before?.resource.schedules),
    contacts: withHsdsIds(input.contacts, before?.resource.contacts),
  };
}

/** The resource with this id, or 404. */
async function resource(tx: Transaction<DB>, actor: Actor, id: string, options?: { forUpdate?: boolean }) {
  return orNotFound(await findResource(tx, actor.tenantId, id, options));
}

/**
 * The 社会資源 directory (docs/resources.md): every caseworker searches it by need, kind and area
 * (a person's 校区 first, then its 地区) and reads a resource; the coordinating section and
 * 地域福祉課 keep it. Directory data describes places and organisations, not people: reads are
 * not personal data (a resource's contacts are its published business contacts), changes are audited.
 */
export function resourceRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['resources'] });

  op.get(
    '/api/resources',
    {
      operationId: 'resources.list',
      access: { permission: 'resource.read' },
      audit: [],
      summary: 'Search the 社会資源 directory by words, need, kind and area (校区 first, then its 地区)',
      querystring: resourceListQuerySchema,
      response: { 200: resourceListSchema },
    },
    async ({ request, actor, tx }) => {
      const query = request.query;
      const nearDistricts = query.schoolDistrict
        ? await districtsOfSchoolDistrict(tx, actor.tenantId, query.schoolDistrict)
        : [];
      const records = await listResources(
        tx,
        actor.tenantId,
        {
          q: query.q,
          needs: query.need,
          kinds: query.kind,
          schoolDistrict: query.schoolDistrict,
          district: query.district,
          includeInactive: query.includeInactive,
        },
        nearDistricts,
      );
      const near = { schoolDistrict: query.schoolDistrict, districts: nearDistricts };
      return {
        items: records.map((record) => presentSummary(record, near)),
        areas: { districts: await listAreas(tx, actor.tenantId) },
      };
    },
  );

  op.get(
    '/api/resources/:id',
    {
      operationId: 'resources.get',
      access: { permission: 'resource.read' },
      audit: [],
      summary: 'One resource of the directory: provider, places with 校区/地区, hours, contacts',
      params: idParamsSchema,
      response: { 200: resourceSchema },
    },
    async ({ request, actor, tx }) => presentResource(await resource(tx, actor, request.params.id), actor),
  );

  op.post(
    '/api/resources',
    {
      operationId: 'resources.create',
      access: { permission: 'resource.manage' },
      audit: ['resource.create'],
      summary: 'Add a resource to the directory (its provider is found by name or added)',
      body: resourceInputSchema,
      response: { 201: resourceSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const id = await insertResource(tx, actor.tenantId, actor.userId, valuesOf(request.body));
      await audit({
        action: 'resource.create',
        resourceType: 'resource',
        resourceId: id,
        details: { name: request.body.name, kinds: request.body.kinds },
      });
      return presentResource(await resource(tx, actor, id), actor);
    },
  );

  op.put(
    '/api/resources/:id',
    {
      operationId: 'resources.update',
      access: { permission: 'resource.manage' },
      audit: ['resource.update'],
      summary: 'Change a resource (the whole record as the edit screen holds it)',
      params: idParamsSchema,
      body: resourceInputSchema,
      response: { 200: resourceSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const before = await resource(tx, actor, request.params.id, { forUpdate: true });
      await updateResource(
        tx,
        actor.tenantId,
        before.resource.id,
        actor.userId,
        valuesOf(request.body, before),
      );
      await audit({
        action: 'resource.update',
        resourceType: 'resource',
        resourceId: before.resource.id,
        details: { name: request.body.name, status: request.body.status },
      });
      return presentResource(await resource(tx, actor, before.resource.id), actor);
    },
  );
}
