import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Programme } from '../../src/contract/recidivismPlan.ts';
import { demoApi } from '../support/demoApi.ts';
import { latestAudit } from '../support/recidivism.ts';

const api = demoApi('plan', 'hogo', 'council');
const { plan, hogo, council } = api;

let programmes: Record<string, Programme>;

interface ProgressList {
  fiscalYear: number;
  fiscalYearLabel: string;
  lock: { lockedBy: { displayName: string; organization: string }; lockedAt: string } | null;
  evaluationScale: { code: string; label: string }[];
  items: {
    programme: { id: string; name: string };
    progress: { statusText: string; resultValue: number | null; evaluation: { code: string } | null } | null;
    abilities: { edit: boolean };
    automaticIndicators: { code: string; value: number | string }[];
  }[];
  abilities: { lockYear: boolean };
}

beforeAll(async () => {
  const items = (await plan.get<{ items: Programme[] }>('/api/programmes')).body.items;
  programmes = Object.fromEntries(items.map((p) => [p.responsibleSection.name, p]));
});

const progress = {
  statusText: '（試験）相談支援 120件、就労支援 30件を実施した。',
  resultValue: 120,
  resultUnit: '件',
  evaluation: 'B',
  issuesDirection: '（試験）関係機関との連携を強める。',
};

describe('PUT /api/programmes/:id/progress/:fiscalYear (programmeProgress.save)', () => {
  it('lets the responsible section record its programme’s progress, audited', async () => {
    const id = programmes.保護第一課?.id;
    const response = await hogo.request('PUT', `/api/programmes/${id}/progress/2024`, progress);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      fiscalYear: 2024,
      statusText: progress.statusText,
      resultValue: 120,
      resultUnit: '件',
      evaluation: { code: 'B', label: '概ね計画どおり実施' },
      updatedBy: { displayName: '保護 担当' },
    });
    const audit = await latestAudit(api.server.database.db, 'programmeProgress.save');
    expect(audit).toMatchObject({ resource_id: id, actor_login_id: 'hogo' });
    // saving again updates the same row
    const again = await hogo.request('PUT', `/api/programmes/${id}/progress/2024`, {
      ...progress,
      resultValue: 125,
    });
    expect(again.body).toMatchObject({ resultValue: 125 });
  });

  it('refuses another section’s programme (403), council members (403), anonymous (401)', async () => {
    const other = programmes.契約課?.id;
    expect((await hogo.request('PUT', `/api/programmes/${other}/progress/2024`, progress)).status).toBe(403);
    expect((await council.request('PUT', `/api/programmes/${other}/progress/2024`, progress)).status).toBe(
      403,
    );
    expect(
      (await api.server.anonymous().request('PUT', `/api/programmes/${other}/progress/2024`, progress))
        .status,
    ).toBe(401);
    // the plan officer reviews and may correct any programme
    expect((await plan.request('PUT', `/api/programmes/${other}/progress/2024`, progress)).status).toBe(200);
  });

  it('refuses bad input: a year outside the plan, an unknown grade, a value without unit, an unknown programme', async () => {
    const id = programmes.保護第一課?.id;
    const outside = await hogo.request('PUT', `/api/programmes/${id}/progress/2030`, progress);
    expect(outside.status).toBe(400);
    expect((outside.body as { detail: string }).detail).toContain('令和4年度～令和8年度');
    const grade = await hogo.request('PUT', `/api/programmes/${id}/progress/2024`, {
      ...progress,
      evaluation: 'Z',
    });
    expect(grade.status).toBe(400);
    expect((grade.body as { errors: { field: string }[] }).errors[0]?.field).toBe('evaluation');
    const unit = await hogo.request('PUT', `/api/programmes/${id}/progress/2024`, {
      ...progress,
      resultUnit: null,
    });
    expect((unit.body as { errors: { field: string }[] }).errors[0]?.field).toBe('resultUnit');
    const notNumber = await hogo.request('PUT', `/api/programmes/${id}/progress/2024`, {
      ...progress,
      resultValue: '多数',
    });
    expect((notNumber.body as { errors: { field: string }[] }).errors[0]?.field).toBe('resultValue');
    expect(
      (
        await hogo.request(
          'PUT',
          '/api/programmes/00000000-0000-4000-8000-000000000000/progress/2024',
          progress,
        )
      ).status,
    ).toBe(404);
  });
});

