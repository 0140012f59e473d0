import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type CommunityActivity,
  type CommunityActivityInput,
  communityActivityInputSchema,
  communityActivityListQuerySchema,
  communityActivityListSchema,
  communityActivitySchema,
  communitySessionInputSchema,
} from '../../contract/community.ts';
import {
  type CommunityActivityRow,
  type CommunityActivityValues,
  communitySessions,
  communityTotalsOfYear,
  findCommunityActivity,
  insertCommunityActivity,
  insertCommunitySession,
  listCommunityActivities,
  updateCommunityActivity,
} from '../../db/community.ts';
import type { DB } from '../../db/schema.ts';
import { now, today } from '../../domain/clock.ts';
import { fiscalYearOf, fiscalYearRange, formatFiscalYear } from '../../domain/fiscalYear.ts';
import type { CommunityActivityKind } from '../../domain/resources/community.ts';
import type { Actor } from '../actor.ts';
import { operations } from '../operation.ts';
import { invalidField, orNotFound } from '../problem.ts';

const base = (row: CommunityActivityRow) => ({
  id: row.id,
  name: row.name,
  kind: row.kind as CommunityActivityKind,
  placeName: row.place_name,
  resource: row.resource_id ? { id: row.resource_id, name: row.resource_name ?? '' } : null,
  schoolDistrict: row.school_district,
  district: row.district,
  organizer: row.organizer,
  active: row.active,
});

async function presentActivity(
  tx: Transaction<DB>,
  actor: Actor,
  row: CommunityActivityRow,
): Promise<CommunityActivity> {
  const sessions = await communitySessions(tx, actor.tenantId, { activityId: row.id });
  const manage = actor.permissions.has('resource.manage');
  return {
    ...base(row),
    note: row.note,
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.held_on,
      fiscalYear: fiscalYearOf(s.held_on),
      participants: s.participants,
      organizations: s.organizations,
      note: s.note,
    })),
    abilities: { update: manage, recordSession: manage },
  };
}

/**
 * What the keepers typed, completed from the directory: a 拠点 that is a resource takes the
 * resource's name and the 校区/地区 of its first place where none were typed. An unknown resource
 * is a 400 on its field.
 */
