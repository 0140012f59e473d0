import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation } from '../../src/contract/consultations.ts';
import type { Handover } from '../../src/contract/handovers.ts';
import type { Problem } from '../../src/contract/problem.ts';
import { caseVisible } from '../../src/db/access.ts';
import { today } from '../../src/domain/clock.ts';
import { demoApi } from '../support/demoApi.ts';
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

interface HandoverList {
  items: Handover[];
  nextCursor: string | null;
}

/** A birth date giving exactly this 満年齢 today (1 January of the right year). */
const bornYearsAgo = (age: number) => `${Number(today().slice(0, 4)) - age}-01-01`;

const newPerson = personMaker('桜田', '花子', 'さくらだ', 'はなこ', '1950-02-02', 'female');

const intake = (overrides: Record<string, unknown> = {}) =>
  intakeBody(
    newPerson(),
    { topics: ['care', 'family'], mainTopic: 'family', content: '（試験）家族についての相談' },
    ownAgency,
    overrides,
  );

const handover = {
  kind: 'handover',
  reason: '（試験）複合的な課題があり自機関のみでは解決が難しい',
  servicesTried: '（試験）介護保険サービスの案内',
};

const handoverOf = (consultation: Consultation) => consultation.handovers[0]?.id ?? '';

/** Whether an organisation may see a case, by THE predicate (src/db/access.ts). */
async function orgSeesCase(organization: string, caseId: string): Promise<boolean> {
  const row = await api.server.database.db
    .selectFrom('cases as c')
    .select('c.id')
    .where('c.id', '=', caseId)
    .where(
      caseVisible({ tenantId: api.dir.tenantId, organizationId: api.dir.organization(organization) }, 'c.id'),
    )
    .executeTakeFirst();
  return row !== undefined;
}

