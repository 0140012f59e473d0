import Encoding from 'encoding-japanese';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, AuditEventList } from '../../src/contract/auditEvents.ts';
import type { Problem } from '../../src/contract/problem.ts';
import { EXPORT_LIMIT } from '../../src/server/exportRateLimit.ts';
import { demoApi } from '../support/demoApi.ts';
import { createCase, demoDirectory } from '../support/factories.ts';
import { type ApiClient, auditDetails, problemFields, startTestServer } from '../support/testServer.ts';

const api = demoApi('auditor', 'coordinator', 'houkatsu', 'shogai', 'council');
const { auditor, coordinator, houkatsu, shogai, council } = api;

let kase: Awaited<ReturnType<typeof createCase>>;

/** A second user with the given role, so a rate-limit test spends its own budget. */
async function extraUser(loginId: string, role: string, organization: string): Promise<ApiClient> {
  const admin = await api.server.as('admin');
  const password = 'audit-export-試験用-2026';
  const created = await admin.post('/api/users', {
    loginId,
    displayName: `試験 ${loginId}`,
    organizationId: api.dir.organization(organization),
    roles: [role],
    password,
  });
  expect(created.status).toBe(201);
  const client = api.server.anonymous();
  expect((await client.signIn(loginId, password)).status).toBe(200);
  return client;
}

