import { describe, expect, it } from 'vitest';
import type { Challenge, RecidivismPlan } from '../../src/contract/recidivismPlan.ts';
import { demoChallenges } from '../../src/db/seed/demo.ts';
import { isCaseDataPermission, type Permission } from '../../src/domain/permissions.ts';
import { demoApi } from '../support/demoApi.ts';
import { latestAudit } from '../support/recidivism.ts';
import { startTestServer } from '../support/testServer.ts';

const api = demoApi('plan', 'council', 'hogo');
const { plan, council, hogo } = api;

describe('GET /api/recidivism-plan (recidivismPlans.get)', () => {
  it('shows the plan with the seed’s 5 challenges, verbatim and in order', async () => {
    const response = await council.get<RecidivismPlan>('/api/recidivism-plan');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: '鹿児島市再犯防止推進計画',
      periodFromFiscalYear: 2022,
      periodToFiscalYear: 2026,
      periodLabel: '令和4年度～令和8年度',
      parentPlan: '第5期鹿児島市地域福祉計画',
      legalBasis: '再犯の防止等の推進に関する法律第8条第1項',
      targetPopulation: '法第2条第1項に定める犯罪をした者等',
      abilities: { manage: false, lockYear: false },
    });
    expect(response.body.challenges.map((c) => [c.position, c.title])).toEqual([
      [1, '国・県・民間団体等との連携強化'],
      [2, '就労・住居の確保'],
      [3, '保健医療・福祉サービスの利用の促進'],
      [4, '非行の防止と、学習支援等の実施'],
      [5, '民間協力者の活動の促進、広報・啓発活動の推進'],
    ]);
    expect(response.body.challenges.map((c) => c.programmeCount)).toEqual([0, 2, 0, 0, 1]);
    expect((await plan.get<RecidivismPlan>('/api/recidivism-plan')).body.abilities.manage).toBe(true);
  });
  it('is 401 unauthenticated and 403 for an administrator (no plan role)', async () => {
    expect((await api.server.anonymous().get('/api/recidivism-plan')).status).toBe(401);
    expect((await (await api.server.as('admin')).get('/api/recidivism-plan')).status).toBe(403);
  });
});

