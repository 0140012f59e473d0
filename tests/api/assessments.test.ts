import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/contract/assessments.ts';
import type { CaseDetail, CaseListItem } from '../../src/contract/cases.ts';
import { demoApi } from '../support/demoApi.ts';
import { addHouseholdMember, createCase, createPerson } from '../support/factories.ts';
import type { ApiClient } from '../support/testServer.ts';

const api = demoApi('coordinator', 'houkatsu', 'hogokansatsu', 'council', 'plan');
const { coordinator, houkatsu, hogokansatsu, council, plan } = api;

const save = (client: ApiClient, caseId: string, body: unknown) =>
  client.request<Assessment>('PUT', `/api/cases/${caseId}/assessment`, body);
const fieldsOf = (body: unknown) =>
  (body as { errors?: { field: string }[] }).errors?.map((e) => e.field) ?? [];

/** A case whose household also holds the person's mother (the 8050 pattern). */
async function householdCase(stage?: 'accepted' | 'closed' | 'suspended' | 'watching') {
  const created = await createCase(api.server.database.db, api.dir, stage ? { stage } : {});
  const mother = await createPerson(api.server.database.db, api.dir, {
    birthDate: '1942-01-10',
    sex: 'female',
  });
  await addHouseholdMember(api.server.database.db, api.dir, created.householdId, mother, 'mother');
  return { ...created, mother };
}

