import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation } from '../../src/contract/consultations.ts';
import type { Problem } from '../../src/contract/problem.ts';
import { today } from '../../src/domain/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import { type DemoDirectory, demoDirectory } from '../support/factories.ts';
import { consult, intakeBody, ownAgency, personMaker } from '../support/intake.ts';
import {
  type ApiClient,
  auditDetails,
  problemFields,
  startTestServer,
  type TestServer,
} from '../support/testServer.ts';

const api = demoApi('houkatsu', 'shogai', 'hogokansatsu', 'coordinator', 'council', 'plan');
const { houkatsu, shogai, hogokansatsu, coordinator, council, plan } = api;

/** Synthetic people only (生成): names below are made up for the tests. */

interface ListItem {
  id: string;
  receivedOn: string;
  status: string;
  direction: 'own' | 'referredToUs';
  person: { id: string };
  abilities: Consultation['abilities'];
}
interface List {
  items: ListItem[];
  nextCursor: string | null;
}

const newPerson = personMaker('城山', '良子', 'しろやま', 'よしこ', '1944-04-04', 'female');

const intake = (overrides: Record<string, unknown> = {}) =>
  intakeBody(
    newPerson(),
    {
      topics: ['care', 'income'],
      mainTopic: 'care',
      content: '（試験）介護と生活費についての相談',
      wishes: '（試験）自宅で暮らし続けたい',
    },
    ownAgency,
    overrides,
  );

async function counts() {
  const db = api.server.database.db;
  const count = async (
    table: 'persons' | 'households' | 'household_members' | 'consultations' | 'referrals' | 'handovers',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    persons: await count('persons'),
    households: await count('households'),
    members: await count('household_members'),
    consultations: await count('consultations'),
    referrals: await count('referrals'),
    handovers: await count('handovers'),
  };
}