describe('e2e (a): an 8050 household handed over by 地域包括支援センター and accepted as a case', () => {
  it('goes counter → coordinator inbox → accept → a case that only its participants can see', async () => {
    // ① 83-year-old mother consults about her withdrawn 54-year-old son, who lives with her.
    const consultation = await consult(
      houkatsu,
      intake({
        person: newPerson({
          familyName: '城山',
          givenName: '良子',
          familyNameKana: 'しろやま',
          givenNameKana: 'よしこ',
          birthDate: bornYearsAgo(83),
          sex: 'female',
        }),
        householdMembers: [
          {
            person: newPerson({
              familyName: '城山',
              givenName: '一郎',
              familyNameKana: 'しろやま',
              givenNameKana: 'いちろう',
              birthDate: bornYearsAgo(54),
              sex: 'male',
            }),
            relation: 'son',
            livingTogether: true,
          },
        ],
        channel: 'visit',
        topics: ['withdrawal', 'care', 'income'],
        mainTopic: 'withdrawal',
        content: '（試験）息子が20年以上ひきこもっている。自分の介護も心配で、年金だけでは生活が苦しい。',
        wishes: '（試験）自分が亡くなった後の息子の生活が心配',
        consentToShare: true,
        outcome: {
          kind: 'handover',
          reason: '（試験）本人の介護と息子のひきこもり・生活困窮が重なり、包括だけでは対応できない',
          servicesTried: '（試験）介護保険の要介護認定申請、ひきこもり地域支援センターの案内（息子が拒否）',
        },
      }),
    );
    expect(consultation).toMatchObject({
      status: 'handedOver',
      person: { age: 83, familyNameKana: 'シロヤマ', givenNameKana: 'ヨシコ' },
      householdMembers: [
        { person: { age: 54, givenNameKana: 'イチロウ' }, relation: 'son', livingTogether: true },
      ],
    });
    const mother = consultation.person.id;
    const son = consultation.householdMembers[0]?.person.id ?? '';
    // The same reading and birth date elsewhere in the city: a possible duplicate for the coordinator.
    await consult(
      hogokansatsu,
      intake({
        person: newPerson({
          familyName: '城山',
          familyNameKana: 'シロヤマ',
          givenNameKana: 'ヨシコ',
          birthDate: bornYearsAgo(83),
        }),
      }),
    );
    await sql`UPDATE handovers SET created_at = now() - interval '2 days' WHERE id = ${handoverOf(consultation)}`.execute(
      api.server.database.db,
    );

    // ② The coordinating section sees it in its inbox, with days waiting and possible duplicates.
    const inbox = await coordinator.get<HandoverList>('/api/handovers');
    expect(inbox.status).toBe(200);
    const item = inbox.body.items.find((h) => h.id === handoverOf(consultation));
    expect(item).toMatchObject({
      consultation: {
        id: consultation.id,
        person: { id: mother, age: 83 },
        mainTopic: 'withdrawal',
        organization: { name: '地域包括支援センター' },
      },
      fromOrganization: { id: api.dir.organization('地域包括支援センター'), name: '地域包括支援センター' },
      toOrganization: { id: api.dir.organization('重層事業担当'), name: '重層事業担当' },
      reason: '（試験）本人の介護と息子のひきこもり・生活困窮が重なり、包括だけでは対応できない',
      status: 'pending',
      daysWaiting: 2,
      possibleDuplicates: 1,
      case: null,
      abilities: { accept: true, return: true },
    });
    // The coordinator may read the consultation and both persons before accepting.
    expect((await coordinator.get(`/api/consultations/${consultation.id}`)).status).toBe(200);
    expect((await coordinator.get(`/api/persons/${son}`)).status).toBe(200);

    const accepted = await coordinator.post<{ caseId: string; caseNumber: string }>(
      `/api/handovers/${handoverOf(consultation)}/accept`,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.caseNumber).toMatch(/^R\d+-\d{4}$/);
    const { caseId, caseNumber } = accepted.body;

    // The case: the consultation's household, the mother as target, the son recorded too.
    const db = api.server.database.db;
    const kase = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(kase).toMatchObject({
      tenant_id: api.dir.tenantId,
      case_number: caseNumber,
      household_id: consultation.householdId,
      primary_person_id: mother,
      stage: 'accepted',
      coordinating_organization_id: api.dir.organization('重層事業担当'),
      accepted_on: today(),
    });
    const persons = await db
      .selectFrom('case_persons')
      .select(['person_id', 'is_target'])
      .where('case_id', '=', caseId)
      .orderBy('is_target', 'desc')
      .execute();
    expect(persons).toEqual([
      { person_id: mother, is_target: true },
      { person_id: son, is_target: false },
    ]);
    const participants = await db
      .selectFrom('case_participants')
      .select(['organization_id', 'basis', 'scope', 'legal_basis'])
      .where('case_id', '=', caseId)
      .orderBy('basis', 'desc')
      .execute();
    expect(participants).toEqual([
      {
        organization_id: api.dir.organization('地域包括支援センター'),
        basis: 'intake',
        scope: 'case',
        legal_basis: 'intake',
      },
      {
        organization_id: api.dir.organization('重層事業担当'),
        basis: 'coordinator',
        scope: 'case',
        legal_basis: 'coordination',
      },
    ]);
    const events = await db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).execute();
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'caseAccepted',
        actor_user_id: api.dir.user('coordinator').id,
        actor_organization_id: api.dir.organization('重層事業担当'),
        subject_id: handoverOf(consultation),
        summary: expect.stringMatching(
          new RegExp(
            `^地域包括支援センターからの引継ぎを受理し、事例 ${caseNumber} として支援を開始しました`,
          ),
        ),
      }),
    ]);
    const audit = await api.server.latestAudit('handover.accept');
    expect(audit).toMatchObject({
      resource_id: handoverOf(consultation),
      case_id: caseId,
      person_id: mother,
    });
    expect(auditDetails(audit)).toMatchObject({ consultationId: consultation.id, caseNumber });

    // houkatsu and the coordinator take part in the case; the probation office does not.
    expect(await orgSeesCase('地域包括支援センター', caseId)).toBe(true);
    expect(await orgSeesCase('重層事業担当', caseId)).toBe(true);
    expect(await orgSeesCase('鹿児島保護観察所', caseId)).toBe(false);
    for (const client of [houkatsu, coordinator]) {
      expect((await client.get(`/api/cases/${caseId}`)).status).toBe(200);
      const cases = await client.get<{ items: { id: string }[] }>('/api/cases?limit=100');
      expect(cases.body.items.map((c) => c.id)).toContain(caseId);
    }
    expect((await hogokansatsu.get(`/api/cases/${caseId}`)).status).toBe(404);
    const theirCases = await hogokansatsu.get<{ items: { id: string }[] }>('/api/cases?limit=100');
    expect(theirCases.body.items.map((c) => c.id)).not.toContain(caseId);
    expect((await hogokansatsu.get(`/api/consultations/${consultation.id}`)).status).toBe(404);
    expect((await hogokansatsu.get(`/api/persons/${mother}`)).status).toBe(404);
    expect((await hogokansatsu.get(`/api/persons/${son}`)).status).toBe(404);
    const search = await hogokansatsu.get<{ items: { id: string }[] }>('/api/persons?kana=しろやま');
    expect(search.body.items.map((p) => p.id)).not.toContain(mother);
    expect(search.body.items.map((p) => p.id)).not.toContain(son);
    expect(
      (await hogokansatsu.get<HandoverList>('/api/handovers')).body.items.map((h) => h.id),
    ).not.toContain(handoverOf(consultation));
    expect((await shogai.get(`/api/consultations/${consultation.id}`)).status).toBe(404);

    // The counter sees the case it became, in the consultation and in its sent handovers.
    const atCounter = await houkatsu.get<Consultation>(`/api/consultations/${consultation.id}`);
    expect(atCounter.body.handovers).toEqual([
      expect.objectContaining({ status: 'accepted', case: { id: caseId, caseNumber }, returnReason: null }),
    ]);
    const sent = await houkatsu.get<HandoverList>('/api/handovers');
    expect(sent.body.items.find((h) => h.id === handoverOf(consultation))).toMatchObject({
      status: 'accepted',
      daysWaiting: null,
      possibleDuplicates: null,
      case: { id: caseId, caseNumber },
      abilities: { accept: false, return: false },
    });

    const twice = await coordinator.post(`/api/handovers/${handoverOf(consultation)}/accept`);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'conflict.alreadyDecided',
      detail: 'この引継ぎはすでに受理しています。',
    });
    const lateReturn = await coordinator.post(`/api/handovers/${handoverOf(consultation)}/return`, {
      reason: '（試験）',
    });
    expect(lateReturn.status).toBe(409);
    expect(lateReturn.body).toMatchObject({ code: 'conflict.alreadyDecided' });
  });
});