describe('year locking (programmeProgress.lockYear, programmeProgress.list)', () => {
  it('lists a 年度 with what each caller may edit', async () => {
    const response = await hogo.get<ProgressList>('/api/programme-progress?fiscalYear=2024');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ fiscalYear: 2024, fiscalYearLabel: '令和6年度', lock: null });
    expect(response.body.evaluationScale.map((g) => g.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(
      response.body.items.map((i) => [i.programme.name, i.abilities.edit, i.progress?.resultValue ?? null]),
    ).toEqual([
      ['協力雇用主等に対する優遇措置', false, 120],
      ['生活困窮者自立支援事業', true, 125],
      ['社会を明るくする運動への参加', false, null],
    ]);
    // 協力雇用主 of the directory count in 「協力雇用主等に対する優遇措置」 beside the entered progress:
    // the directory count as it is, persons placed with them (casework) under 5 as 「5未満」
    const employers = await api.server.database.db
      .selectFrom('resources')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(sql<boolean>`'cooperatingEmployer' = ANY(kinds)`)
      .where('status', 'in', ['active', 'temporarily closed'])
      .where(
        'tenant_id',
        '=',
        (
          await api.server.database.db
            .selectFrom('tenants')
            .select('id')
            .where('code', '=', 'kagoshima')
            .executeTakeFirstOrThrow()
        ).id,
      )
      .executeTakeFirstOrThrow();
    expect(Number(employers.n)).toBeGreaterThanOrEqual(4);
    expect(response.body.items.map((i) => i.automaticIndicators)).toEqual([
      [
        { code: 'cooperatingEmployers', label: '社会資源に登録された協力雇用主', value: Number(employers.n) },
        { code: 'placedWithCooperatingEmployers', label: '協力雇用主での参加支援（人）', value: 0 },
      ],
      [],
      [],
    ]);
    expect(response.body.abilities.lockYear).toBe(false);
    expect(
      (await plan.get<ProgressList>('/api/programme-progress?fiscalYear=2024')).body.abilities.lockYear,
    ).toBe(true);
    expect((await plan.get('/api/programme-progress?fiscalYear=abc')).status).toBe(400);
    expect((await api.server.anonymous().get('/api/programme-progress?fiscalYear=2024')).status).toBe(401);
  });

  it('locks a year: saving is refused with 409, the lock shows who locked it, locking again is 409', async () => {
    expect((await hogo.post('/api/programme-progress/2024/lock')).status).toBe(403);
    expect((await council.post('/api/programme-progress/2024/lock')).status).toBe(403);
    const locked = await plan.post('/api/programme-progress/2024/lock');
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({
      fiscalYear: 2024,
      lockedBy: { displayName: '計画 担当', organization: '地域福祉課' },
    });
    expect((await latestAudit(api.server.database.db, 'programmeProgress.lockYear'))?.details).toMatchObject({
      fiscalYear: 2024,
    });

    const id = programmes.保護第一課?.id;
    const refused = await hogo.request('PUT', `/api/programmes/${id}/progress/2024`, progress);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'progress.yearLocked' });
    expect((refused.body as { detail: string }).detail).toContain('計画 担当');
    expect((await plan.request('PUT', `/api/programmes/${id}/progress/2024`, progress)).status).toBe(409);

    const list = await council.get<ProgressList>('/api/programme-progress?fiscalYear=2024');
    expect(list.body.lock).toMatchObject({
      lockedBy: { displayName: '計画 担当', organization: '地域福祉課' },
    });
    expect(list.body.items.every((i) => !i.abilities.edit)).toBe(true);
    expect((await plan.post('/api/programme-progress/2024/lock')).status).toBe(409);
    expect((await plan.post('/api/programme-progress/2040/lock')).status).toBe(400);

    // other years stay open
    expect((await hogo.request('PUT', `/api/programmes/${id}/progress/2025`, progress)).status).toBe(200);
  });
});

interface Unlock {
  fiscalYear: number;
  lockedBy: { displayName: string };
  unlockedBy: { displayName: string; organization: string };
  unlockedAt: string;
  reason: string;
}

