import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/contract/cases.ts';
import type { Consent } from '../../src/contract/consents.ts';
import { activeConsentCovering, organizationsWithoutConsent } from '../../src/db/consents.ts';
import {
  createCase,
  createConsultation,
  createPerson,
  type DemoDirectory,
  demoDirectory,
} from '../support/factories.ts';
import { type ApiClient, startTestServer, type TestServer } from '../support/testServer.ts';

let server: TestServer;
let dir: DemoDirectory;
let coordinator: ApiClient;
let houkatsu: ApiClient;
let shogai: ApiClient;
let hogokansatsu: ApiClient;
let council: ApiClient;
let plan: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  dir = await demoDirectory(server.database.db);
  [coordinator, houkatsu, shogai, hogokansatsu, council, plan] = await Promise.all([
    server.as('coordinator'),
    server.as('houkatsu'),
    server.as('shogai'),
    server.as('hogokansatsu'),
    server.as('council'),
    server.as('plan'),
  ]);
});
afterAll(() => server.close());

const org = (name: string) => dir.organization(name);
const fieldsOf = (body: unknown) =>
  (body as { errors?: { field: string }[] }).errors?.map((e) => e.field) ?? [];

const input = (personId: string, caseId: string | undefined, overrides: Record<string, unknown> = {}) => ({
  personId,
  ...(caseId ? { caseId } : {}),
  organizationIds: [org('障害者相談支援事業所'), org('保護第一課')],
  categories: ['basic', 'consultation', 'health'],
  givenOn: '2026-11-02',
  method: 'signedForm',
  ...overrides,
});

describe('POST /api/consents (consents.create)', () => {
  it('records a case consent by the coordinator: on the timeline, on the case page, audited with legal basis consent', async () => {
    const { caseId, personId } = await createCase(server.database.db, dir);
    const response = await coordinator.post<Consent>(
      '/api/consents',
      input(personId, caseId, { expiresOn: '2027-11-01' }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      person: { id: personId },
      caseId,
      organizations: [
        { id: org('障害者相談支援事業所'), name: '障害者相談支援事業所' },
        { id: org('保護第一課'), name: '保護第一課' },
      ],
      categories: [
        { code: 'basic', label: '基本情報（氏名・住所・連絡先・世帯）' },
        { code: 'consultation', label: '相談内容' },
        { code: 'health', label: '心身の状況・障害・病歴（要配慮個人情報）' },
      ],
      method: 'signedForm',
      methodLabel: '同意書への署名',
      witness: null,
      givenOn: '2026-11-02',
      expiresOn: '2027-11-01',
      withdrawnAt: null,
      active: true,
      recordedBy: { name: '重層 調整' },
      abilities: { withdraw: true, attachScan: true },
    });
    const audit = await server.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'consent.create')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      resource_id: response.body.id,
      person_id: personId,
      case_id: caseId,
      legal_basis: 'consent',
      actor_login_id: 'coordinator',
    });
    const event = await server.database.db
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('kind', '=', 'consentRecorded')
      .executeTakeFirstOrThrow();
    expect(event.subject_id).toBe(response.body.id);
    expect(event.summary).toContain('共有先：障害者相談支援事業所、保護第一課');
    const page = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(page.body.consents.map((c) => c.id)).toEqual([response.body.id]);
    // recording consent shares nothing by itself: the organisations still cannot see the case
    expect((await shogai.get(`/api/cases/${caseId}`)).status).toBe(404);
  });

  it('lets the intake counter record the consent given at intake (no case), oral with a witness', async () => {
    const { personId } = await createConsultation(server.database.db, dir);
    const response = await houkatsu.post<Consent>(
      '/api/consents',
      input(personId, undefined, {
        organizationIds: [org('重層事業担当')],
        method: 'oralWithWitness',
        witness: '包括 同席者',
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      caseId: null,
      method: 'oralWithWitness',
      methodLabel: '口頭（立会人あり）',
      witness: '包括 同席者',
      recordedBy: { name: '包括 相談' },
    });
    const audit = await server.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'consent.create')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ person_id: personId, case_id: null, legal_basis: 'consent' });
  });

  it('is 403 for a caseworker recording a consent for a case they can see but do not coordinate', async () => {
    const { caseId, personId } = await createCase(server.database.db, dir);
    const response = await houkatsu.post('/api/consents', input(personId, caseId));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.forbidden' });
  });

  it('is 404 for a person or case the caller cannot see; 400 for a person outside the case', async () => {
    const { caseId, personId } = await createCase(server.database.db, dir);
    expect((await hogokansatsu.post('/api/consents', input(personId, undefined))).status).toBe(404);
    expect((await shogai.post('/api/consents', input(personId, caseId))).status).toBe(404);
    const other = await createCase(server.database.db, dir);
    const mismatch = await coordinator.post('/api/consents', input(other.personId, caseId));
    expect(mismatch.status).toBe(400);
    expect(fieldsOf(mismatch.body)).toEqual(['personId']);
    const stranger = await createPerson(server.database.db, dir);
    expect((await coordinator.post('/api/consents', input(stranger, undefined))).status).toBe(404);
    expect(
      (await coordinator.post('/api/consents', input(personId, '00000000-0000-4000-8000-000000000000')))
        .status,
    ).toBe(404);
  });

  it('rejects bad input with 400 naming the field, writing nothing', async () => {
    const { caseId, personId } = await createCase(server.database.db, dir);
    const cases: [Record<string, unknown>, string][] = [
      [input(personId, caseId, { method: 'oralWithWitness' }), 'witness'],
      [input(personId, caseId, { organizationIds: [] }), 'organizationIds'],
      [
        input(personId, caseId, { organizationIds: ['00000000-0000-4000-8000-000000000000'] }),
        'organizationIds.0',
      ],
      [
        input(personId, caseId, { organizationIds: [org('保護第一課'), org('保護第一課')] }),
        'organizationIds',
      ],
      [input(personId, caseId, { categories: ['everything'] }), 'categories.0'],
      [input(personId, caseId, { categories: [] }), 'categories'],
      [input(personId, caseId, { givenOn: '2026-02-30' }), 'givenOn'],
      [input(personId, caseId, { givenOn: '2999-01-01' }), 'givenOn'],
      [input(personId, caseId, { expiresOn: '2026-11-01' }), 'expiresOn'],
      [input(personId, caseId, { method: 'email' }), 'method'],
      [input('nobody', caseId), 'personId'],
    ];
    for (const [body, field] of cases) {
      const response = await coordinator.post('/api/consents', body);
      expect(response.status, field).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      expect(fieldsOf(response.body), field).toContain(field);
    }
    const stored = await server.database.db
      .selectFrom('consents')
      .select('id')
      .where('person_id', '=', personId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('is 401 unauthenticated and 404 for council and plan', async () => {
    const { caseId, personId } = await createCase(server.database.db, dir);
    expect((await server.anonymous().post('/api/consents', input(personId, caseId))).status).toBe(401);
    for (const client of [council, plan]) {
      const response = await client.post('/api/consents', input(personId, caseId));
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'notFound' });
    }
  });
});

