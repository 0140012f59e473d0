import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BulkReassignResult } from '../../src/contract/accounts.ts';
import type { AssignableUsers, CaseDetail, CaseListItem, CaseTimeline } from '../../src/contract/cases.ts';
import type { User } from '../../src/contract/users.ts';
import { demoApi } from '../support/demoApi.ts';
import { addOtherCity, caseRow, createCase } from '../support/factories.ts';
import { type ApiClient, auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('admin', 'coordinator');
const { admin, coordinator } = api;

/** A coordinator-role user of 自立相談支援機関: takes part in some cases, never coordinates them. */
let jiritsu: ApiClient;
const JIRITSU_PASSWORD = 'jiritsu-tantou-2026-aki';

beforeAll(async () => {
  const created = await admin.post('/api/users', {
    loginId: 'jiritsu.assign',
    displayName: '自立 担当',
    organizationId: api.dir.organization('自立相談支援機関'),
    roles: ['coordinator'],
    password: JIRITSU_PASSWORD,
  });
  expect(created.status).toBe(201);
  jiritsu = api.server.anonymous();
  expect((await jiritsu.signIn('jiritsu.assign', JIRITSU_PASSWORD)).status).toBe(200);
});

const pathOf = (caseId: string) => `/api/cases/${caseId}/assignee`;
const assignedInDb = async (caseId: string) =>
  (await caseRow(api.server.database.db, caseId)).assigned_user_id;

describe('PUT /api/cases/:id/assignee (cases.assign)', () => {
  it('sets the 担当職員, audits it, puts it on the timeline and shows it in detail and list', async () => {
    const { caseId, personId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const me = api.dir.user('coordinator').id;
    const before = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(before.body.assignedUser).toBeNull();
    expect(before.body.abilities.assign).toBe(true);

    const response = await coordinator.request<CaseDetail>('PUT', pathOf(caseId), { userId: me });
    expect(response.status).toBe(200);
    expect(response.body.assignedUser).toEqual({ id: me, name: '重層 調整' });
    expect(await assignedInDb(caseId)).toBe(me);

    const audit = await api.server.latestAudit('case.assign');
    expect(audit?.case_id).toBe(caseId);
    expect(audit?.person_id).toBe(personId);
    expect(audit?.actor_user_id).toBe(me);
    expect(auditDetails(audit)).toEqual({ fromUserId: null, toUserId: me });

    const timeline = await coordinator.get<CaseTimeline>(`/api/cases/${caseId}/timeline`);
    const entry = timeline.body.items.find((e) => e.kind === 'assigneeChanged');
    expect(entry?.summary).toBe('担当職員：未設定 → 重層 調整');
    expect(entry?.subjectId).toBe(me);

    const list = await coordinator.get<{ items: CaseListItem[] }>('/api/cases?limit=100');
    expect(list.body.items.find((c) => c.id === caseId)?.assignedUser).toEqual({ id: me, name: '重層 調整' });
    const mine = await coordinator.get<{ items: CaseListItem[] }>('/api/cases?limit=100&assignedToMe=true');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c) => c.id)).toContain(caseId);
    expect(mine.body.items.every((c) => c.assignedUser?.id === me)).toBe(true);
    const houkatsu = await api.server.as('houkatsu');
    const notMine = await houkatsu.get<{ items: CaseListItem[] }>('/api/cases?limit=100&assignedToMe=true');
    expect(notMine.body.items.map((c) => c.id)).not.toContain(caseId);
    expect((await coordinator.get('/api/cases?assignedToMe=yes')).status).toBe(400);
  });

  it('moves the case to a worker of another participating organisation, then clears it with null', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'supporting' });
    const me = api.dir.user('coordinator').id;
    const counter = api.dir.user('houkatsu').id; // 地域包括支援センター took the consultation
    expect((await coordinator.request('PUT', pathOf(caseId), { userId: me })).status).toBe(200);

    const options = await coordinator.get<AssignableUsers>(`/api/cases/${caseId}/assignable-users`);
    expect(options.status).toBe(200);
    const ids = options.body.items.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([me, counter]));
    expect(ids).not.toContain(api.dir.user('admin').id);

    const moved = await coordinator.request<CaseDetail>('PUT', pathOf(caseId), { userId: counter });
    expect(moved.status).toBe(200);
    expect(moved.body.assignedUser?.id).toBe(counter);
    expect(auditDetails(await api.server.latestAudit('case.assign'))).toEqual({
      fromUserId: me,
      toUserId: counter,
    });

    const cleared = await coordinator.request<CaseDetail>('PUT', pathOf(caseId), { userId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.assignedUser).toBeNull();
    expect(await assignedInDb(caseId)).toBeNull();
    const timeline = await coordinator.get<CaseTimeline>(`/api/cases/${caseId}/timeline`);
    expect(timeline.body.items.filter((e) => e.kind === 'assigneeChanged').map((e) => e.summary)).toEqual([
      `担当職員：${moved.body.assignedUser?.name} → 未設定`,
      `担当職員：重層 調整 → ${moved.body.assignedUser?.name}`,
      '担当職員：未設定 → 重層 調整',
    ]);
  });

  it('is 401 without a session', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir);
    const anonymous = api.server.anonymous();
    expect((await anonymous.request('PUT', pathOf(caseId), { userId: null })).status).toBe(401);
    expect((await anonymous.get(`/api/cases/${caseId}/assignable-users`)).status).toBe(401);
  });

  it('is 404 for roles without case data, for non-participants and for unknown cases, changing nothing', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const body = { userId: api.dir.user('coordinator').id };
    for (const loginId of ['council', 'plan', 'shogai', 'hogo', 'auditor']) {
      const client = await api.server.as(loginId);
      const response = await client.request('PUT', pathOf(caseId), body);
      expect(response.status, loginId).toBe(404);
      expect((await client.get(`/api/cases/${caseId}/assignable-users`)).status, loginId).toBe(404);
    }
    // a coordinator-role user whose organisation does not take part in the case
    expect((await jiritsu.request('PUT', pathOf(caseId), body)).status).toBe(404);
    expect((await jiritsu.get(`/api/cases/${caseId}/assignable-users`)).status).toBe(404);
    expect((await coordinator.request('PUT', pathOf(randomUUID()), body)).status).toBe(404);
    expect(await assignedInDb(caseId)).toBeNull();
  });

  it('is 403 for a participant that is not the coordinating section', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, {
      stage: 'supporting',
      participants: [{ organization: '自立相談支援機関', basis: 'planItem' }],
    });
    const detail = await jiritsu.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.abilities.assign).toBe(false);
    const response = await jiritsu.request('PUT', pathOf(caseId), { userId: api.dir.user('coordinator').id });
    expect(response.status).toBe(403);
    expect((await jiritsu.get(`/api/cases/${caseId}/assignable-users`)).status).toBe(403);
    expect(await assignedInDb(caseId)).toBeNull();
  });

  it('refuses a user who may not carry the case with 400 naming userId, changing nothing', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'assessing' });
    const db = api.server.database.db;
    // a disabled worker of the coordinating section
    const retired = await admin.post<User>('/api/users', {
      loginId: 'retired.assign',
      displayName: '退職 予定',
      organizationId: api.dir.organization('重層事業担当'),
      roles: ['coordinator'],
      password: 'taishoku-yotei-2026-aki',
    });
    expect(retired.status).toBe(201);
    expect((await admin.post(`/api/users/${retired.body.id}/disable`)).status).toBe(200);
    // a worker of another city
    const { tenantId, organizationId: orgId } = await addOtherCity(db, {
      name: '他市 重層事業担当',
      coordinating: true,
    });
    const foreignUser = randomUUID();
    await db
      .insertInto('users')
      .values({
        id: foreignUser,
        tenant_id: tenantId,
        organization_id: orgId,
        login_id: `other-${foreignUser.slice(0, 8)}`,
        display_name: '他市 職員',
        password_hash: 'not-a-hash',
        roles: ['coordinator'],
        disabled_at: null,
        locked_until: null,
        last_sign_in_at: null,
      })
      .execute();

    const cases: [string, string][] = [
      ['unknown user', randomUUID()],
      ['user of a non-participating organisation', api.dir.user('admin').id],
      ['disabled user', retired.body.id],
      ['user of another tenant', foreignUser],
    ];
    for (const [what, userId] of cases) {
      const response = await coordinator.request<{ code: string; errors: { message: string }[] }>(
        'PUT',
        pathOf(caseId),
        {
          userId,
        },
      );
      expect(response.status, what).toBe(400);
      expect(response.body.code).toBe('validation.invalid');
      expect(problemFields(response.body), what).toEqual(['userId']);
      expect(response.body.errors[0]?.message).toMatch(/職員/);
    }
    const malformed = await coordinator.request('PUT', pathOf(caseId), { userId: 'someone' });
    expect(malformed.status).toBe(400);
    expect(problemFields(malformed.body)).toEqual(['userId']);
    expect((await coordinator.request('PUT', pathOf(caseId), {})).status).toBe(400);

    const options = await coordinator.get<AssignableUsers>(`/api/cases/${caseId}/assignable-users`);
    const ids = options.body.items.map((u) => u.id);
    for (const [, userId] of cases) expect(ids).not.toContain(userId);
    expect(await assignedInDb(caseId)).toBeNull();
  });

  it('is 409 on a closed case', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'closed' });
    const detail = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(detail.body.abilities.assign).toBe(false);
    const response = await coordinator.request<{ code: string }>('PUT', pathOf(caseId), {
      userId: api.dir.user('coordinator').id,
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('conflict.state');
    expect(await assignedInDb(caseId)).toBeNull();
  });

  it('gives the April reshuffle real cases to move (cases.assign, then users.bulkReassign)', async () => {
    const { caseId } = await createCase(api.server.database.db, api.dir, { stage: 'supporting' });
    const successor = await admin.post<User>('/api/users', {
      loginId: 'successor.assign',
      displayName: '後任 担当',
      organizationId: api.dir.organization('重層事業担当'),
      roles: ['coordinator'],
      password: 'kouninn-tantou-2026-aki',
    });
    expect(successor.status).toBe(201);
    const from = api.dir.user('coordinator').id;
    expect((await coordinator.request('PUT', pathOf(caseId), { userId: from })).status).toBe(200);

    const body = { assignments: [{ fromUserId: from, toUserId: successor.body.id }], disableUserIds: [] };
    const preview = await admin.post<BulkReassignResult>('/api/users/bulk-reassign?dryRun=true', body);
    expect(preview.status).toBe(200);
    const open = (await coordinator.get<{ items: CaseListItem[] }>('/api/cases?limit=100&assignedToMe=true'))
      .body.items.length;
    expect(open).toBeGreaterThanOrEqual(1);
    expect(preview.body.moves).toEqual([
      expect.objectContaining({ fromUser: expect.objectContaining({ id: from }), openCases: open }),
    ]);

    const done = await admin.post<BulkReassignResult>('/api/users/bulk-reassign', body);
    expect(done.status).toBe(200);
    const after = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(after.body.assignedUser).toEqual({ id: successor.body.id, name: '後任 担当' });
    const mine = await coordinator.get<{ items: CaseListItem[] }>('/api/cases?limit=100&assignedToMe=true');
    expect(mine.body.items).toEqual([]);
  });
});
