import { beforeAll, describe, expect, it } from 'vitest';
import type { OutreachContact } from '../../src/contract/outreach.ts';
import { consultation, handoverIdOf } from '../../src/server/demo/story.ts';
import { demoUser, openConsultation, syntheticPerson } from '../support/caseWorld.ts';
import { demoApi } from '../support/demoApi.ts';
import { problemFields } from '../support/testServer.ts';

const api = demoApi('houkatsu', 'shogai');
const { houkatsu, shogai } = api;

let consultationId: string;

const day = (offset: number) => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};

beforeAll(async () => {
  consultationId = await openConsultation(
    api.server.app,
    'houkatsu',
    syntheticPerson('訪問', '一', 'ホウモン', 'ハジメ', '1975-03-03', '鹿児島市（架空の住所）'),
  );
});

describe('outreach contacts (アウトリーチ)', () => {
  it('records three attempts before consent on a consultation; the latest past next attempt is overdue; audited', async () => {
    const attempt = (body: Record<string, unknown>) =>
      houkatsu.post<OutreachContact>('/api/outreach-contacts', { consultationId, ...body });
    expect(
      (await attempt({ attemptedOn: day(-20), method: 'visit', result: 'noAnswer', nextAttemptOn: day(-13) }))
        .status,
    ).toBe(201);
    expect(
      (
        await attempt({
          attemptedOn: day(-13),
          method: 'letter',
          result: 'letterLeft',
          nextAttemptOn: day(-6),
        })
      ).status,
    ).toBe(201);
    const third = await attempt({
      attemptedOn: day(-6),
      method: 'minsei',
      result: 'heardOf',
      relationship: 'known',
      note: '民生委員から：母が会ってもよいと言っている',
      nextAttemptOn: day(-1),
    });
    expect(third.status).toBe(201);
    expect((await api.server.latestAudit('outreachContact.create'))?.resource_id).toBe(third.body.id);

    const list = await houkatsu.get<{ items: OutreachContact[] }>(
      `/api/outreach-contacts?consultationId=${consultationId}`,
    );
    expect(list.body.items.map((c) => c.method)).toEqual(['minsei', 'letter', 'visit']);
    expect(list.body.items.map((c) => c.overdue)).toEqual([true, false, false]);
    const overdue = await houkatsu.get<{ items: OutreachContact[] }>('/api/outreach-contacts?overdue=true');
    expect(overdue.body.items.map((c) => c.id)).toEqual([third.body.id]);
    expect((await api.server.latestAudit('outreachContact.list'))?.action).toBe('outreachContact.list');
  });

  it('is not seen by an organisation with no part in the consultation (404, nothing listed)', async () => {
    expect((await shogai.get(`/api/outreach-contacts?consultationId=${consultationId}`)).status).toBe(404);
    const all = await shogai.get<{ items: OutreachContact[] }>('/api/outreach-contacts');
    expect(all.body.items.filter((c) => c.consultationId === consultationId)).toEqual([]);
    const refused = await shogai.post('/api/outreach-contacts', {
      consultationId,
      attemptedOn: day(0),
      method: 'visit',
      result: 'noAnswer',
    });
    expect(refused.status).toBe(400);
    expect(problemFields(refused.body)).toEqual(['consultationId']);
  });

  it('refuses an attempt naming both or neither target, or a next attempt before it', async () => {
    const both = await houkatsu.post('/api/outreach-contacts', {
      attemptedOn: day(0),
      method: 'phone',
      result: 'talked',
    });
    expect(problemFields(both.body)).toEqual(['consultationId']);
    const backwards = await houkatsu.post('/api/outreach-contacts', {
      consultationId,
      attemptedOn: day(0),
      method: 'phone',
      result: 'talked',
      nextAttemptOn: day(-1),
    });
    expect(problemFields(backwards.body)).toEqual(['nextAttemptOn']);
  });

  it('moves into the case its consultation’s handover opens: listed with the case, for those taking part in it', async () => {
    const counter = await demoUser(api.server.app, 'houkatsu');
    const taken = await consultation(counter, {
      person: syntheticPerson('移行', '三郎', 'イコウ', 'サブロウ', '1970-07-07', '鹿児島市（架空の住所）'),
      topics: ['withdrawal'],
      content: '（試験用）母から：息子が長くひきこもっている。本人の同意はまだない。',
      consentToShare: false,
      receivedDaysAgo: 30,
      outcome: {
        kind: 'handover',
        reason: '（試験用）訪問による関係づくりが要る。',
        servicesTried: '（試験用）なし',
      },
    });
    const before = await houkatsu.post<OutreachContact>('/api/outreach-contacts', {
      consultationId: taken.id,
      attemptedOn: day(-10),
      method: 'visit',
      result: 'noAnswer',
      nextAttemptOn: day(-3),
    });
    expect(before.body.caseId).toBeNull();
    const coordinator = await api.server.as('coordinator');
    const accepted = await coordinator.post<{ caseId: string }>(
      `/api/handovers/${await handoverIdOf(counter, taken.id)}/accept`,
    );
    expect(accepted.status).toBe(200);
    const { caseId } = accepted.body;
    const ofCase = await coordinator.get<{ items: OutreachContact[] }>(
      `/api/outreach-contacts?caseId=${caseId}`,
    );
    expect(ofCase.body.items.map((c) => [c.id, c.caseId])).toEqual([[before.body.id, caseId]]);
    const after = await coordinator.post<OutreachContact>('/api/outreach-contacts', {
      caseId,
      attemptedOn: day(0),
      method: 'phone',
      result: 'talked',
      relationship: 'known',
    });
    expect(after.status).toBe(201);
    const both = await coordinator.get<{ items: OutreachContact[] }>(
      `/api/outreach-contacts?caseId=${caseId}`,
    );
    // one history: the consultation's attempt is no longer the latest, so no longer overdue
    expect(both.body.items.map((c) => [c.method, c.overdue])).toEqual([
      ['phone', false],
      ['visit', false],
    ]);
    expect((await shogai.get(`/api/outreach-contacts?caseId=${caseId}`)).status).toBe(404);
  });
});