describe('e2e (c): a handover returned with reasons (差戻し)', () => {
  it('goes back to the counter, which sees the reasons and may hand it over again', async () => {
    const consultation = await consult(
      houkatsu,
      intake({ person: newPerson({ familyNameKana: 'いそはま' }), outcome: handover }),
    );

    const noReason = await coordinator.post(`/api/handovers/${handoverOf(consultation)}/return`, {});
    expect(problemFields(noReason.body)).toEqual(['reason']);
    expect(
      (await houkatsu.post(`/api/handovers/${handoverOf(consultation)}/return`, { reason: 'x' })).status,
    ).toBe(404);

    const returned = await coordinator.post<Handover>(`/api/handovers/${handoverOf(consultation)}/return`, {
      reason: '（試験）介護保険サービスの利用調整で対応できる見込みのため、まず包括で対応してください',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnReason: '（試験）介護保険サービスの利用調整で対応できる見込みのため、まず包括で対応してください',
      daysWaiting: null,
      case: null,
      abilities: { accept: false, return: false },
    });
    const audit = await api.server.latestAudit('handover.return');
    expect(audit).toMatchObject({ resource_id: handoverOf(consultation), person_id: consultation.person.id });
    expect(auditDetails(audit)).toMatchObject({ consultationId: consultation.id });

    const atCounter = await houkatsu.get<Consultation>(`/api/consultations/${consultation.id}`);
    expect(atCounter.body).toMatchObject({
      status: 'open',
      handovers: [
        {
          status: 'returned',
          returnReason:
            '（試験）介護保険サービスの利用調整で対応できる見込みのため、まず包括で対応してください',
        },
      ],
      abilities: { close: true, handOver: true, refer: true },
    });
    const sent = await houkatsu.get<HandoverList>('/api/handovers?status=returned');
    expect(sent.body.items.map((h) => [h.id, h.returnReason])).toContainEqual([
      handoverOf(consultation),
      '（試験）介護保険サービスの利用調整で対応できる見込みのため、まず包括で対応してください',
    ]);
    expect(
      await api.server.database.db
        .selectFrom('cases')
        .select('id')
        .where('household_id', '=', consultation.householdId)
        .execute(),
    ).toEqual([]);

    const twice = await coordinator.post(`/api/handovers/${handoverOf(consultation)}/return`, {
      reason: '（試験）',
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'conflict.alreadyDecided',
      detail: 'この引継ぎはすでに差戻しています。',
    });
    expect((await coordinator.post(`/api/handovers/${handoverOf(consultation)}/accept`)).status).toBe(409);

    const again = await houkatsu.post<Handover>('/api/handovers', {
      consultationId: consultation.id,
      reason: '（試験）サービス調整後も息子の生活困窮が解消しない',
      servicesTried: '（試験）介護保険サービス、自立相談支援機関への相談',
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      status: 'pending',
      consultation: { id: consultation.id, status: 'handedOver' },
    });
    const history = await houkatsu.get<Consultation>(`/api/consultations/${consultation.id}`);
    expect(history.body.handovers.map((h) => h.status)).toEqual(['pending', 'returned']);
  });
});

