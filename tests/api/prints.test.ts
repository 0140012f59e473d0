import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrintRecord } from '../../src/contract/auditEvents.ts';
import { demoApi } from '../support/demoApi.ts';
import { addMeeting, addPlan, createCase, createConsultation } from '../support/factories.ts';
import { type ApiClient, auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('coordinator', 'houkatsu', 'shogai', 'hogo', 'council', 'auditor');
const { coordinator, houkatsu, shogai, hogo, council, auditor } = api;

let kase: Awaited<ReturnType<typeof createCase>>;
let meetingId: string;
let supportMeetingId: string;
let planId: string;

beforeAll(async () => {
  const db = api.server.database.db;
  kase = await createCase(db, api.dir);
  meetingId = await addMeeting(db, api.dir, { caseId: kase.caseId });
  // a 支援会議 invitee (保護第一課) may see that meeting only, not the case
  supportMeetingId = await addMeeting(db, api.dir, {
    caseId: kase.caseId,
    kind: 'supportMeeting',
    invite: ['保護第一課'],
  });
  planId = await addPlan(db, api.dir, { caseId: kase.caseId });
});

const print = (client: ApiClient, body: unknown) => client.post<PrintRecord>('/api/prints', body);

describe('POST /api/prints (prints.record)', () => {
  it('records the print of a consultation by the counter that took it, with the purpose', async () => {
    const response = await print(houkatsu, {
      resourceType: 'consultation',
      resourceId: kase.consultationId,
      purpose: '支援会議の資料として',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ resourceType: 'consultation', resourceId: kase.consultationId });
    expect(Date.parse(response.body.recordedAt)).not.toBeNaN();
    const event = await api.server.latestAudit('print');
    expect(event).toMatchObject({
      actor_user_id: api.dir.user('houkatsu').id,
      actor_organization_id: api.dir.organization('地域包括支援センター'),
      resource_type: 'consultation',
      resource_id: kase.consultationId,
      person_id: kase.personId,
    });
    expect(auditDetails(event)).toEqual({ purpose: '支援会議の資料として' });
  });

  it('records prints of a case, its 支援経過, a meeting and a plan, naming the case and person', async () => {
    for (const [resourceType, resourceId] of [
      ['case', kase.caseId],
      ['caseTimeline', kase.caseId],
      ['meeting', meetingId],
      ['plan', planId],
    ] as const) {
      const response = await print(coordinator, { resourceType, resourceId });
      expect(response.status, resourceType).toBe(201);
      const event = await api.server.latestAudit('print');
      expect(event).toMatchObject({
        resource_type: resourceType,
        resource_id: resourceId,
        case_id: kase.caseId,
        person_id: kase.personId,
        actor_user_id: api.dir.user('coordinator').id,
      });
      expect(auditDetails(event)).toEqual({});
    }
  });

  it('lets a 支援会議 invitee print that meeting (legal basis recorded) but not the case', async () => {
    expect((await print(hogo, { resourceType: 'meeting', resourceId: supportMeetingId })).status).toBe(201);
    expect((await api.server.latestAudit('print'))?.legal_basis).toBe('article106_6');
    expect((await print(hogo, { resourceType: 'case', resourceId: kase.caseId })).status).toBe(404);
    expect((await print(hogo, { resourceType: 'meeting', resourceId: meetingId })).status).toBe(404);
  });

  it('is 404 for a record the caller may not see (and the denial is audited), and for an unknown id', async () => {
    const before = await api.server.latestAudit('print');
    const response = await print(shogai, { resourceType: 'case', resourceId: kase.caseId });
    expect(response.status).toBe(404);
    expect((await api.server.latestAudit('print'))?.id).toBe(before?.id);
    const denied = await api.server.latestAudit('access.denied');
    expect(denied?.actor_user_id).toBe(api.dir.user('shogai').id);
    expect(auditDetails(denied)).toMatchObject({ operationId: 'prints.record', status: 404 });

    const other = await createConsultation(api.server.database.db, api.dir, {
      organization: '障害者相談支援事業所',
    });
    expect(
      (await print(houkatsu, { resourceType: 'consultation', resourceId: other.consultationId })).status,
    ).toBe(404);
    expect((await print(coordinator, { resourceType: 'plan', resourceId: randomUUID() })).status).toBe(404);
  });

  it('is 404 for roles without case data (council, auditor) and 401 anonymous', async () => {
    const body = { resourceType: 'case', resourceId: kase.caseId };
    expect((await print(council, body)).status).toBe(404);
    expect((await print(auditor, body)).status).toBe(404);
    expect((await api.server.anonymous().post('/api/prints', body)).status).toBe(401);
  });

  it('refuses bad input with the field named (400)', async () => {
    const kind = await print(coordinator, { resourceType: 'household', resourceId: kase.caseId });
    expect(kind.status).toBe(400);
    expect(problemFields(kind.body)).toEqual(['resourceType']);
    expect(problemFields((await print(coordinator, { resourceType: 'case', resourceId: 'x' })).body)).toEqual(
      ['resourceId'],
    );
    const long = await print(coordinator, {
      resourceType: 'case',
      resourceId: kase.caseId,
      purpose: 'あ'.repeat(201),
    });
    expect(problemFields(long.body)).toEqual(['purpose']);
    expect(problemFields((await print(coordinator, { resourceType: 'case' })).body)).toEqual(['resourceId']);
  });
});