describe('POST /api/consultations (consultations.create)', () => {
  it('records a consultation with new persons, the household, the visitor and the topics, in one audited transaction', async () => {
    const before = await counts();
    const response = await houkatsu.post<Consultation>(
      '/api/consultations',
      intake({
        person: newPerson({ familyName: '磯浜', familyNameKana: 'いそはま' }),
        householdMembers: [
          {
            person: newPerson({
              familyName: '磯浜',
              familyNameKana: 'いそはま',
              givenName: '一郎',
              givenNameKana: 'いちろう',
              birthDate: '1970-01-01',
              sex: 'male',
            }),
            relation: 'son',
            livingTogether: true,
          },
        ],
        visitor: { name: '磯浜 次郎', relation: 'son', phone: '099-000-0000' },
        channel: 'phone',
      }),
    );
    expect(response.status).toBe(201);
    const body = response.body;
    expect(body).toMatchObject({
      receivedOn: today(),
      organization: { id: api.dir.organization('地域包括支援センター'), name: '地域包括支援センター' },
      receivedBy: { id: api.dir.user('houkatsu').id, displayName: '包括 相談' },
      person: {
        familyName: '磯浜',
        familyNameKana: 'イソハマ',
        givenNameKana: 'ヨシコ',
        birthDate: '1944-04-04',
      },
      householdMembers: [
        {
          person: { givenName: '一郎', givenNameKana: 'イチロウ', birthDate: '1970-01-01' },
          relation: 'son',
          livingTogether: true,
        },
      ],
      visitor: { name: '磯浜 次郎', relation: 'son', phone: '099-000-0000' },
      channel: 'phone',
      topics: ['care', 'income'],
      mainTopic: 'care',
      content: '（試験）介護と生活費についての相談',
      wishes: '（試験）自宅で暮らし続けたい',
      consentToShare: true,
      outcome: 'ownAgency',
      status: 'open',
      closedAt: null,
      referrals: [],
      handovers: [],
      abilities: { close: true, handOver: true, refer: true },
    });
    const after = await counts();
    expect(after).toEqual({
      ...before,
      persons: before.persons + 2,
      households: before.households + 1,
      members: before.members + 2,
      consultations: before.consultations + 1,
    });
    const members = await api.server.database.db
      .selectFrom('household_members')
      .select(['person_id', 'relation', 'living_together'])
      .where('household_id', '=', body.householdId)
      .orderBy('relation')
      .execute();
    expect(members).toEqual([
      { person_id: body.person.id, relation: 'self', living_together: true },
      { person_id: body.householdMembers[0]?.person.id, relation: 'son', living_together: true },
    ]);
    const audit = await api.server.latestAudit('consultation.create');
    expect(audit?.resource_id).toBe(body.id);
    expect(audit?.person_id).toBe(body.person.id);
    expect(auditDetails(audit)).toMatchObject({
      outcome: 'ownAgency',
      householdId: body.householdId,
      createdPersonIds: [body.person.id, body.householdMembers[0]?.person.id],
    });
    const personAudits = await api.server.database.db
      .selectFrom('audit_events')
      .select('resource_id')
      .where('action', '=', 'person.create')
      .where('resource_id', 'in', [body.person.id, body.householdMembers[0]?.person.id ?? ''])
      .execute();
    expect(personAudits).toHaveLength(2);
  });

  it('takes a consultation whatever the person’s attributes, at any counter, and reuses a person it may see', async () => {
    const first = await consult(
      hogokansatsu,
      intake({
        person: newPerson({ familyNameKana: 'てんもん', sex: 'male' }),
        topics: ['jobSeeking'],
        mainTopic: 'jobSeeking',
      }),
    );
    const again = await consult(
      hogokansatsu,
      intake({
        person: { personId: first.person.id },
        receivedOn: '2026-04-01',
        topics: ['housing'],
        mainTopic: 'housing',
      }),
    );
    expect(again.person.id).toBe(first.person.id);
    expect(again.receivedOn).toBe('2026-04-01');
    // a later consultation about the same person joins their household (kept, not started anew)
    expect(again.householdId).toBe(first.householdId);
  });

  it('refuses a person the counter may not see, or the same person twice, naming the field; nothing is written', async () => {
    const elsewhere = await consult(
      hogokansatsu,
      intake({ person: newPerson({ familyNameKana: 'べつじん' }) }),
    );
    const before = await counts();
    const hidden = await houkatsu.post(
      '/api/consultations',
      intake({ person: { personId: elsewhere.person.id } }),
    );
    expect(hidden.status).toBe(400);
    expect((hidden.body as Problem).errors).toEqual([
      expect.objectContaining({
        field: 'person.personId',
        message: 'この人は見つからないか、閲覧する権限がありません',
      }),
    ]);
    const mine = await consult(houkatsu, intake({ person: newPerson({ familyNameKana: 'さくらだ' }) }));
    const beforeTwice = await counts();
    const twice = await houkatsu.post(
      '/api/consultations',
      intake({
        person: { personId: mine.person.id },
        householdMembers: [
          { person: newPerson({ givenNameKana: 'はなこ' }), relation: 'daughter', livingTogether: true },
          { person: { personId: mine.person.id }, relation: 'spouse', livingTogether: true },
        ],
      }),
    );
    expect(twice.status).toBe(400);
    expect(problemFields(twice.body)).toEqual(['householdMembers.1.person.personId']);
    expect(await counts()).toEqual(beforeTwice);
    expect(before.consultations + 1).toBe(beforeTwice.consultations);
  });

  it('rejects bad input with 400 naming each field in Japanese', async () => {
    const before = await counts();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const response = await houkatsu.post('/api/consultations', {
      person: newPerson({ familyNameKana: 'Yamada' }),
      householdMembers: [{ person: newPerson(), relation: 'self', livingTogether: 'yes' }],
      visitor: { name: '', relation: 'neighbour' },
      channel: 'pigeon',
      topics: [],
      mainTopic: 'care',
      content: '',
      consentToShare: 'maybe',
      receivedOn: tomorrow,
      outcome: { kind: 'elsewhere' },
    });
    expect(response.status).toBe(400);
    expect(problemFields(response.body)).toEqual([
      'channel',
      'consentToShare',
      'content',
      'householdMembers.0.livingTogether',
      'householdMembers.0.relation',
      'outcome.kind',
      'person.familyNameKana',
      'receivedOn',
      'topics',
      'visitor.name',
      'visitor.relation',
    ]);
    const messages = Object.fromEntries(
      ((response.body as Problem).errors ?? []).map((e) => [e.field, e.message]),
    );
    expect(messages.topics).toBe('相談内容を1つ以上選んでください');
    expect(messages['householdMembers.0.relation']).toBe('本人以外の続柄を選んでください');
    expect(messages.receivedOn).toBe('受付日に未来の日付は指定できません');

    const notAmongTopics = await houkatsu.post(
      '/api/consultations',
      intake({ topics: ['care'], mainTopic: 'debt' }),
    );
    expect((notAmongTopics.body as Problem).errors).toEqual([
      expect.objectContaining({
        field: 'mainTopic',
        message: '主な相談内容（◎）は、選んだ相談内容の中から選んでください',
      }),
    ]);
    const noReason = await houkatsu.post(
      '/api/consultations',
      intake({ outcome: { kind: 'handover', reason: '', servicesTried: '' } }),
    );
    expect(problemFields(noReason.body)).toEqual(['outcome.reason', 'outcome.servicesTried']);
    expect(await counts()).toEqual(before);
  });

  it('refers to another agency only with consent (409 consent.required) and only to another active agency (400)', async () => {
    const before = await counts();
    const noConsent = await houkatsu.post(
      '/api/consultations',
      intake({
        consentToShare: false,
        outcome: { kind: 'referral', toOrganizationId: api.dir.organization('障害者相談支援事業所') },
      }),
    );
    expect(noConsent.status).toBe(409);
    expect(noConsent.body).toMatchObject({ code: 'consent.required' });
    expect((noConsent.body as Problem).detail).toContain('本人の同意');
    for (const [target, message] of [
      [api.dir.organization('地域包括支援センター'), '自機関へはつなげません'],
      [api.dir.organization('重層事業担当'), '重層事業へ引継ぎ'],
      ['00000000-0000-4000-8000-000000000000', 'つなぎ先の機関が見つからない'],
    ] as const) {
      const response = await houkatsu.post(
        '/api/consultations',
        intake({ outcome: { kind: 'referral', toOrganizationId: target } }),
      );
      expect(response.status).toBe(400);
      expect((response.body as Problem).errors).toEqual([
        expect.objectContaining({
          field: 'outcome.toOrganizationId',
          message: expect.stringContaining(message),
        }),
      ]);
    }
    expect(await counts()).toEqual(before);

    const referred = await consult(
      houkatsu,
      intake({
        outcome: {
          kind: 'referral',
          toOrganizationId: api.dir.organization('障害者相談支援事業所'),
          note: '（試験）手帳の相談',
        },
      }),
    );
    expect(referred).toMatchObject({
      status: 'referred',
      outcome: 'referral',
      referrals: [
        {
          toOrganization: { name: '障害者相談支援事業所' },
          fromOrganization: { name: '地域包括支援センター' },
          note: '（試験）手帳の相談',
          legalBasis: 'consent',
          status: 'pending',
          declineReason: null,
        },
      ],
      abilities: { close: false, handOver: false, refer: false },
    });
    const audit = await api.server.latestAudit('referral.create');
    expect(audit?.legal_basis).toBe('consent');
    expect(auditDetails(audit)).toMatchObject({
      consultationId: referred.id,
      toOrganizationId: api.dir.organization('障害者相談支援事業所'),
    });
  });

  it('hands over without consent (the 同意なし form): a pending handover to the coordinating section', async () => {
    const handedOver = await consult(
      houkatsu,
      intake({
        consentToShare: false,
        outcome: {
          kind: 'handover',
          reason: '（試験）複合的な課題',
          servicesTried: '（試験）介護保険の案内',
        },
      }),
    );
    expect(handedOver).toMatchObject({
      status: 'handedOver',
      outcome: 'handover',
      consentToShare: false,
      handovers: [
        {
          toOrganization: { id: api.dir.organization('重層事業担当'), name: '重層事業担当' },
          reason: '（試験）複合的な課題',
          servicesTried: '（試験）介護保険の案内',
          status: 'pending',
          returnReason: null,
          case: null,
        },
      ],
      abilities: { close: false, handOver: false, refer: false },
    });
    expect((await api.server.latestAudit('handover.create'))?.person_id).toBe(handedOver.person.id);
  });

  it('is 401 unauthenticated and 404 for roles without case data', async () => {
    expect((await api.server.anonymous().post('/api/consultations', intake())).status).toBe(401);
    expect((await council.post('/api/consultations', intake())).status).toBe(404);
    expect((await plan.post('/api/consultations', intake())).status).toBe(404);
  });
});