async function valuesOf(
  tx: Transaction<DB>,
  tenantId: string,
  input: CommunityActivityInput,
): Promise<CommunityActivityValues> {
  let placeName = input.placeName;
  let schoolDistrict = input.schoolDistrict;
  let district = input.district;
  if (input.resourceId) {
    const resource = await tx
      .selectFrom('resources')
      .select(['name', 'locations'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.resourceId)
      .executeTakeFirst();
    if (!resource) {
      const message = '指定された社会資源が見つかりません';
      throw invalidField('resourceId', 'unknown', message, `${message}。`);
    }
    const place = resource.locations[0];
    placeName ??= resource.name;
    schoolDistrict ??= place?.schoolDistrict ?? null;
    district ??= place?.district ?? null;
  }
  return {
    name: input.name,
    kind: input.kind,
    placeName: placeName ?? '',
    resourceId: input.resourceId,
    schoolDistrict,
    district,
    organizer: input.organizer,
    note: input.note,
    active: input.active,
  };
}

/** The activity with this id, or 404. */
async function activity(tx: Transaction<DB>, actor: Actor, id: string): Promise<CommunityActivityRow> {
  return orNotFound(await findCommunityActivity(tx, actor.tenantId, id));
}

/**
 * 地域づくりに向けた支援 (docs/resources.md "地域づくり"): activities at local 拠点 and the sessions held,
 * counted without personal data (a participant count and the organisations that took part). Read by
 * everyone who reads the directory, kept by its keepers (the coordinating section and 地域福祉課);
 * the figures are aggregates, so reads are not audited as personal data, every change is.
 */
export function communityRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['community'] });

  op.get(
    '/api/community-activities',
    {
      operationId: 'communityActivities.list',
      access: { permission: 'resource.read' },
      audit: [],
      summary: '地域づくり: activities with their figures for a 年度, and the 拠点数・参加者数・参加機関数',
      querystring: communityActivityListQuerySchema,
      response: { 200: communityActivityListSchema },
    },
    async ({ request, actor, tx }) => {
      const fiscalYear = request.query.fiscalYear ?? fiscalYearOf(today());
      const { start, end } = fiscalYearRange(fiscalYear);
      const rows = await listCommunityActivities(tx, actor.tenantId);
      const sessions = await communitySessions(tx, actor.tenantId, { from: start, to: end });
      const lastHeld = await tx
        .selectFrom('community_activity_sessions')
        .select(['activity_id', (eb) => eb.fn.max('held_on').as('last')])
        .where('tenant_id', '=', actor.tenantId)
        .groupBy('activity_id')
        .execute();
      const lastOf = new Map(lastHeld.map((l) => [l.activity_id, String(l.last)]));
      const totals = await communityTotalsOfYear(tx, actor.tenantId, fiscalYear);
      const previous = await communityTotalsOfYear(tx, actor.tenantId, fiscalYear - 1);
      return {
        fiscalYear,
        fiscalYearLabel: formatFiscalYear(fiscalYear),
        totals,
        previous: {
          fiscalYear: fiscalYear - 1,
          fiscalYearLabel: formatFiscalYear(fiscalYear - 1),
          totals: previous,
        },
        items: rows.map((row) => {
          const own = sessions.filter((s) => s.activity_id === row.id);
          const organizations = new Set(own.flatMap((s) => s.organizations));
          return {
            ...base(row),
            year: {
              sessions: own.length,
              participants: own.reduce((sum, s) => sum + s.participants, 0),
              organizations: organizations.size,
            },
            lastHeldOn: lastOf.get(row.id) ?? null,
          };
        }),
        abilities: { create: actor.permissions.has('resource.manage') },
      };
    },
  );

  op.get(
    '/api/community-activities/:id',
    {
      operationId: 'communityActivities.get',
      access: { permission: 'resource.read' },
      audit: [],
      summary: 'One 地域づくり activity with its 拠点 and every session held',
      params: idParamsSchema,
      response: { 200: communityActivitySchema },
    },
    async ({ request, actor, tx }) =>
      presentActivity(tx, actor, await activity(tx, actor, request.params.id)),
  );

  op.post(
    '/api/community-activities',
    {
      operationId: 'communityActivities.create',
      access: { permission: 'resource.manage' },
      audit: ['communityActivity.create'],
      summary:
        'Register a 地域づくり activity (サロン, 子ども食堂, 居場所 …) at a 拠点, optionally a directory resource',
      body: communityActivityInputSchema,
      response: { 201: communityActivitySchema },
    },
    async ({ request, actor, tx, audit }) => {
      const values = await valuesOf(tx, actor.tenantId, request.body);
      const id = await insertCommunityActivity(tx, actor.tenantId, actor.userId, values);
      await audit({
        action: 'communityActivity.create',
        resourceType: 'communityActivity',
        resourceId: id,
        details: { name: values.name, kind: values.kind, resourceId: values.resourceId },
      });
      return presentActivity(tx, actor, await activity(tx, actor, id));
    },
  );

  op.put(
    '/api/community-activities/:id',
    {
      operationId: 'communityActivities.update',
      access: { permission: 'resource.manage' },
      audit: ['communityActivity.update'],
      summary: 'Change a 地域づくり activity (the whole record as the edit screen holds it)',
      params: idParamsSchema,
      body: communityActivityInputSchema,
      response: { 200: communityActivitySchema },
    },
    async ({ request, actor, tx, audit }) => {
      const before = await activity(tx, actor, request.params.id);
      const values = await valuesOf(tx, actor.tenantId, request.body);
      await updateCommunityActivity(tx, actor.tenantId, before.id, values, now());
      await audit({
        action: 'communityActivity.update',
        resourceType: 'communityActivity',
        resourceId: before.id,
        details: { name: values.name, active: values.active },
      });
      return presentActivity(tx, actor, await activity(tx, actor, before.id));
    },
  );

  op.post(
    '/api/community-activities/:id/sessions',
    {
      operationId: 'communityActivities.recordSession',
      access: { permission: 'resource.manage' },
      audit: ['communityActivity.recordSession'],
      summary: 'Record a session held: its date, how many took part, which organisations (no personal data)',
      params: idParamsSchema,
      body: communitySessionInputSchema,
      response: { 201: communityActivitySchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      if (input.heldOn > today()) {
        const message = '開催日に未来の日付は指定できません';
        throw invalidField('heldOn', 'future', message, `${message}。`);
      }
      const row = await activity(tx, actor, request.params.id);
      const id = await insertCommunitySession(tx, {
        tenantId: actor.tenantId,
        activityId: row.id,
        heldOn: input.heldOn,
        participants: input.participants,
        organizations: input.organizations,
        note: input.note,
        recordedBy: actor.userId,
      });
      await audit({
        action: 'communityActivity.recordSession',
        resourceType: 'communityActivity',
        resourceId: row.id,
        details: { sessionId: id, heldOn: input.heldOn, participants: input.participants },
      });
      return presentActivity(tx, actor, row);
    },
  );
}