describe('challenges (challenges.list, challenges.update)', () => {
  it('lists the challenges', async () => {
    const response = await hogo.get<{ items: Challenge[] }>('/api/recidivism-plan/challenges');
    expect(response.status).toBe(200);
    expect(response.body.items.map((c) => c.title)).toEqual([...demoChallenges]);
  });

  it('renames, reorders and adds, audited; refuses removing a challenge with programmes', async () => {
    const before = (await plan.get<{ items: Challenge[] }>('/api/recidivism-plan/challenges')).body.items;
    const [c1, c2, c3, c4, c5] = before as [Challenge, Challenge, Challenge, Challenge, Challenge];
    const response = await plan.request<{ items: Challenge[] }>('PUT', '/api/recidivism-plan/challenges', {
      items: [
        { id: c2.id, title: c2.title },
        { id: c1.id, title: '国・県・民間団体等との連携の強化' },
        { id: c3.id, title: c3.title },
        { id: c4.id, title: c4.title },
        { id: c5.id, title: c5.title },
        { title: '地域による包摂の推進' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.items.map((c) => [c.position, c.title])).toEqual([
      [1, '就労・住居の確保'],
      [2, '国・県・民間団体等との連携の強化'],
      [3, '保健医療・福祉サービスの利用の促進'],
      [4, '非行の防止と、学習支援等の実施'],
      [5, '民間協力者の活動の促進、広報・啓発活動の推進'],
      [6, '地域による包摂の推進'],
    ]);
    const audit = await latestAudit(api.server.database.db, 'challenge.update');
    expect(audit?.actor_login_id).toBe('plan');

    const removeInUse = await plan.request('PUT', '/api/recidivism-plan/challenges', {
      items: response.body.items.filter((c) => c.id !== c2.id).map((c) => ({ id: c.id, title: c.title })),
    });
    expect(removeInUse.status).toBe(409);
    expect(removeInUse.body).toMatchObject({ code: 'challenge.inUse' });

    // back to the seed's order, the new one removed (it has no programmes)
    const restored = await plan.request<{ items: Challenge[] }>('PUT', '/api/recidivism-plan/challenges', {
      items: before.map((c) => ({ id: c.id, title: c.title })),
    });
    expect(restored.status).toBe(200);
    expect(restored.body.items.map((c) => c.title)).toEqual([...demoChallenges]);
  });

  it('refuses bad input (400 naming the field), other roles (403) and anonymous (401)', async () => {
    const bad = await plan.request('PUT', '/api/recidivism-plan/challenges', {
      items: [{ id: '00000000-0000-4000-8000-000000000000', title: 'x' }, { title: '' }],
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toContain('items.1.title');
    const unknown = await plan.request('PUT', '/api/recidivism-plan/challenges', {
      items: [{ id: '00000000-0000-4000-8000-000000000000', title: 'x' }],
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { errors: { field: string }[] }).errors[0]?.field).toBe('items.0.id');
    expect(
      (await council.request('PUT', '/api/recidivism-plan/challenges', { items: [{ title: 'x' }] })).status,
    ).toBe(403);
    expect(
      (
        await api.server
          .anonymous()
          .request('PUT', '/api/recidivism-plan/challenges', { items: [{ title: 'x' }] })
      ).status,
    ).toBe(401);
  });
});

describe('GET /api/public/programmes (publicProgrammes.list)', () => {
  it('serves the catalogue without sign-in', async () => {
    const response = await api.server.anonymous().get<{
      plan: { name: string };
      challenges: { title: string; programmes: { name: string; section: string }[] }[];
    }>('/api/public/programmes?tenant=kagoshima');
    expect(response.status).toBe(200);
    expect(response.body.plan.name).toBe('鹿児島市再犯防止推進計画');
    expect(response.body.challenges[1]?.programmes.map((p) => [p.name, p.section])).toEqual([
      ['協力雇用主等に対する優遇措置', '契約課'],
      ['生活困窮者自立支援事業', '保護第一課'],
    ]);
    expect((await api.server.anonymous().get('/api/public/programmes?tenant=nowhere')).status).toBe(404);
  });
  it('names no municipality by itself when the installation holds two (the test data has 霧島市 too)', async () => {
    expect((await api.server.anonymous().get('/api/public/programmes')).status).toBe(404);
    const other = await api.server
      .anonymous()
      .get<{ plan: { name: string } }>('/api/public/programmes?tenant=kirishima');
    expect(other.body.plan.name).toBe('霧島市再犯防止推進計画（試験）');
  });
  it('is off (404) with KASANE_PUBLIC_CATALOGUE=false', async () => {
    const closed = await startTestServer({ KASANE_PUBLIC_CATALOGUE: 'false' });
    try {
      expect((await closed.anonymous().get('/api/public/programmes')).status).toBe(404);
    } finally {
      await closed.close();
    }
  });
});

interface Operation {
  operationId: string;
  'x-kasane-access'?: { permission: Permission } | string;
}

describe('case data is out of reach of council members and plan officers', () => {
  it('answers 404 to every case-data operation of the OpenAPI document, for council and plan', async () => {
    const document = await api.server
      .anonymous()
      .get<{ paths: Record<string, Record<string, Operation>> }>('/api/openapi.json');
    const operations = Object.entries(document.body.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method, path, operation })),
    );
    const caseData = operations.filter(({ operation }) => {
      const access = operation['x-kasane-access'];
      return typeof access === 'object' && isCaseDataPermission(access.permission);
    });
    expect(caseData.length).toBeGreaterThan(30);
    for (const client of [council, plan]) {
      for (const { method, path, operation } of caseData) {
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await client.request(
          method.toUpperCase(),
          url,
          ['get', 'head', 'delete'].includes(method) ? undefined : {},
        );
        expect(response.status, `${operation.operationId} ${method.toUpperCase()} ${url}`).toBe(404);
      }
    }
  });
});