describe('GET /api/consultations/:id (consultations.get)', () => {
  it('shows a visible consultation with abilities and audits the read; 404 for other organisations', async () => {
    const consultation = await consult(houkatsu, intake({ person: newPerson({ familyNameKana: 'かしま' }) }));
    const response = await houkatsu.get<Consultation>(`/api/consultations/${consultation.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(consultation);
    const audit = await api.server.latestAudit('consultation.read');
    expect(audit?.resource_id).toBe(consultation.id);
    expect(audit?.person_id).toBe(consultation.person.id);

    for (const client of [shogai, hogokansatsu, coordinator]) {
      expect((await client.get(`/api/consultations/${consultation.id}`)).status).toBe(404);
    }
    expect((await houkatsu.get('/api/consultations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(problemFields((await houkatsu.get('/api/consultations/nope')).body)).toEqual(['パス.id']);
    expect((await api.server.anonymous().get(`/api/consultations/${consultation.id}`)).status).toBe(401);
    expect((await council.get(`/api/consultations/${consultation.id}`)).status).toBe(404);
    expect((await plan.get(`/api/consultations/${consultation.id}`)).status).toBe(404);
  });
});

describe('GET /api/consultations (consultations.list)', () => {
  let fresh: ListServer;
  interface ListServer {
    server: TestServer;
    counter: ApiClient;
    target: ApiClient;
    other: ApiClient;
    dir: DemoDirectory;
  }

  beforeAll(async () => {
    const listServer = await startTestServer();
    fresh = {
      server: listServer,
      counter: await listServer.as('houkatsu'),
      target: await listServer.as('shogai'),
      other: await listServer.as('hogokansatsu'),
      dir: await demoDirectory(listServer.database.db),
    };
  });
  afterAll(() => fresh.server.close());

  it('lists what my organisation took plus what was referred to it, newest first, with keyset pages, and audits the ids', async () => {
    const { counter, target, other } = fresh;
    const taken: Consultation[] = [];
    for (const receivedOn of ['2026-05-01', '2026-06-01', '2026-06-01', '2026-07-01']) {
      taken.push(await consult(counter, intake({ receivedOn })));
    }
    const referred = await consult(
      counter,
      intake({
        receivedOn: '2026-08-01',
        outcome: { kind: 'referral', toOrganizationId: fresh.dir.organization('障害者相談支援事業所') },
      }),
    );
    const theirs = await consult(target, intake({ receivedOn: '2026-09-01' }));

    const all = await counter.get<List>('/api/consultations?limit=100');
    expect(all.status).toBe(200);
    const sameDay = [taken[1], taken[2]]
      .map((c) => c?.id ?? '')
      .sort()
      .reverse();
    expect(all.body.items.map((c) => c.id)).toEqual([referred.id, taken[3]?.id, ...sameDay, taken[0]?.id]);
    expect(all.body.items.every((c) => c.direction === 'own')).toBe(true);
    expect(all.body.nextCursor).toBeNull();

    const pages: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const query: string = `/api/consultations?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await counter.get<List>(query);
      pages.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    expect(pages).toEqual(all.body.items.map((c) => c.id));

    const inbox = await target.get<List>('/api/consultations');
    expect(inbox.body.items.map((c) => [c.id, c.direction])).toEqual([
      [theirs.id, 'own'],
      [referred.id, 'referredToUs'],
    ]);
    expect(inbox.body.items[1]?.abilities).toEqual({ close: false, handOver: false, refer: false });

    expect((await other.get<List>('/api/consultations')).body.items).toEqual([]);

    const open = await counter.get<List>('/api/consultations?status=referred');
    expect(open.body.items.map((c) => c.id)).toEqual([referred.id]);

    const audit = await fresh.server.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'consultation.list')
      .where('actor_login_id', '=', 'houkatsu')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    expect(auditDetails(audit)).toEqual({ query: { status: 'referred', cursor: null }, ids: [referred.id] });
  });

  it('refuses bad queries with 400, is 401 unauthenticated and 404 for roles without case data', async () => {
    const { counter } = fresh;
    expect(problemFields((await counter.get('/api/consultations?status=lost')).body)).toEqual([
      'クエリ.status',
    ]);
    expect(problemFields((await counter.get('/api/consultations?limit=1000')).body)).toEqual([
      'クエリ.limit',
    ]);
    expect(problemFields((await counter.get('/api/consultations?cursor=WyJ4IiwieSJd')).body)).toEqual([
      'クエリ.cursor',
    ]);
    expect((await fresh.server.anonymous().get('/api/consultations')).status).toBe(401);
    expect((await council.get('/api/consultations')).status).toBe(404);
  });
});