describe('PUT /api/cases/:id/assessment (assessments.save)', () => {
  it('saves 課題整理 as version 1 and moves the case to assessing, with genogram/ecomap data', async () => {
    const { caseId, personId, mother } = await householdCase();
    const houkatsuId = api.dir.organization('地域包括支援センター');
    const response = await save(coordinator, caseId, {
      issues: ['elderlyCare', 'withdrawal', 'financialHardship'],
      householdFlags: ['8050'],
      summary: '80代の母と50代の長男の二人暮らし。長男は20年以上ひきこもり。',
      wishes: '母：自分がいなくなった後の息子が心配。',
      strengths: '母は地域のサロンに通っている。',
      relations: [
        { from: mother, to: personId, kind: 'parentChild' },
        { from: mother, to: houkatsuId, kind: 'supports', note: '月1回の訪問' },
        { from: personId, to: mother, kind: 'conflict' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      caseId,
      version: 1,
      issues: [
        { code: 'elderlyCare', area: 'elderly' },
        { code: 'withdrawal', area: 'relations' },
        { code: 'financialHardship', area: 'poverty' },
      ],
      householdFlags: ['8050'],
      wishes: '母：自分がいなくなった後の息子が心配。',
      relations: [
        { from: mother, to: personId, toKind: 'person', kind: 'parentChild', note: null },
        { from: mother, to: houkatsuId, toKind: 'organization', kind: 'supports', note: '月1回の訪問' },
        { from: personId, to: mother, kind: 'conflict' },
      ],
      recordedBy: { id: api.dir.user('coordinator').id, name: '重層 調整' },
      abilities: { save: true },
    });
    const kase = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(kase.body).toMatchObject({ stage: 'assessing', assessment: { id: response.body.id, version: 1 } });
    expect(kase.body.abilities).toMatchObject({ assess: true, close: true, suspend: false });

    const audit = await api.server.latestAudit('assessment.save');
    expect(audit).toMatchObject({
      resource_id: response.body.id,
      case_id: caseId,
      person_id: personId,
      actor_login_id: 'coordinator',
    });
    expect(audit?.details).toMatchObject({ version: 1, householdFlags: ['8050'], relations: 3 });
    const events = await api.server.database.db
      .selectFrom('case_events')
      .select(['kind', 'summary', 'subject_id'])
      .where('case_id', '=', caseId)
      .execute();
    expect(events).toContainEqual({
      kind: 'assessmentSaved',
      summary: '課題整理（第1版）を記録（世帯類型：8050）',
      subject_id: response.body.id,
    });
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'stageChanged', summary: '段階：受理 → 課題整理中' }),
    );
  });

  it('keeps earlier versions; each save is a new version and the case page shows the latest', async () => {
    const { caseId } = await householdCase();
    expect((await save(coordinator, caseId, { issues: ['dementia'] })).body.version).toBe(1);
    const second = await save(coordinator, caseId, {
      issues: ['dementia', 'isolation'],
      householdFlags: ['9060'],
    });
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);
    const versions = await api.server.database.db
      .selectFrom('assessments')
      .select(['version', 'issues'])
      .where('case_id', '=', caseId)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, issues: ['dementia'] },
      { version: 2, issues: ['dementia', 'isolation'] },
    ]);
    const listed = await coordinator.get<{ items: CaseListItem[] }>('/api/cases?limit=100');
    expect(listed.body.items.find((i) => i.id === caseId)?.householdFlags).toEqual(['9060']);
    // watching stays watching
    const { caseId: watching } = await householdCase('watching');
    await save(coordinator, watching, { issues: ['dementia'] });
    expect((await coordinator.get<CaseDetail>(`/api/cases/${watching}`)).body.stage).toBe('watching');
  });

  it('serialises concurrent saves into distinct versions', async () => {
    const { caseId } = await householdCase();
    const responses = await Promise.all(
      [1, 2, 3].map(() => save(coordinator, caseId, { issues: ['noKin'] })),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(responses.map((r) => r.body.version).sort()).toEqual([1, 2, 3]);
  });

  it('refuses a closed or suspended case with the state machine’s 409', async () => {
    for (const stage of ['closed', 'suspended'] as const) {
      const { caseId } = await householdCase(stage);
      const response = await save(coordinator, caseId, { issues: ['dementia'] });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'case.illegalTransition' });
      const none = await api.server.database.db
        .selectFrom('assessments')
        .select('id')
        .where('case_id', '=', caseId)
        .execute();
      expect(none).toEqual([]);
    }
  });

  it('rejects bad input with 400 naming the field, relation ids outside the case by index', async () => {
    const { caseId, personId, mother } = await householdCase();
    const stranger = await createPerson(api.server.database.db, api.dir);
    const houkatsuId = api.dir.organization('地域包括支援センター');
    const cases: [unknown, string[]][] = [
      [{ issues: [] }, ['issues']],
      [{ issues: ['flu'] }, ['issues.0']],
      [{ issues: ['dementia', 'dementia'] }, ['issues']],
      [{ issues: ['dementia'], householdFlags: ['7040'] }, ['householdFlags.0']],
      [{ issues: ['dementia'], summary: 'あ'.repeat(4001) }, ['summary']],
      [
        { issues: ['dementia'], relations: [{ from: personId, to: mother, kind: 'rival' }] },
        ['relations.0.kind'],
      ],
      [
        { issues: ['dementia'], relations: [{ from: 'x', to: mother, kind: 'spouse' }] },
        ['relations.0.from'],
      ],
      [
        {
          issues: ['dementia'],
          relations: [
            { from: personId, to: mother, kind: 'parentChild' },
            { from: stranger, to: mother, kind: 'conflict' },
            { from: personId, to: stranger, kind: 'distant' },
            { from: mother, to: houkatsuId, kind: 'spouse' },
            { from: houkatsuId, to: mother, kind: 'supports' },
            { from: mother, to: mother, kind: 'distant' },
          ],
        },
        ['relations.1.from', 'relations.2.to', 'relations.3.kind', 'relations.4.from', 'relations.5.to'],
      ],
    ];
    for (const [body, fields] of cases) {
      const response = await save(coordinator, caseId, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      expect(fieldsOf(response.body).sort()).toEqual(fields.sort());
    }
    const stored = await api.server.database.db
      .selectFrom('cases')
      .select('stage')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(stored.stage).toBe('accepted');
  });

  it('is 401 unauthenticated; 404 for caseworkers (no case.coordinate), the uninvolved, council, plan and unknown cases', async () => {
    const { caseId } = await householdCase();
    const body = { issues: ['dementia'] };
    expect((await save(api.server.anonymous(), caseId, body)).status).toBe(401);
    for (const client of [houkatsu, hogokansatsu, council, plan]) {
      expect((await save(client, caseId, body)).status).toBe(404);
    }
    expect((await save(coordinator, '00000000-0000-4000-8000-000000000000', body)).status).toBe(404);
    await expect((await save(coordinator, 'abc', body)).status).toBe(400);
  });

  it('is 403 for a coordinator of another section who can see the case', async () => {
    const admin = await api.server.as('admin');
    await admin.post('/api/users', {
      loginId: 'jiritsu.assess',
      displayName: '自立 調整',
      organizationId: api.dir.organization('自立相談支援機関'),
      roles: ['coordinator'],
      password: 'jiritsu-assess-2026',
    });
    const other = api.server.anonymous();
    expect((await other.signIn('jiritsu.assess', 'jiritsu-assess-2026')).status).toBe(200);
    const { caseId } = await createCase(api.server.database.db, api.dir, {
      participants: [{ organization: '自立相談支援機関', basis: 'referral' }],
    });
    const response = await save(other, caseId, { issues: ['dementia'] });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.forbidden' });
  });
});