describe('POST /api/programme-progress/:fiscalYear/unlock (programmeProgress.unlockYear)', () => {
  it('opens a locked year again with a reason, audited; the list shows who unlocked it and editing works again', async () => {
    expect((await hogo.post('/api/programme-progress/2024/unlock', { reason: '訂正' })).status).toBe(403);
    expect((await council.post('/api/programme-progress/2024/unlock', { reason: '訂正' })).status).toBe(403);
    expect(
      (await api.server.anonymous().post('/api/programme-progress/2024/unlock', { reason: '訂正' })).status,
    ).toBe(401);
    const missing = await plan.post('/api/programme-progress/2024/unlock', { reason: '' });
    expect(missing.status).toBe(400);
    expect((missing.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['reason']);

    const response = await plan.post<Unlock>('/api/programme-progress/2024/unlock', {
      reason: '保護第一課から実績値の訂正依頼があったため',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      fiscalYear: 2024,
      lockedBy: { displayName: '計画 担当' },
      unlockedBy: { displayName: '計画 担当', organization: '地域福祉課' },
      reason: '保護第一課から実績値の訂正依頼があったため',
    });
    const audit = await latestAudit(api.server.database.db, 'programmeProgress.unlockYear');
    expect(audit).toMatchObject({ actor_login_id: 'plan', resource_type: 'recidivismPlan' });
    expect(audit?.details).toMatchObject({
      fiscalYear: 2024,
      reason: '保護第一課から実績値の訂正依頼があったため',
    });

    const list = await hogo.get<ProgressList & { lastUnlock: Unlock | null }>(
      '/api/programme-progress?fiscalYear=2024',
    );
    expect(list.body.lock).toBeNull();
    expect(list.body.lastUnlock).toMatchObject({ unlockedBy: { displayName: '計画 担当' } });
    const id = programmes.保護第一課?.id;
    expect((await hogo.request('PUT', `/api/programmes/${id}/progress/2024`, progress)).status).toBe(200);

    // unlocking an open year is a conflict; a year outside the plan is bad input
    const open = await plan.post('/api/programme-progress/2024/unlock', { reason: '再度' });
    expect(open.status).toBe(409);
    expect(open.body).toMatchObject({ code: 'progress.yearNotLocked' });
    expect((await plan.post('/api/programme-progress/2040/unlock', { reason: '再度' })).status).toBe(400);
    // locked again: the lock is the new one
    expect((await plan.post('/api/programme-progress/2024/lock')).status).toBe(200);
    expect((await plan.get<ProgressList>('/api/programme-progress?fiscalYear=2024')).body.abilities).toEqual({
      lockYear: false,
      unlockYear: true,
    });
  });
});

describe('the 評価 scale (evaluationScale.get, evaluationScale.update)', () => {
  type Scale = { items: { code: string; label: string }[]; abilities: { update: boolean } };

  it('reads the scale for everyone on the plan side; only the plan officer may change it', async () => {
    const read = await hogo.get<Scale>('/api/evaluation-scale');
    expect(read.status).toBe(200);
    expect(read.body.items.map((g) => g.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(read.body.abilities.update).toBe(false);
    expect((await plan.get<Scale>('/api/evaluation-scale')).body.abilities.update).toBe(true);
    expect((await council.get('/api/evaluation-scale')).status).toBe(200);
    expect((await api.server.anonymous().get('/api/evaluation-scale')).status).toBe(401);
    expect(
      (await hogo.request('PUT', '/api/evaluation-scale', { items: [{ code: 'A', label: 'x' }] })).status,
    ).toBe(403);
  });

  it('renames, reorders and adds grades, audited; refuses removing a grade in use (409) and bad input (400)', async () => {
    const before = (await plan.get<Scale>('/api/evaluation-scale')).body.items;
    const items = [
      { code: 'S', label: '計画を上回って実施' },
      ...before.map((g) => (g.code === 'A' ? { code: 'A', label: '計画どおり実施' } : g)),
    ];
    const updated = await plan.request<Scale>('PUT', '/api/evaluation-scale', { items });
    expect(updated.status).toBe(200);
    expect(updated.body.items.map((g) => g.code)).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(updated.body.items[1]).toEqual({ code: 'A', label: '計画どおり実施' });
    expect((await latestAudit(api.server.database.db, 'evaluationScale.update'))?.details).toMatchObject({
      after: items,
    });
    // the new grade can be used at once
    const id = programmes.保護第一課?.id;
    expect(
      (await hogo.request('PUT', `/api/programmes/${id}/progress/2025`, { ...progress, evaluation: 'S' }))
        .status,
    ).toBe(200);

    // 'S' is now used by 2025's progress
    const inUse = await plan.request('PUT', '/api/evaluation-scale', { items: items.slice(1) });
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({ code: 'evaluationScale.inUse' });
    expect((inUse.body as { detail: string }).detail).toContain('S');
    // unused 'D' may go
    const without = await plan.request<Scale>('PUT', '/api/evaluation-scale', {
      items: items.filter((g) => g.code !== 'D'),
    });
    expect(without.status).toBe(200);
    expect(without.body.items.map((g) => g.code)).toEqual(['S', 'A', 'B', 'C']);

    const duplicate = await plan.request('PUT', '/api/evaluation-scale', {
      items: [
        { code: 'A', label: 'x' },
        { code: 'A', label: 'y' },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(JSON.stringify(duplicate.body)).toContain('同じ評価の記号が重複しています');
    const empty = await plan.request('PUT', '/api/evaluation-scale', { items: [{ code: '', label: '' }] });
    expect(empty.status).toBe(400);
    expect((empty.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'items.0.code',
      'items.0.label',
    ]);
    expect((await plan.get<Scale>('/api/evaluation-scale')).body.items.map((g) => g.code)).toEqual([
      'S',
      'A',
      'B',
      'C',
    ]);
  });
});
