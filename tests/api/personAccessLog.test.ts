import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccessLog } from '../../src/contract/auditEvents.ts';
import { demoApi } from '../support/demoApi.ts';
import { createCase, createPerson } from '../support/factories.ts';
import { type ApiClient, auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('coordinator', 'houkatsu', 'shogai', 'auditor', 'council');
const { coordinator, houkatsu, shogai, auditor, council } = api;

let kase: Awaited<ReturnType<typeof createCase>>;

const accessLog = (client: ApiClient, personId: string, query = '') =>
  client.get<AccessLog>(`/api/persons/${personId}/access-log${query}`);

beforeAll(async () => {
  // 障害者相談支援事業所 holds a plan item: it takes part in the case and reads it
  kase = await createCase(api.server.database.db, api.dir, {
    participants: [{ organization: '障害者相談支援事業所', basis: 'planItem' }],
  });
  expect((await shogai.get(`/api/cases/${kase.caseId}`)).status).toBe(200);
  expect((await houkatsu.get(`/api/persons/${kase.personId}`)).status).toBe(200);
  expect(
    (
      await houkatsu.post('/api/prints', {
        resourceType: 'consultation',
        resourceId: kase.consultationId,
        purpose: '家庭訪問の持参資料',
      })
    ).status,
  ).toBe(201);
});

describe('GET /api/persons/:id/access-log (persons.accessLog)', () => {
  it('shows the coordinator who has seen the person: reads and prints by other organisations, with purpose', async () => {
    const response = await accessLog(coordinator, kase.personId);
    expect(response.status).toBe(200);
    const items = response.body.items;
    const shogaiRead = items.find((e) => e.action === 'case.read' && e.user?.loginId === 'shogai');
    expect(shogaiRead).toMatchObject({
      organization: { id: api.dir.organization('障害者相談支援事業所'), name: '障害者相談支援事業所' },
      resourceType: 'case',
      caseId: kase.caseId,
    });
    expect(items.find((e) => e.action === 'person.read')?.user?.loginId).toBe('houkatsu');
    expect(items.find((e) => e.action === 'print')).toMatchObject({
      purpose: '家庭訪問の持参資料',
      resourceType: 'consultation',
      organization: { name: '地域包括支援センター' },
    });
    // newest first; changes and the log's own viewing are not looks at the data
    expect(items[0]?.action).toBe('print');
    expect(items.some((e) => e.action === 'person.accessLog')).toBe(false);
    expect(items.some((e) => e.action === 'access.denied')).toBe(false);
  });

  it('does not show looks at other people', async () => {
    const other = await createCase(api.server.database.db, api.dir);
    expect((await houkatsu.get(`/api/cases/${other.caseId}`)).status).toBe(200);
    const response = await accessLog(coordinator, kase.personId);
    expect(response.body.items.some((e) => e.caseId === other.caseId)).toBe(false);
  });

  it('pages with a cursor', async () => {
    const first = await accessLog(coordinator, kase.personId, '?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await accessLog(coordinator, kase.personId, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect((second.body.items[0]?.occurredAt ?? '') <= (first.body.items[0]?.occurredAt ?? '')).toBe(true);
    expect(second.body.items[0]).not.toEqual(first.body.items[0]);
  });

  it('is audited as a look at the person’s access log', async () => {
    await accessLog(coordinator, kase.personId);
    const event = await api.server.latestAudit('person.accessLog');
    expect(event).toMatchObject({
      actor_user_id: api.dir.user('coordinator').id,
      person_id: kase.personId,
      resource_id: kase.personId,
    });
    expect(auditDetails(event).count).toBeGreaterThanOrEqual(3);
  });

  it('is 404 for a person the coordinating section may not see', async () => {
    const stranger = await createPerson(api.server.database.db, api.dir, {
      registeredBy: api.dir.organization('保護第一課'),
    });
    expect((await accessLog(coordinator, stranger)).status).toBe(404);
    expect((await accessLog(coordinator, randomUUID())).status).toBe(404);
  });

  it('is 404 for roles without the permission (caseworkers, auditor, council) and 401 anonymous', async () => {
    expect((await accessLog(houkatsu, kase.personId)).status).toBe(404);
    expect((await accessLog(shogai, kase.personId)).status).toBe(404);
    expect((await accessLog(auditor, kase.personId)).status).toBe(404);
    expect((await accessLog(council, kase.personId)).status).toBe(404);
    expect((await accessLog(api.server.anonymous(), kase.personId)).status).toBe(401);
  });

  it('refuses bad input with the field named (400)', async () => {
    expect(problemFields((await accessLog(coordinator, 'x')).body)).toEqual(['パス.id']);
    expect(problemFields((await accessLog(coordinator, kase.personId, '?limit=500')).body)).toEqual([
      'クエリ.limit',
    ]);
    expect((await accessLog(coordinator, kase.personId, '?cursor=WyJ4Il0')).status).toBe(400);
  });
});