async function download(client: ApiClient, url: string) {
  const response = await fetch(new URL(url, api.server.url), { headers: { cookie: client.cookie ?? '' } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** The person's 氏名 and the case number as the auditor should read them. */
async function caseNames() {
  const row = await api.server.database.db
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.primary_person_id')
    .select(['c.case_number', 'p.family_name', 'p.given_name'])
    .where('c.id', '=', kase.caseId)
    .executeTakeFirstOrThrow();
  return { caseNumber: row.case_number, personName: `${row.family_name} ${row.given_name}` };
}

const list = (client: ApiClient, query: string) => client.get<AuditEventList>(`/api/audit-events?${query}`);

/** Today's date in Asia/Tokyo, and the day before and after. */
const tokyoDate = (offsetDays = 0) =>
  new Date(Date.now() + 9 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  kase = await createCase(api.server.database.db, api.dir);
  // the counter that took the consultation reads the case: a read of personal data, audited
  expect((await houkatsu.get(`/api/cases/${kase.caseId}`)).status).toBe(200);
  expect((await coordinator.get(`/api/cases/${kase.caseId}/timeline`)).status).toBe(200);
});

describe('GET /api/audit-events (auditEvents.list)', () => {
  it('lists events newest first with the actor’s name and organisation, the person’s name and the case number', async () => {
    const response = await list(auditor, 'action=case.read');
    expect(response.status).toBe(200);
    const event = response.body.items.find((e) => e.caseId === kase.caseId) as AuditEvent;
    const names = await caseNames();
    expect(event).toMatchObject({
      action: 'case.read',
      resourceType: 'case',
      resourceId: kase.caseId,
      personId: kase.personId,
      person: { id: kase.personId, name: names.personName },
      case: { id: kase.caseId, caseNumber: names.caseNumber },
      user: { id: api.dir.user('houkatsu').id, loginId: 'houkatsu' },
      organization: { id: api.dir.organization('地域包括支援センター'), name: '地域包括支援センター' },
      ip: '127.0.0.1',
    });
    expect(event.user?.displayName).toBeTruthy();
    expect(response.body.items.every((e) => e.action === 'case.read')).toBe(true);
    const seqs = response.body.items.map((e) => BigInt(e.seq));
    expect([...seqs].sort((a, b) => (a > b ? -1 : 1))).toEqual(seqs);
  });

  it('filters by user, organisation, person, case and several actions', async () => {
    const byUser = await list(auditor, `userId=${api.dir.user('coordinator').id}&limit=100`);
    expect(byUser.body.items.length).toBeGreaterThan(0);
    expect(byUser.body.items.every((e) => e.user?.id === api.dir.user('coordinator').id)).toBe(true);

    const byOrg = await list(
      auditor,
      `organizationId=${api.dir.organization('地域包括支援センター')}&limit=100`,
    );
    expect(byOrg.body.items.map((e) => e.action)).toContain('case.read');
    expect(byOrg.body.items.every((e) => e.organization?.name === '地域包括支援センター')).toBe(true);

    const byCase = await list(auditor, `caseId=${kase.caseId}&action=case.read&action=case.timeline`);
    expect(byCase.body.items.map((e) => e.action).sort()).toEqual(['case.read', 'case.timeline']);
    const comma = await list(auditor, `caseId=${kase.caseId}&action=case.read,case.timeline`);
    expect(comma.body.items.map((e) => e.id).sort()).toEqual(byCase.body.items.map((e) => e.id).sort());

    const byPerson = await list(auditor, `personId=${kase.personId}`);
    expect(byPerson.body.items.length).toBeGreaterThanOrEqual(2);
    expect(byPerson.body.items.every((e) => e.personId === kase.personId)).toBe(true);
  });

  it('filters by a period of Tokyo calendar days (to inclusive)', async () => {
    const today = await list(auditor, `caseId=${kase.caseId}&from=${tokyoDate()}&to=${tokyoDate()}`);
    expect(today.body.items.length).toBe(2);
    const past = await list(auditor, `caseId=${kase.caseId}&from=${tokyoDate(-3)}&to=${tokyoDate(-1)}`);
    expect(past.body.items).toEqual([]);
    const future = await list(auditor, `caseId=${kase.caseId}&from=${tokyoDate(1)}`);
    expect(future.body.items).toEqual([]);
  });

  it('pages with a keyset cursor, without repeating or skipping events', async () => {
    const all = await list(auditor, 'limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        auditor,
        `limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 12);
    // events recorded while paging (the list views themselves) are newer than the first page: none repeat
    expect(new Set(seen).size).toBe(seen.length);
    const older = all.body.items.map((e) => e.id).filter((id) => seen.includes(id));
    expect(older.length).toBeGreaterThan(5);
  });

  it('audits the viewing of the trail with the filters used', async () => {
    await list(auditor, `caseId=${kase.caseId}&action=case.read&from=2026-01-01`);
    const event = await api.server.latestAudit('auditEvent.list');
    expect(event?.actor_user_id).toBe(api.dir.user('auditor').id);
    expect(auditDetails(event).filter).toEqual({
      caseId: kase.caseId,
      action: ['case.read'],
      from: '2026-01-01',
    });
  });

  it('refuses bad input with the field named (400)', async () => {
    const period = await list(auditor, 'from=2026-11-10&to=2026-11-01');
    expect(period.status).toBe(400);
    expect(period.headers.get('content-type')).toContain('application/problem+json');
    expect(problemFields(period.body)).toEqual(['クエリ.to']);
    expect((period.body as unknown as Problem).detail).toContain('期間');

    const date = await list(auditor, 'from=2026-02-30');
    expect(date.status).toBe(400);
    expect(problemFields(date.body)).toEqual(['クエリ.from']);

    const action = await list(auditor, 'action=case.read,case.burn');
    expect(action.status).toBe(400);
    expect(problemFields(action.body)[0]).toMatch(/^クエリ\.action/);
    expect((action.body as unknown as Problem).detail).toContain('操作の種類');

    expect(problemFields((await list(auditor, 'userId=nobody')).body)).toEqual(['クエリ.userId']);
    expect((await list(auditor, 'cursor=bm9wZQ')).status).toBe(400);
    expect(problemFields((await list(auditor, 'limit=0')).body)).toEqual(['クエリ.limit']);
  });

  it('is for the auditor only: 401 anonymous, 403 for other roles (not case data)', async () => {
    expect((await api.server.anonymous().get('/api/audit-events')).status).toBe(401);
    expect((await coordinator.get('/api/audit-events')).status).toBe(403);
    expect((await council.get('/api/audit-events')).status).toBe(403);
    expect((await houkatsu.get('/api/audit-events/export')).status).toBe(403);
  });
});

describe('GET /api/audit-events/export (auditEvents.export)', () => {
  it('downloads the filtered trail as CSV in UTF-8 with a BOM, and audits the export', async () => {
    const file = await download(auditor, `/api/audit-events/export?caseId=${kase.caseId}&action=case.read`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''%E7%9B%A3%E6%9F%BB");
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      '時刻（日本時間）,ログインID,利用者,所属,操作,操作コード,対象の種類,対象ID,対象の名前,本人,本人ID,事例番号,事例ID,法的根拠,目的・理由,接続元,詳細',
    );
    expect(lines).toHaveLength(2);
    const cells = lines[1]?.split(',') ?? [];
    const names = await caseNames();
    expect(cells[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(cells.slice(1, 2)).toEqual(['houkatsu']);
    expect(cells[3]).toBe('地域包括支援センター');
    expect(cells[4]).toBe('事例の閲覧');
    expect(cells[5]).toBe('case.read');
    expect(cells[6]).toBe('事例');
    expect(cells[9]).toBe(names.personName);
    expect(cells[10]).toBe(kase.personId);
    expect(cells[11]).toBe(names.caseNumber);
    expect(cells[12]).toBe(kase.caseId);
    const event = await api.server.latestAudit('auditEvent.export');
    expect(event?.actor_user_id).toBe(api.dir.user('auditor').id);
    expect(auditDetails(event)).toMatchObject({
      filter: { caseId: kase.caseId, action: ['case.read'] },
      format: 'csv',
      encoding: 'utf-8',
      rows: 1,
    });
  });

  it('writes Shift_JIS for older Excel', async () => {
    const file = await download(auditor, `/api/audit-events/export?caseId=${kase.caseId}&encoding=shift_jis`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    expect(Encoding.detect(file.bytes)).toBe('SJIS');
    const text = Encoding.codeToString(Encoding.convert(file.bytes, { to: 'UNICODE', from: 'SJIS' }));
    expect(text).toContain('事例の閲覧');
    expect(text).toContain('支援経過の閲覧');
  });

  it('refuses bad input (400 naming the field), anonymous (401) and other roles (403)', async () => {
    const bad = await auditor.get('/api/audit-events/export?format=xlsx');
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(['クエリ.format']);
    expect(problemFields((await auditor.get('/api/audit-events/export?encoding=euc')).body)).toEqual([
      'クエリ.encoding',
    ]);
    expect(problemFields((await auditor.get('/api/audit-events/export?action=nope')).body)[0]).toMatch(
      /^クエリ\.action/,
    );
    expect((await api.server.anonymous().get('/api/audit-events/export')).status).toBe(401);
    expect((await coordinator.get('/api/audit-events/export')).status).toBe(403);
  });

  it(`allows ${EXPORT_LIMIT} exports per user in 10 minutes, shared with the disclosure export, then 429`, async () => {
    const second = await extraUser('auditor.two', 'auditor', '地域福祉課');
    for (let i = 0; i < EXPORT_LIMIT - 2; i++) {
      expect((await download(second, '/api/audit-events/export?action=case.read')).status).toBe(200);
    }
    for (let i = 0; i < 2; i++) {
      expect((await second.get(`/api/persons/${kase.personId}/disclosure?format=json`)).status).toBe(200);
    }
    const refused = await second.get<Problem>('/api/audit-events/export');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('export.rateLimited');
    expect(refused.body.detail).toContain('10分間に10回まで');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect((await second.get(`/api/persons/${kase.personId}/disclosure`)).status).toBe(429);
    // another user's budget is their own
    expect((await download(auditor, '/api/audit-events/export?action=print')).status).toBe(200);
  });

  it('limits the plan appendix and council paper exports through the same module', async () => {
    const plan = await api.server.as('plan');
    for (let i = 0; i < EXPORT_LIMIT; i++) {
      expect((await download(plan, '/api/recidivism-plan/appendix?format=csv')).status).toBe(200);
    }
    const refused = await plan.get<Problem>('/api/recidivism-plan/appendix?format=csv');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('export.rateLimited');
  });
});

describe('an export larger than the bound', () => {
  it('is refused with 400 asking to narrow the filter, and a narrower one passes', async () => {
    const small = await startTestServer({ KASANE_AUDIT_EXPORT_MAX_ROWS: '3' });
    try {
      const client = await small.as('auditor');
      const houkatsuThere = await small.as('houkatsu');
      for (let i = 0; i < 4; i++) expect((await houkatsuThere.get('/api/cases?limit=5')).status).toBe(200);
      const refused = await client.get<Problem>('/api/audit-events/export?action=case.list');
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('export.tooLarge');
      expect(refused.body.detail).toContain('3件まで');
      expect(refused.body.detail).toContain('絞り込んで');
      expect(problemFields(refused.body)).toEqual(['クエリ.from']);
      expect(await small.latestAudit('auditEvent.export')).toBeUndefined();
      const narrow = await client.get<string>(
        `/api/audit-events/export?action=session.signIn&userId=${(await demoDirectory(small.database.db)).user('houkatsu').id}`,
      );
      expect(narrow.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('denied access (access.denied)', () => {
  it('a non-participant’s GET of a case is 404 and an access.denied event', async () => {
    const response = await shogai.get(`/api/cases/${kase.caseId}`);
    expect(response.status).toBe(404);
    const event = await api.server.latestAudit('access.denied');
    expect(event?.actor_user_id).toBe(api.dir.user('shogai').id);
    expect(event?.actor_organization_id).toBe(api.dir.organization('障害者相談支援事業所'));
    expect(event?.resource_id).toBe('cases.get');
    expect(auditDetails(event)).toMatchObject({
      operationId: 'cases.get',
      method: 'GET',
      params: { id: kase.caseId },
      status: 404,
      code: 'notFound',
    });
    // it carries the case and person it aimed at, so the auditor filtering by the case sees it …
    expect(event?.case_id).toBe(kase.caseId);
    expect(event?.person_id).toBe(kase.personId);
    const byCase = await list(auditor, `caseId=${kase.caseId}&action=access.denied`);
    expect(byCase.body.items.map((e) => e.id)).toContain(event?.id);
    expect(byCase.body.items.find((e) => e.id === event?.id)).toMatchObject({
      user: { loginId: 'shogai' },
      case: { id: kase.caseId, caseNumber: (await caseNames()).caseNumber },
    });
    // … while it is not a look at the case: the person's 閲覧履歴 leaves it out
    const accessLog = await coordinator.get<{ items: { action: string }[] }>(
      `/api/persons/${kase.personId}/access-log?limit=100`,
    );
    expect(accessLog.body.items.map((e) => e.action)).not.toContain('access.denied');
  });

  it('a refused look at a record inside a case (a plan) carries that case; an unknown id carries none', async () => {
    const plan = await api.server.database.db
      .insertInto('support_plans')
      .values({
        id: crypto.randomUUID(),
        tenant_id: api.dir.tenantId,
        case_id: kase.caseId,
        version: 1,
        status: 'draft',
        wishes: '（試験）',
        long_term_goal: '（試験）',
        short_term_goals: '（試験）',
        next_monitoring_on: '2026-12-01',
        created_by: api.dir.user('coordinator').id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await shogai.get(`/api/plans/${plan.id}`)).status).toBe(404);
    const event = await api.server.latestAudit('access.denied');
    expect(event?.case_id).toBe(kase.caseId);
    expect(event?.person_id).toBe(kase.personId);
    expect((await shogai.get(`/api/cases/${crypto.randomUUID()}`)).status).toBe(404);
    const unknown = await api.server.latestAudit('access.denied');
    expect(unknown?.case_id).toBeNull();
  });

  it('a permission refused by the access gate (403, and 404 for case data) is an event too', async () => {
    expect((await coordinator.get('/api/audit-events')).status).toBe(403);
    expect(auditDetails(await api.server.latestAudit('access.denied'))).toMatchObject({
      operationId: 'auditEvents.list',
      status: 403,
      code: 'auth.forbidden',
    });
    expect((await council.get('/api/cases')).status).toBe(404);
    const event = await api.server.latestAudit('access.denied');
    expect(event?.actor_user_id).toBe(api.dir.user('council').id);
    expect(auditDetails(event)).toMatchObject({ operationId: 'cases.list', status: 404 });
  });

  it('no event for the anonymous (401) or for a signed-in success', async () => {
    const before = await api.server.latestAudit('access.denied');
    expect((await api.server.anonymous().get(`/api/cases/${kase.caseId}`)).status).toBe(401);
    expect((await houkatsu.get(`/api/cases/${kase.caseId}`)).status).toBe(200);
    expect((await api.server.latestAudit('access.denied'))?.id).toBe(before?.id);
  });

  it('the auditor finds denied accesses by action', async () => {
    const response = await list(auditor, `action=access.denied&userId=${api.dir.user('shogai').id}`);
    expect(response.body.items[0]).toMatchObject({ action: 'access.denied', resourceType: 'route' });
    expect(response.body.items.map((e) => e.resourceId)).toContain('cases.get');
  });
});

describe('GET /api/audit-events/subjects (auditEvents.subjects)', () => {
  it('finds persons and cases the trail names, by 氏名 or case number, with nothing more than the log shows', async () => {
    const names = await caseNames();
    const family = names.personName.split(' ')[0] ?? '';
    const byName = await auditor.get<{
      persons: { id: string; name: string }[];
      cases: { id: string; caseNumber: string; personName: string | null }[];
    }>(`/api/audit-events/subjects?q=${encodeURIComponent(family)}`);
    expect(byName.status).toBe(200);
    expect(byName.body.persons).toContainEqual({ id: kase.personId, name: names.personName });
    expect(byName.body.cases).toContainEqual({
      id: kase.caseId,
      caseNumber: names.caseNumber,
      personName: names.personName,
    });
    for (const person of byName.body.persons) expect(Object.keys(person).sort()).toEqual(['id', 'name']);
    const byNumber = await auditor.get<{ cases: { id: string }[] }>(
      `/api/audit-events/subjects?q=${encodeURIComponent(names.caseNumber)}`,
    );
    expect(byNumber.body.cases.map((c) => c.id)).toContain(kase.caseId);
    expect(await api.server.latestAudit('auditSubject.search')).toBeTruthy();
    // a person the trail never names is not offered
    const unnamed = await api.server.database.db
      .selectFrom('persons as p')
      .select(['p.id', 'p.family_name'])
      .where('p.tenant_id', '=', api.dir.tenantId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('audit_events as e').select('e.seq').whereRef('e.person_id', '=', 'p.id'))),
      )
      .executeTakeFirst();
    if (unnamed) {
      const response = await auditor.get<{ persons: { id: string }[] }>(
        `/api/audit-events/subjects?q=${encodeURIComponent(unnamed.family_name)}`,
      );
      expect(response.body.persons.map((p) => p.id)).not.toContain(unnamed.id);
    }
    expect((await coordinator.get('/api/audit-events/subjects?q=a')).status).toBe(403);
    expect((await auditor.get('/api/audit-events/subjects?q=')).status).toBe(400);
  });
});
