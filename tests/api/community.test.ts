import { describe, expect, it } from 'vitest';
import type { CommunityActivity, CommunityActivityList } from '../../src/contract/community.ts';
import { demoApi } from '../support/demoApi.ts';
import { auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('coordinator', 'plan', 'houkatsu', 'council');
const { coordinator, plan, houkatsu, council } = api;

// a 年度 before the demo's, so the figures below are only this test's
const YEAR = 2019;

describe('地域づくり activities (communityActivities.*)', () => {
  it('registers activities at 拠点, records sessions, and counts 拠点数・参加者数・参加機関数 by 年度', async () => {
    const resource = (await coordinator.get<{ items: { id: string; name: string }[] }>('/api/resources')).body
      .items[0];
    if (!resource) throw new Error('the demo directory is empty');
    const atResource = await coordinator.post<CommunityActivity>('/api/community-activities', {
      name: '（試験用）ふれあいサロン',
      kind: 'salon',
      resourceId: resource.id,
    });
    expect(atResource.status).toBe(201);
    // a 拠点 that is a directory resource takes its name (and its areas) from the directory
    expect(atResource.body).toMatchObject({ placeName: resource.name, resource: { id: resource.id } });
    expect(auditDetails(await api.server.latestAudit('communityActivity.create'))).toMatchObject({
      name: '（試験用）ふれあいサロン',
    });

    // 地域福祉課 keeps them too; two activities at one 公民館 are one 拠点
    const cafeteria = await plan.post<CommunityActivity>('/api/community-activities', {
      name: '（試験用）こども食堂',
      kind: 'childrenCafeteria',
      placeName: '（試験用）東公民館',
      organizer: '（試験用）地域の会',
    });
    const study = await plan.post<CommunityActivity>('/api/community-activities', {
      name: '（試験用）学習会',
      kind: 'learningSupport',
      placeName: '（試験用） 東公民館 ',
    });
    expect([cafeteria.status, study.status]).toEqual([201, 201]);

    const record = (id: string, heldOn: string, participants: number, organizations: string[]) =>
      coordinator.post<CommunityActivity>(`/api/community-activities/${id}/sessions`, {
        heldOn,
        participants,
        organizations,
      });
    expect((await record(atResource.body.id, `${YEAR}-05-10`, 12, ['自治会', '民生委員協議会'])).status).toBe(
      201,
    );
    await record(atResource.body.id, `${YEAR + 1}-03-20`, 9, ['自治会']);
    await record(cafeteria.body.id, `${YEAR}-08-03`, 30, ['社会福祉協議会', ' 自治会 ', '']);
    await record(study.body.id, `${YEAR}-09-14`, 6, []);
    // another 年度: not counted in YEAR
    const later = await record(study.body.id, `${YEAR + 1}-04-01`, 8, ['小学校']);
    expect(later.body.sessions.map((s) => s.fiscalYear)).toEqual([YEAR + 1, YEAR]);
    expect(auditDetails(await api.server.latestAudit('communityActivity.recordSession'))).toMatchObject({
      heldOn: `${YEAR + 1}-04-01`,
      participants: 8,
    });

    const list = await houkatsu.get<CommunityActivityList>(`/api/community-activities?fiscalYear=${YEAR}`);
    expect(list.status).toBe(200);
    // 2 拠点 (the resource, the 公民館), 12+9+30+6 participants, 3 organisations (自治会 once)
    expect(list.body.totals).toEqual({ bases: 2, participants: 57, organizations: 3, sessions: 4 });
    expect(list.body.previous.totals).toEqual({ bases: 0, participants: 0, organizations: 0, sessions: 0 });
    expect(list.body.abilities.create).toBe(false);
    const salon = list.body.items.find((i) => i.id === atResource.body.id);
    expect(salon?.year).toEqual({ sessions: 2, participants: 21, organizations: 2 });
    const next = await coordinator.get<CommunityActivityList>(
      `/api/community-activities?fiscalYear=${YEAR + 1}`,
    );
    expect(next.body.totals).toMatchObject({ bases: 1, participants: 8, organizations: 1 });
    expect(next.body.abilities.create).toBe(true);

    const updated = await coordinator.request<CommunityActivity>(
      'PUT',
      `/api/community-activities/${study.body.id}`,
      {
        name: '（試験用）学習会（改称）',
        kind: 'learningSupport',
        placeName: '（試験用）東公民館',
        active: false,
      },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: '（試験用）学習会（改称）', active: false });
  });

  it('refuses bad input in Japanese and callers who do not keep the directory', async () => {
    const noPlace = await coordinator.post('/api/community-activities', {
      name: '（試験用）',
      kind: 'salon',
    });
    expect(noPlace.status).toBe(400);
    expect(problemFields(noPlace.body)).toEqual(['placeName']);
    const unknown = await coordinator.post('/api/community-activities', {
      name: '（試験用）',
      kind: 'salon',
      resourceId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(400);
    expect(problemFields(unknown.body)).toEqual(['resourceId']);
    const created = await coordinator.post<CommunityActivity>('/api/community-activities', {
      name: '（試験用）居場所',
      kind: 'ibasho',
      placeName: '（試験用）集会所',
    });
    const future = await coordinator.post(`/api/community-activities/${created.body.id}/sessions`, {
      heldOn: '2099-01-01',
      participants: 3,
    });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('未来の日付');
    const negative = await coordinator.post(`/api/community-activities/${created.body.id}/sessions`, {
      heldOn: `${YEAR}-06-01`,
      participants: -1,
    });
    expect(problemFields(negative.body)).toEqual(['participants']);
    expect(
      (await houkatsu.post('/api/community-activities', { name: 'x', kind: 'salon', placeName: 'x' })).status,
    ).toBe(403);
    expect((await council.get('/api/community-activities')).status).toBe(403);
    expect(
      (await coordinator.get('/api/community-activities/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
  });
});