describe('POST /api/handovers (handovers.create)', () => {
  it('hands over an open consultation of my counter once, and audits it', async () => {
    const consultation = await consult(
      houkatsu,
      intake({ person: newPerson({ familyNameKana: 'てんもん' }) }),
    );
    const body = {
      consultationId: consultation.id,
      reason: '（試験）理由',
      servicesTried: '（試験）既存サービス',
    };
    const created = await houkatsu.post<Handover>('/api/handovers', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      consultation: { id: consultation.id, status: 'handedOver', outcome: 'handover' },
      fromOrganization: { name: '地域包括支援センター' },
      toOrganization: { name: '重層事業担当' },
      reason: '（試験）理由',
      servicesTried: '（試験）既存サービス',
      status: 'pending',
      daysWaiting: 0,
      possibleDuplicates: null,
      abilities: { accept: false, return: false },
    });
    const audit = await api.server.latestAudit('handover.create');
    expect(audit).toMatchObject({
      resource_id: created.body.id,
      person_id: consultation.person.id,
      actor_login_id: 'houkatsu',
    });

    const twice = await houkatsu.post('/api/handovers', body);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'conflict.state',
      detail: 'この相談はすでに重層事業へ引継いでいます。',
    });
  });

  it('refuses what is not mine to hand over: 404 unseen, 403 seen but not taken here, 409 closed or referred', async () => {
    const mine = await consult(houkatsu, intake({ person: newPerson({ familyNameKana: 'かしま' }) }));
    const body = (consultationId: string) => ({
      consultationId,
      reason: '（試験）',
      servicesTried: '（試験）',
    });
    expect((await hogokansatsu.post('/api/handovers', body(mine.id))).status).toBe(404);
    expect((await houkatsu.post('/api/handovers', body('00000000-0000-4000-8000-000000000000'))).status).toBe(
      404,
    );

    const referred = await consult(
      houkatsu,
      intake({
        outcome: { kind: 'referral', toOrganizationId: api.dir.organization('障害者相談支援事業所') },
      }),
    );
    const notYet = await houkatsu.post('/api/handovers', body(referred.id));
    expect(notYet.status).toBe(409);
    expect((notYet.body as Problem).detail).toContain('他機関へつないでいます');
    await shogai.post(`/api/referrals/${referred.referrals[0]?.id}/accept`);
    const notTheirs = await shogai.post('/api/handovers', body(referred.id));
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body).toMatchObject({ code: 'auth.forbidden' });

    await houkatsu.post(`/api/consultations/${mine.id}/close`, {});
    const closed = await houkatsu.post('/api/handovers', body(mine.id));
    expect(closed.status).toBe(409);
    expect((closed.body as Problem).detail).toBe('この相談は対応終了しています。');
  });

  it('rejects bad input with 400 naming the fields; 401 unauthenticated; 404 for roles without case data', async () => {
    const bad = await houkatsu.post('/api/handovers', {
      consultationId: 'nope',
      reason: '',
      servicesTried: ' ',
    });
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(['consultationId', 'reason', 'servicesTried']);
    const body = { consultationId: '00000000-0000-4000-8000-000000000000', reason: 'x', servicesTried: 'y' };
    expect((await api.server.anonymous().post('/api/handovers', body)).status).toBe(401);
    expect((await council.post('/api/handovers', body)).status).toBe(404);
    expect((await plan.post('/api/handovers', body)).status).toBe(404);
  });
});