describe('POST /api/consultations/:id/close (consultations.close)', () => {
  it('ends a consultation of my counter with a note, once; audits it', async () => {
    const consultation = await consult(houkatsu, intake());
    const closed = await houkatsu.post<Consultation>(`/api/consultations/${consultation.id}/close`, {
      note: '（試験）介護保険の申請につないで終了',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closeNote: '（試験）介護保険の申請につないで終了',
      closedAt: expect.any(String),
      abilities: { close: false, handOver: false, refer: false },
    });
    const audit = await api.server.latestAudit('consultation.close');
    expect(audit?.resource_id).toBe(consultation.id);
    expect(auditDetails(audit)).toEqual({
      note: '（試験）介護保険の申請につないで終了',
      previousStatus: 'open',
    });

    const again = await houkatsu.post(`/api/consultations/${consultation.id}/close`, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'conflict.state',
      detail: 'この相談はすでに対応終了しています。',
    });
  });

  it('refuses a handed-over consultation (409), one waiting for its referral (409), and the pending target (403)', async () => {
    const handedOver = await consult(
      houkatsu,
      intake({ outcome: { kind: 'handover', reason: '（試験）', servicesTried: '（試験）' } }),
    );
    const refused = await houkatsu.post(`/api/consultations/${handedOver.id}/close`, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'conflict.state' });
    expect((refused.body as Problem).detail).toContain('引継いだ相談');

    const referred = await consult(
      houkatsu,
      intake({
        outcome: { kind: 'referral', toOrganizationId: api.dir.organization('障害者相談支援事業所') },
      }),
    );
    const waiting = await houkatsu.post(`/api/consultations/${referred.id}/close`, {});
    expect(waiting.status).toBe(409);
    expect((waiting.body as Problem).detail).toContain('つなぎ先の機関の回答を待っています');
    const notYet = await shogai.post(`/api/consultations/${referred.id}/close`, {});
    expect(notYet.status).toBe(403);
    expect(notYet.body).toMatchObject({ code: 'auth.forbidden' });
  });

  it('is 404 for another organisation, 400 for bad input, 401 unauthenticated, 404 for roles without case data', async () => {
    const consultation = await consult(houkatsu, intake());
    expect((await hogokansatsu.post(`/api/consultations/${consultation.id}/close`, {})).status).toBe(404);
    expect((await coordinator.post(`/api/consultations/${consultation.id}/close`, {})).status).toBe(404);
    expect(
      problemFields(
        (await houkatsu.post(`/api/consultations/${consultation.id}/close`, { note: 'x'.repeat(4001) })).body,
      ),
    ).toEqual(['note']);
    expect(
      (await api.server.anonymous().post(`/api/consultations/${consultation.id}/close`, {})).status,
    ).toBe(401);
    expect((await council.post(`/api/consultations/${consultation.id}/close`, {})).status).toBe(404);
    expect((await plan.post(`/api/consultations/${consultation.id}/close`, {})).status).toBe(404);
    const still = await houkatsu.get<Consultation>(`/api/consultations/${consultation.id}`);
    expect(still.body.status).toBe('open');
  });
});
