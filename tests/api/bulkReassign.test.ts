import { beforeAll, describe, expect, it } from 'vitest';
import type { BulkReassignResult } from '../../src/contract/accounts.ts';
import type { User } from '../../src/contract/users.ts';
import { demoApi } from '../support/demoApi.ts';
import { caseRow, createCase } from '../support/factories.ts';
import { auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('admin');
const { admin } = api;

/** A second coordinator-section worker, successor of `coordinator` at the April reshuffle. */
let successor: User;
/** A worker of another organisation. */
let elsewhere: User;

async function assign(caseId: string, userId: string) {
  await api.server.database.db
    .updateTable('cases')
    .set({ assigned_user_id: userId })
    .where('id', '=', caseId)
    .execute();
}
const assignedTo = async (caseId: string) => (await caseRow(api.server.database.db, caseId)).assigned_user_id;

let openA = '';
let openB = '';
let closed = '';
beforeAll(async () => {
  const make = async (loginId: string, organization: string) => {
    const response = await admin.post<User>('/api/users', {
      loginId,
      displayName: `${loginId} 試験`,
      organizationId: api.dir.organization(organization),
      roles: ['coordinator'],
      password: 'sakurajima-haiiro-2026',
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  successor = await make('successor', '重層事業担当');
  elsewhere = await make('elsewhere', '地域福祉課');
  const coordinator = api.dir.user('coordinator').id;
  openA = (await createCase(api.server.database.db, api.dir, { stage: 'assessing' })).caseId;
  openB = (await createCase(api.server.database.db, api.dir, { stage: 'supporting' })).caseId;
  closed = (await createCase(api.server.database.db, api.dir, { stage: 'closed' })).caseId;
  for (const id of [openA, openB, closed]) await assign(id, coordinator);
});

const path = '/api/users/bulk-reassign';

describe('POST /api/users/bulk-reassign (users.bulkReassign)', () => {
  it('is 401 without a session and 403 for roles without user.manage', async () => {
    const body = { assignments: [], disableUserIds: [api.dir.user('hogo').id] };
    expect((await api.server.anonymous().post(path, body)).status).toBe(401);
    for (const loginId of ['coordinator', 'auditor']) {
      const response = await (await api.server.as(loginId)).post(path, body);
      expect(response.status, loginId).toBe(403);
    }
  });

  it('refuses bad input with 400 naming the row and field, and changes nothing', async () => {
    const coordinator = api.dir.user('coordinator').id;
    const empty = await admin.post(path, { assignments: [], disableUserIds: [] });
    expect(empty.status).toBe(400);
    expect(problemFields(empty.body)).toEqual(['assignments']);
    const malformed = await admin.post(path, { assignments: [{ fromUserId: 'x', toUserId: coordinator }] });
    expect(malformed.status).toBe(400);
    expect(problemFields(malformed.body)).toEqual(['assignments.0.fromUserId', 'disableUserIds']);
    const self = await admin.post(path, {
      assignments: [{ fromUserId: coordinator, toUserId: coordinator }],
      disableUserIds: [],
    });
    expect(problemFields(self.body)).toEqual(['assignments.0.toUserId']);

    const otherOrganization = await admin.post(path, {
      assignments: [
        { fromUserId: coordinator, toUserId: successor.id },
        { fromUserId: api.dir.user('houkatsu').id, toUserId: elsewhere.id },
      ],
      disableUserIds: [coordinator],
    });
    expect(otherOrganization.status).toBe(400);
    expect(problemFields(otherOrganization.body)).toEqual(['assignments.1.toUserId']);
    expect((otherOrganization.body as { detail: string }).detail).toMatch(/2行目.*別の組織/);

    const toDisabled = await admin.post(path, {
      assignments: [{ fromUserId: coordinator, toUserId: successor.id }],
      disableUserIds: [successor.id],
    });
    expect(problemFields(toDisabled.body)).toEqual(['assignments.0.toUserId']);
    const unknown = await admin.post(path, {
      assignments: [{ fromUserId: '00000000-0000-4000-8000-000000000000', toUserId: successor.id }],
      disableUserIds: [api.dir.user('admin').id],
    });
    expect(problemFields(unknown.body)).toEqual(['assignments.0.fromUserId', 'disableUserIds.0']);
    expect(await assignedTo(openA)).toBe(coordinator);
  });

  it('dryRun=true previews the counts per user and changes nothing', async () => {
    const coordinator = api.dir.user('coordinator').id;
    const session = await api.server.as('coordinator');
    const before = await api.server.database.db
      .selectFrom('audit_events')
      .select('seq')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    const response = await admin.post<BulkReassignResult>(`${path}?dryRun=true`, {
      assignments: [{ fromUserId: coordinator, toUserId: successor.id }],
      disableUserIds: [coordinator, api.dir.user('hogo').id],
    });
    expect(response.status).toBe(200);
    expect(response.body.dryRun).toBe(true);
    expect(response.body.moves).toEqual([
      {
        fromUser: { id: coordinator, loginId: 'coordinator', displayName: expect.any(String) },
        toUser: { id: successor.id, loginId: 'successor', displayName: 'successor 試験' },
        openCases: 2,
      },
    ]);
    expect(response.body.disabled.map((d) => [d.user.loginId, d.openCasesLeft])).toEqual([
      ['coordinator', 0],
      ['hogo', 0],
    ]);
    expect(response.body.disabled[0]?.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await assignedTo(openA)).toBe(coordinator);
    expect((await session.get('/api/session')).status).toBe(200);
    const after = await api.server.database.db
      .selectFrom('audit_events')
      .select('seq')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    expect(after?.seq).toBe(before?.seq);
  });

  it('moves open cases, leaves closed ones, disables the accounts and ends their sessions, all audited', async () => {
    const coordinator = api.dir.user('coordinator').id;
    const hogo = api.dir.user('hogo').id;
    const coordinatorSession = await api.server.as('coordinator');
    const hogoSession = await api.server.as('hogo');
    const response = await admin.post<BulkReassignResult>(path, {
      assignments: [{ fromUserId: coordinator, toUserId: successor.id }],
      disableUserIds: [coordinator, hogo],
    });
    expect(response.status).toBe(200);
    expect(response.body.dryRun).toBe(false);
    expect(response.body.moves[0]?.openCases).toBe(2);
    expect(await assignedTo(openA)).toBe(successor.id);
    expect(await assignedTo(openB)).toBe(successor.id);
    expect(await assignedTo(closed)).toBe(coordinator);
    expect((await coordinatorSession.get('/api/session')).status).toBe(401);
    expect((await hogoSession.get('/api/session')).status).toBe(401);
    expect((await api.server.anonymous().signIn('coordinator')).status).toBe(401);
    const users = await admin.get<{ items: User[] }>('/api/users?includeDisabled=true');
    const state = Object.fromEntries(users.body.items.map((u) => [u.loginId, u.disabledAt !== null]));
    expect(state).toMatchObject({ coordinator: true, hogo: true, successor: false });

    const moveAudit = await api.server.latestAudit('user.bulkReassign');
    expect(moveAudit?.resource_id).toBe(coordinator);
    expect(auditDetails(moveAudit)).toMatchObject({ toUserId: successor.id, openCases: 2 });
    expect((auditDetails(moveAudit).caseIds as string[]).sort()).toEqual([openA, openB].sort());
    const disables = await api.server.database.db
      .selectFrom('audit_events')
      .select(['resource_id', 'details'])
      .where('action', '=', 'user.disable')
      .execute();
    expect(disables.map((d) => d.resource_id).sort()).toEqual([coordinator, hogo].sort());
    expect(auditDetails(disables[0])).toMatchObject({ bulkReassign: true });

    // already disabled now: a second run names the row
    const again = await admin.post(path, { assignments: [], disableUserIds: [hogo] });
    expect(again.status).toBe(400);
    expect(problemFields(again.body)).toEqual(['disableUserIds.0']);
  });

  it('refuses a successor whose account is disabled, moving nothing', async () => {
    const successorCase = openA;
    const response = await admin.post(path, {
      assignments: [{ fromUserId: successor.id, toUserId: api.dir.user('coordinator').id }],
      disableUserIds: [],
    });
    expect(response.status).toBe(400);
    expect(problemFields(response.body)).toEqual(['assignments.0.toUserId']);
    expect(await assignedTo(successorCase)).toBe(successor.id);
  });
});
