import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/contract/problem.ts';
import { demoApi } from '../support/demoApi.ts';
import { createConsultation } from '../support/factories.ts';
import { type ApiClient, auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('houkatsu', 'hogokansatsu');
const { houkatsu, hogokansatsu } = api;

/**
 * 相談一覧's filters (consultations.list): 受付日 from/to, 受付機関, 相談経路, 相談内容, 対応 and 状態,
 * applied inside the list's visibility (own consultations and those referred to us). Synthetic people only.
 */

/** 包括's own: 来所 about 家族・介護 (main 介護), handled by 包括, in September. */
let september: string;
/** 包括's own: 電話 about 債務, passed on to another agency, in October. */
let october: string;
/** 障害者相談支援事業所's, referred to 包括 (pending), in October. */
let referredIn: string;

type List = { items: { id: string; direction: string; organization: { id: string } }[] };

const idsOf = async (client: ApiClient, query: Record<string, string>) => {
  const response = await client.get<List>(
    `/api/consultations?${new URLSearchParams({ limit: '100', ...query })}`,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.items.map((item) => item.id).sort();
};
const sorted = (...ids: string[]) => [...ids].sort();

beforeAll(async () => {
  const db = api.server.database.db;
  september = (await createConsultation(db, api.dir, { receivedOn: '2026-09-10' })).consultationId;
  october = (await createConsultation(db, api.dir, { receivedOn: '2026-10-15', outcome: 'referral' }))
    .consultationId;
  await db
    .updateTable('consultations')
    .set({ channel: 'phone', topics: ['debt'], main_topic: 'debt' })
    .where('id', '=', october)
    .execute();
  const shogai = await createConsultation(db, api.dir, {
    organization: '障害者相談支援事業所',
    receivedOn: '2026-10-20',
    outcome: 'referral',
    status: 'referred',
  });
  referredIn = shogai.consultationId;
  await db
    .insertInto('referrals')
    .values({
      id: randomUUID(),
      tenant_id: api.dir.tenantId,
      consultation_id: referredIn,
      from_organization_id: shogai.organizationId,
      to_organization_id: api.dir.organization('地域包括支援センター'),
      note: null,
      legal_basis: 'consent',
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decline_reason: null,
    })
    .execute();
}, 60_000);

describe('consultations.list filters', () => {
  it('narrows by 受付日 (both ends included)', async () => {
    expect(await idsOf(houkatsu, {})).toEqual(sorted(september, october, referredIn));
    expect(await idsOf(houkatsu, { from: '2026-10-01' })).toEqual(sorted(october, referredIn));
    expect(await idsOf(houkatsu, { to: '2026-09-10' })).toEqual([september]);
    expect(await idsOf(houkatsu, { from: '2026-10-15', to: '2026-10-15' })).toEqual([october]);
  });

  it('narrows by 相談経路, by any 相談内容 circled (not only the main one), by 対応 and by 状態', async () => {
    expect(await idsOf(houkatsu, { channel: 'phone' })).toEqual([october]);
    expect(await idsOf(houkatsu, { topic: 'family' })).toEqual(sorted(september, referredIn));
    expect(await idsOf(houkatsu, { topic: 'debt' })).toEqual([october]);
    expect(await idsOf(houkatsu, { outcome: 'referral' })).toEqual(sorted(october, referredIn));
    expect(await idsOf(houkatsu, { outcome: 'referral', status: 'referred' })).toEqual([referredIn]);
    expect(await idsOf(houkatsu, { channel: 'visit', topic: 'care', from: '2026-10-01' })).toEqual([
      referredIn,
    ]);
  });

  it('narrows by 受付機関 within what the caller may see, and audits the filter', async () => {
    const ownId = api.dir.organization('地域包括支援センター');
    const shogaiId = api.dir.organization('障害者相談支援事業所');
    expect(await idsOf(houkatsu, { organizationId: ownId })).toEqual(sorted(september, october));
    expect(await idsOf(houkatsu, { organizationId: shogaiId })).toEqual([referredIn]);
    expect(auditDetails(await api.server.latestAudit('consultation.list'))).toMatchObject({
      query: { organizationId: shogaiId },
      ids: [referredIn],
    });
    // an organisation that neither took nor was referred them finds nothing by naming the counter
    expect(await idsOf(hogokansatsu, { organizationId: ownId })).toEqual([]);
    expect(await idsOf(hogokansatsu, { organizationId: shogaiId, topic: 'family' })).toEqual([]);
  });

  it('refuses bad filter values with 400 problem+json in Japanese, naming the field', async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ from: '2026-13-01' }, 'クエリ.from', /受付日（開始）/],
      [{ to: '令和8年' }, 'クエリ.to', /受付日（終了）/],
      [{ from: '2026-10-02', to: '2026-10-01' }, 'クエリ.to', /受付日（終了）は受付日（開始）/],
      [{ organizationId: 'houkatsu' }, 'クエリ.organizationId', /受付機関/],
      [{ channel: 'fax' }, 'クエリ.channel', /相談経路/],
      [{ topic: 'weather' }, 'クエリ.topic', /相談内容/],
      [{ outcome: 'lost' }, 'クエリ.outcome', /対応/],
    ];
    for (const [query, field, message] of cases) {
      const response = await houkatsu.get<Problem>(`/api/consultations?${new URLSearchParams(query)}`);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect([...new Set(problemFields(response.body))], JSON.stringify(query)).toEqual([field]);
      expect(response.body.errors?.[0]?.message).toMatch(message);
    }
  });
});