describe('activeConsentCovering (used when approving plans and convening 重層的支援会議)', () => {
  it('covers organisations with consents in force for this case or for no case, and nothing else', async () => {
    const { caseId, personId } = await createCase(server.database.db, dir);
    const shogaiId = org('障害者相談支援事業所');
    const hogoId = org('保護第一課');
    const kansatsuId = org('鹿児島保護観察所');
    const query = (organizationIds: string[], onDate = '2026-11-20') => ({
      tenantId: dir.tenantId,
      personId,
      caseId,
      organizationIds,
      onDate,
    });
    const db = server.database.db;
    expect(await activeConsentCovering(db, query([shogaiId]))).toBe(false);

    // intake consent (no case) covering 障害者相談支援事業所
    await houkatsu.post('/api/consents', input(personId, undefined, { organizationIds: [shogaiId] }));
    expect(await activeConsentCovering(db, query([shogaiId]))).toBe(true);
    expect(await activeConsentCovering(db, query([shogaiId], '2026-11-01'))).toBe(false); // before it was given

    // a case consent covering 保護第一課, expiring
    const caseConsent = await coordinator.post<Consent>(
      '/api/consents',
      input(personId, caseId, { organizationIds: [hogoId], expiresOn: '2026-12-31' }),
    );
    expect(await activeConsentCovering(db, query([shogaiId, hogoId]))).toBe(true);
    expect(await activeConsentCovering(db, query([shogaiId, hogoId], '2027-01-01'))).toBe(false);
    expect(await organizationsWithoutConsent(db, query([shogaiId, hogoId, kansatsuId]))).toEqual([
      kansatsuId,
    ]);

    // a consent given for another case of the same person does not count
    const otherCase = await createCase(server.database.db, dir, { personId });
    await coordinator.post(
      '/api/consents',
      input(personId, otherCase.caseId, { organizationIds: [kansatsuId] }),
    );
    expect(await activeConsentCovering(db, query([kansatsuId]))).toBe(false);
    expect(await activeConsentCovering(db, { ...query([kansatsuId]), caseId: otherCase.caseId })).toBe(true);

    // withdrawn consents never count
    await db
      .updateTable('consents')
      .set({ withdrawn_at: new Date(), withdrawal_reason: '本人の申出' })
      .where('id', '=', caseConsent.body.id)
      .execute();
    expect(await activeConsentCovering(db, query([hogoId]))).toBe(false);
    const page = await coordinator.get<CaseDetail>(`/api/cases/${caseId}`);
    const withdrawn = page.body.consents.find((c) => c.id === caseConsent.body.id);
    expect(withdrawn).toMatchObject({ active: false });
    expect(withdrawn?.withdrawnAt).not.toBeNull();
    // the other case's consent is not shown on this case's page
    expect(page.body.consents).toHaveLength(2);
  });
});