describe('GET /api/handovers (handovers.list)', () => {
  let fresh: { server: TestServer; counter: ApiClient; coordinator: ApiClient; other: ApiClient };

  beforeAll(async () => {
    const listServer = await startTestServer();
    fresh = {
      server: listServer,
      counter: await listServer.as('houkatsu'),
      coordinator: await listServer.as('coordinator'),
      other: await listServer.as('hogokansatsu'),
    };
  });
  afterAll(() => fresh.server.close());

  it('is the coordinating section’s inbox, pending first then oldest first, and a counter’s sent list, newest first; audited', async () => {
    const { counter, other } = fresh;
    const inbox = fresh.coordinator;
    const made: Consultation[] = [];
    for (const kana of ['あ', 'い', 'う', 'え']) {
      made.push(
        await consult(counter, intake({ person: newPerson({ familyNameKana: kana }), outcome: handover })),
      );
    }
    const fromProbation = await consult(
      other,
      intake({ person: newPerson({ familyNameKana: 'お' }), outcome: handover }),
    );
    const db = fresh.server.database.db;
    const [a, b, c, d] = made.map(handoverOf);
    // Sent on different days: a 5 days ago, b 3, c 1, d today; then c is returned.
    for (const [id, days] of [
      [a, 5],
      [b, 3],
      [c, 1],
    ] as const) {
      await sql`UPDATE handovers SET created_at = now() - make_interval(days => ${days}) WHERE id = ${id}`.execute(
        db,
      );
    }
    expect((await inbox.post(`/api/handovers/${c}/return`, { reason: '（試験）' })).status).toBe(200);

    const all = await inbox.get<HandoverList>('/api/handovers');
    expect(all.body.items.map((h) => [h.id, h.status, h.daysWaiting])).toEqual([
      [a, 'pending', 5],
      [b, 'pending', 3],
      [d, 'pending', 0],
      [handoverOf(fromProbation), 'pending', 0],
      [c, 'returned', null],
    ]);
    expect(all.body.items.every((h) => h.possibleDuplicates === 0)).toBe(true);
    const audit = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'handover.list')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    expect(auditDetails(audit)).toMatchObject({ box: 'inbox', ids: all.body.items.map((h) => h.id) });

    const pages: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const query: string = `/api/handovers?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await inbox.get<HandoverList>(query);
      pages.push(...page.body.items.map((h) => h.id));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    expect(pages).toEqual(all.body.items.map((h) => h.id));
    expect(
      (await inbox.get<HandoverList>('/api/handovers?status=returned')).body.items.map((h) => h.id),
    ).toEqual([c]);

    const sent = await counter.get<HandoverList>('/api/handovers');
    expect(sent.body.items.map((h) => h.id)).toEqual([d, c, b, a]);
    expect(sent.body.items.every((h) => h.possibleDuplicates === null)).toBe(true);
    const sentPage = await counter.get<HandoverList>('/api/handovers?limit=3');
    const rest = await counter.get<HandoverList>(`/api/handovers?limit=3&cursor=${sentPage.body.nextCursor}`);
    expect([...sentPage.body.items, ...rest.body.items].map((h) => h.id)).toEqual([d, c, b, a]);
    expect((await other.get<HandoverList>('/api/handovers')).body.items.map((h) => h.id)).toEqual([
      handoverOf(fromProbation),
    ]);
  });

  it('refuses bad queries with 400; 401 unauthenticated; 404 for roles without case data', async () => {
    expect(problemFields((await fresh.counter.get('/api/handovers?status=lost')).body)).toEqual([
      'クエリ.status',
    ]);
    expect(problemFields((await fresh.counter.get('/api/handovers?cursor=WzAsIngiLCJ5Il0')).body)).toEqual([
      'クエリ.cursor',
    ]);
    expect((await fresh.server.anonymous().get('/api/handovers')).status).toBe(401);
    expect((await council.get('/api/handovers')).status).toBe(404);
    expect((await plan.get('/api/handovers')).status).toBe(404);
  });
});

describe('POST /api/handovers/:id/accept|return (handovers.accept, handovers.return): access', () => {
  it('is 404 for counters (no handover.decide), for unknown ids; 400 for malformed ids; 401 unauthenticated', async () => {
    const consultation = await consult(
      houkatsu,
      intake({ person: newPerson({ familyNameKana: 'みなと' }), outcome: handover }),
    );
    const id = handoverOf(consultation);
    for (const client of [houkatsu, shogai, hogokansatsu, council, plan]) {
      expect((await client.post(`/api/handovers/${id}/accept`)).status).toBe(404);
      expect((await client.post(`/api/handovers/${id}/return`, { reason: '（試験）' })).status).toBe(404);
    }
    expect(
      (await coordinator.post('/api/handovers/00000000-0000-4000-8000-000000000000/accept')).status,
    ).toBe(404);
    expect(problemFields((await coordinator.post('/api/handovers/x/accept')).body)).toEqual(['パス.id']);
    expect((await api.server.anonymous().post(`/api/handovers/${id}/accept`)).status).toBe(401);
    expect((await api.server.anonymous().post(`/api/handovers/${id}/return`, { reason: 'x' })).status).toBe(
      401,
    );
    const still = await coordinator.get<HandoverList>('/api/handovers?status=pending&limit=100');
    expect(still.body.items.map((h) => h.id)).toContain(id);
  });
});
