import { beforeAll, describe, expect, it } from 'vitest';
import type { Placement } from '../../src/contract/placements.ts';
import { participationCounts } from '../../src/db/resourceCounts.ts';
import { fiscalYearOf } from '../../src/domain/fiscalYear.ts';
import {
  buildCaseWorld,
  type CaseWorld,
  houkatsuHandoverWorld,
  syntheticPerson,
} from '../support/caseWorld.ts';
import { demoApi } from '../support/demoApi.ts';
import { problemFields } from '../support/testServer.ts';

const api = demoApi('coordinator', 'shogai', 'hogokansatsu');
const { coordinator, shogai, hogokansatsu } = api;
let world: CaseWorld;
let resourceId: string;

beforeAll(async () => {
  const address = '鹿児島市（架空の住所）';
  world = await buildCaseWorld(
    api.server.app,
    houkatsuHandoverWorld({
      person: syntheticPerson('参加', '一郎', 'サンカ', 'イチロウ', '1972-05-05', address),
      member: syntheticPerson('参加', '花', 'サンカ', 'ハナ', '1941-01-01', address),
      other: syntheticPerson('参加', '次郎', 'サンカ', 'ジロウ', '1990-02-02', address),
    }),
  );
  const resources = await coordinator.get<{ items: { id: string; name: string }[] }>(
    `/api/resources?q=${encodeURIComponent('こもれび')}`,
  );
  resourceId = resources.body.items[0]?.id ?? '';
});

const today = new Date().toISOString().slice(0, 10);

describe('placements (参加支援)', () => {
  it('places the person from a plan item, records the first day and follow-ups; each step audited', async () => {
    const planItemId = Object.values(world.planItems)[0];
    const created = await coordinator.post<Placement>(`/api/cases/${world.caseId}/placements`, {
      personId: world.personId,
      resourceId,
      planItemId,
      kind: 'ibasho',
      note: '（試験用）まずは見学から',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      stage: 'arranging',
      resource: { id: resourceId, name: 'ひきこもり家族会・居場所「こもれび」' },
      planItem: { id: planItemId },
      person: { id: world.personId },
    });
    expect((await api.server.latestAudit('placement.create'))?.case_id).toBe(world.caseId);

    const id = created.body.id;
    const step = (event: Record<string, unknown>, client = coordinator) =>
      client.patch<Placement>(`/api/placements/${id}`, { event: { occurredOn: today, ...event } });
    expect((await step({ kind: 'followUp', party: 'person' })).status).toBe(409);
    expect((await step({ kind: 'visit', note: '見学した' })).body.stage).toBe('arranging');
    const started = await step({ kind: 'start', note: '初日。1時間過ごした' });
    expect(started.body).toMatchObject({ stage: 'active', startedOn: today });
    // another organisation taking part in the case records the host's follow-up
    const followed = await step(
      { kind: 'followUp', party: 'host', note: '受入先から：落ち着いて過ごせている' },
      shogai,
    );
    expect(followed.status).toBe(200);
    expect(followed.body.events.map((e) => e.kind)).toEqual(['visit', 'start', 'followUp']);
    expect(followed.body.events[2]).toMatchObject({
      party: 'host',
      organization: { name: '障害者相談支援事業所' },
    });

    const noReason = await step({ kind: 'end' });
    expect(noReason.status).toBe(400);
    expect(problemFields(noReason.body)).toEqual(['event.endReason']);
    const ended = await step({ kind: 'end', endReason: 'movedOn', note: '就労体験へ移行' });
    expect(ended.body).toMatchObject({ stage: 'ended', endedOn: today, endReason: 'movedOn' });
    expect((await step({ kind: 'visit' })).status).toBe(409);
    expect((await api.server.latestAudit('placement.update'))?.resource_id).toBe(id);
  });

  it('lists placements across the coordinator’s cases, audited; others get 404 and find nothing', async () => {
    const list = await coordinator.get<{ items: Placement[] }>('/api/placements');
    expect(list.status).toBe(200);
    expect(list.body.items.some((p) => p.caseId === world.caseId)).toBe(true);
    expect((await api.server.latestAudit('placement.list'))?.action).toBe('placement.list');
    const id = list.body.items[0]?.id ?? '';

    // the probation office takes no part in this case
    const outsider = await hogokansatsu.get<{ items: Placement[] }>('/api/placements');
    expect(outsider.body.items.map((p) => p.id)).not.toContain(id);
    expect((await hogokansatsu.get(`/api/placements?caseId=${world.caseId}`)).status).toBe(404);
    expect(
      (await hogokansatsu.patch(`/api/placements/${id}`, { event: { kind: 'visit', occurredOn: today } }))
        .status,
    ).toBe(404);
    expect(
      (
        await hogokansatsu.post(`/api/cases/${world.caseId}/placements`, {
          personId: world.personId,
          resourceId,
          kind: 'ibasho',
        })
      ).status,
    ).toBe(404);
  });

  it('counts 支援対象者数 and 協力事業者数 for the 年度 as aggregates (participationCounts)', async () => {
    const tenant = await api.server.database.db
      .selectFrom('tenants')
      .select('id')
      .where('code', '=', 'kagoshima')
      .executeTakeFirstOrThrow();
    const counts = await participationCounts(api.server.database.db, tenant.id, fiscalYearOf(today));
    expect(counts.participants).toBe(1);
    expect(counts.hosts).toBe(1);
    expect(counts.cooperatingEmployers).toBeGreaterThanOrEqual(4);
    expect(counts.resources).toBeGreaterThanOrEqual(30);
    expect(
      await participationCounts(api.server.database.db, tenant.id, fiscalYearOf(today) - 5),
    ).toMatchObject({
      participants: 0,
      hosts: 0,
    });
  });

  it('refuses a person outside the case, an unknown resource or plan item with 400 naming the field', async () => {
    const bad = (body: Record<string, unknown>) =>
      coordinator.post(`/api/cases/${world.caseId}/placements`, {
        personId: world.personId,
        resourceId,
        kind: 'ibasho',
        ...body,
      });
    expect(problemFields((await bad({ personId: world.pendingHandoverId })).body)).toEqual(['personId']);
    expect(problemFields((await bad({ resourceId: world.caseId })).body)).toEqual(['resourceId']);
    expect(problemFields((await bad({ planItemId: world.caseId })).body)).toEqual(['planItemId']);
    expect(problemFields((await bad({ kind: 'party' })).body)).toEqual(['kind']);
  });
});
