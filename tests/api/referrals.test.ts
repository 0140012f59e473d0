import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Consultation } from '../../src/contract/consultations.ts';
import type { Problem } from '../../src/contract/problem.ts';
import type { Referral } from '../../src/contract/referrals.ts';
import { demoApi } from '../support/demoApi.ts';
import { consult, intakeBody, personMaker } from '../support/intake.ts';
import { auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('houkatsu', 'shogai', 'hogokansatsu', 'coordinator', 'council', 'plan');
const { houkatsu, shogai, hogokansatsu, coordinator, council, plan } = api;

/** Synthetic people only (生成): names below are made up for the tests. */

interface ReferralList {
  items: Referral[];
  nextCursor: string | null;
}

const newPerson = personMaker('天文', '学', 'てんもん', 'まなぶ', '1990-09-09', 'male');

const referTo = (organization: string, overrides: Record<string, unknown> = {}) =>
  intakeBody(
    newPerson(),
    {
      topics: ['health', 'jobSeeking'],
      mainTopic: 'health',
      content: '（試験）障害者手帳と就労についての相談',
    },
    {
      kind: 'referral',
      toOrganizationId: api.dir.organization(organization),
      note: '（試験）手帳の申請から',
    },
    overrides,
  );

const referralOf = (consultation: Consultation) => consultation.referrals[0]?.id ?? '';

describe('e2e (b): a consultation referred to 障害者相談支援事業所, accepted there and closed without a handover', () => {
  it('goes counter → inbox → accept → close', async () => {
    const consultation = await consult(houkatsu, referTo('障害者相談支援事業所'));
    expect(consultation.status).toBe('referred');

    // The agency sees it in its inbox, with the consultation summary and days waiting.
    const inbox = await shogai.get<ReferralList>('/api/referrals');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toEqual([
      {
        id: referralOf(consultation),
        consultation: {
          id: consultation.id,
          receivedOn: consultation.receivedOn,
          organization: { id: api.dir.organization('地域包括支援センター'), name: '地域包括支援センター' },
          person: consultation.person,
          channel: 'visit',
          topics: ['health', 'jobSeeking'],
          mainTopic: 'health',
          outcome: 'referral',
          status: 'referred',
        },
        fromOrganization: { id: api.dir.organization('地域包括支援センター'), name: '地域包括支援センター' },
        toOrganization: { id: api.dir.organization('障害者相談支援事業所'), name: '障害者相談支援事業所' },
        note: '（試験）手帳の申請から',
        legalBasis: 'consent',
        status: 'pending',
        createdAt: expect.any(String),
        daysWaiting: 0,
        decidedAt: null,
        declineReason: null,
        abilities: { accept: true, decline: true },
      },
    ]);
    const listAudit = await api.server.latestAudit('referral.list');
    expect(auditDetails(listAudit)).toMatchObject({
      ids: [referralOf(consultation)],
      consultationIds: [consultation.id],
    });

    // While pending, the agency may read the consultation but not close it.
    const pending = await shogai.get<Consultation>(`/api/consultations/${consultation.id}`);
    expect(pending.status).toBe(200);
    expect(pending.body.abilities).toEqual({ close: false, handOver: false, refer: false });

    const accepted = await shogai.post<Referral>(`/api/referrals/${referralOf(consultation)}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      decidedAt: expect.any(String),
      consultation: { id: consultation.id },
      abilities: { accept: false, decline: false },
    });
    const audit = await api.server.latestAudit('referral.accept');
    expect(audit).toMatchObject({
      resource_id: referralOf(consultation),
      person_id: consultation.person.id,
      legal_basis: 'consent',
      actor_login_id: 'shogai',
    });

    const visible = await shogai.get<Consultation>(`/api/consultations/${consultation.id}`);
    expect(visible.body).toMatchObject({
      status: 'referred',
      abilities: { close: true, handOver: false, refer: false },
    });
    expect(
      (await shogai.get<ReferralList>('/api/referrals?status=accepted')).body.items.map((r) => r.id),
    ).toEqual([referralOf(consultation)]);

    const closed = await shogai.post<Consultation>(`/api/consultations/${consultation.id}/close`, {
      note: '（試験）手帳を申請し、相談支援を継続',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closeNote: '（試験）手帳を申請し、相談支援を継続',
    });

    const atCounter = await houkatsu.get<Consultation>(`/api/consultations/${consultation.id}`);
    expect(atCounter.body).toMatchObject({
      status: 'closed',
      handovers: [],
      referrals: [{ status: 'accepted', toOrganization: { name: '障害者相談支援事業所' } }],
    });
    const handovers = await api.server.database.db
      .selectFrom('handovers')
      .select('id')
      .where('consultation_id', '=', consultation.id)
      .execute();
    expect(handovers).toEqual([]);
    // Nobody else learns of it.
    expect((await hogokansatsu.get(`/api/consultations/${consultation.id}`)).status).toBe(404);
    expect((await coordinator.get(`/api/consultations/${consultation.id}`)).status).toBe(404);
  });
});

describe('POST /api/referrals/:id/decline (referrals.decline)', () => {
  it('needs a reason; afterwards the agency no longer sees the consultation and the counter sees why', async () => {
    const consultation = await consult(
      houkatsu,
      referTo('障害者相談支援事業所', { person: newPerson({ familyNameKana: 'さくらだ' }) }),
    );
    const noReason = await shogai.post(`/api/referrals/${referralOf(consultation)}/decline`, {
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect((noReason.body as Problem).errors).toEqual([
      expect.objectContaining({ field: 'reason', message: '入力してください' }),
    ]);
    expect(
      problemFields((await shogai.post(`/api/referrals/${referralOf(consultation)}/decline`, {})).body),
    ).toEqual(['reason']);

    const declined = await shogai.post<Referral>(`/api/referrals/${referralOf(consultation)}/decline`, {
      reason: '（試験）対象年齢外のため、自立相談支援機関が適当です',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      declineReason: '（試験）対象年齢外のため、自立相談支援機関が適当です',
      consultation: null,
      abilities: { accept: false, decline: false },
    });
    const audit = await api.server.latestAudit('referral.decline');
    expect(auditDetails(audit)).toEqual({
      consultationId: consultation.id,
      reason: '（試験）対象年齢外のため、自立相談支援機関が適当です',
    });

    expect((await shogai.get(`/api/consultations/${consultation.id}`)).status).toBe(404);
    expect(
      (await shogai.get<{ items: { id: string }[] }>('/api/consultations')).body.items.map((c) => c.id),
    ).not.toContain(consultation.id);
    expect((await shogai.get<ReferralList>('/api/referrals')).body.items.map((r) => r.id)).not.toContain(
      referralOf(consultation),
    );
    expect((await shogai.get<{ items: { id: string }[] }>('/api/persons?kana=さくらだ')).body.items).toEqual(
      [],
    );

    const atCounter = await houkatsu.get<Consultation>(`/api/consultations/${consultation.id}`);
    expect(atCounter.body).toMatchObject({
      status: 'open',
      referrals: [
        { status: 'declined', declineReason: '（試験）対象年齢外のため、自立相談支援機関が適当です' },
      ],
      abilities: { close: true, handOver: true, refer: true },
    });

    const again = await shogai.post(`/api/referrals/${referralOf(consultation)}/accept`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'conflict.alreadyDecided',
      detail: 'このつなぎはすでに辞退しています。',
    });
  });
});

describe('POST /api/referrals/:id/accept (referrals.accept)', () => {
  it('only the target decides (others 404), only once (409 conflict.alreadyDecided)', async () => {
    const consultation = await consult(
      houkatsu,
      referTo('障害者相談支援事業所', { person: newPerson({ familyNameKana: 'かしま' }) }),
    );
    const id = referralOf(consultation);
    for (const client of [houkatsu, hogokansatsu]) {
      expect((await client.post(`/api/referrals/${id}/accept`)).status).toBe(404);
      expect((await client.post(`/api/referrals/${id}/decline`, { reason: 'x' })).status).toBe(404);
    }
    // The coordinating section lacks nothing but the address: still 404.
    expect((await coordinator.post(`/api/referrals/${id}/accept`)).status).toBe(404);
    expect((await council.post(`/api/referrals/${id}/accept`)).status).toBe(404);
    expect((await plan.post(`/api/referrals/${id}/decline`, { reason: 'x' })).status).toBe(404);
    expect((await api.server.anonymous().post(`/api/referrals/${id}/accept`)).status).toBe(401);
    expect((await shogai.post('/api/referrals/not-an-id/accept')).status).toBe(400);
    expect((await shogai.post('/api/referrals/00000000-0000-4000-8000-000000000000/accept')).status).toBe(
      404,
    );

    expect((await shogai.post(`/api/referrals/${id}/accept`)).status).toBe(200);
    const twice = await shogai.post(`/api/referrals/${id}/accept`);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'conflict.alreadyDecided',
      detail: 'このつなぎはすでに受理しています。',
    });
    const late = await shogai.post(`/api/referrals/${id}/decline`, { reason: '（試験）' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'conflict.alreadyDecided' });
  });
});

describe('GET /api/referrals (referrals.list)', () => {
  it('is my organisation’s inbox, oldest first, with days waiting counted in Asia/Tokyo and keyset pages', async () => {
    const first = await consult(
      houkatsu,
      referTo('自立相談支援機関', { person: newPerson({ familyNameKana: 'いち' }) }),
    );
    const second = await consult(
      houkatsu,
      referTo('自立相談支援機関', { person: newPerson({ familyNameKana: 'に' }) }),
    );
    const third = await consult(
      hogokansatsu,
      referTo('自立相談支援機関', { person: newPerson({ familyNameKana: 'さん' }) }),
    );
    // Sent three days ago (the referral row's own timestamp is what counts).
    await sql`UPDATE referrals SET created_at = now() - interval '3 days' WHERE id = ${referralOf(first)}`.execute(
      api.server.database.db,
    );
    // The sender's inbox is not where they land.
    expect((await houkatsu.get<ReferralList>('/api/referrals')).body.items).toEqual([]);

    // A (synthetic) caseworker of 自立相談支援機関, the target.
    await api.server.database.db
      .insertInto('users')
      .values({
        id: randomUUID(),
        tenant_id: api.dir.tenantId,
        organization_id: api.dir.organization('自立相談支援機関'),
        login_id: 'jiritsu-test',
        display_name: '自立 相談',
        password_hash: (
          await api.server.database.db
            .selectFrom('users')
            .select('password_hash')
            .where('login_id', '=', 'houkatsu')
            .executeTakeFirstOrThrow()
        ).password_hash,
        roles: ['caseworker'],
      })
      .execute();
    const target = await api.server.as('jiritsu-test');
    const all = await target.get<ReferralList>('/api/referrals');
    expect(all.body.items.map((r) => [r.id, r.daysWaiting])).toEqual([
      [referralOf(first), 3],
      [referralOf(second), 0],
      [referralOf(third), 0],
    ]);
    expect(all.body.items[2]?.fromOrganization.name).toBe('鹿児島保護観察所');

    const page1 = await target.get<ReferralList>('/api/referrals?limit=2');
    expect(page1.body.items.map((r) => r.id)).toEqual([referralOf(first), referralOf(second)]);
    const page2 = await target.get<ReferralList>(`/api/referrals?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((r) => r.id)).toEqual([referralOf(third)]);
    expect(page2.body.nextCursor).toBeNull();

    // Other organisations do not see them.
    for (const client of [shogai, hogokansatsu, coordinator]) {
      const ids = (await client.get<ReferralList>('/api/referrals')).body.items.map((r) => r.id);
      expect(ids).not.toContain(referralOf(first));
    }
  });

  it('refuses bad queries with 400, is 401 unauthenticated and 404 for roles without case data', async () => {
    expect(problemFields((await shogai.get('/api/referrals?status=declined')).body)).toEqual([
      'クエリ.status',
    ]);
    expect(problemFields((await shogai.get('/api/referrals?cursor=%E2%9C%93')).body)).toEqual([
      'クエリ.cursor',
    ]);
    expect((await api.server.anonymous().get('/api/referrals')).status).toBe(401);
    expect((await council.get('/api/referrals')).status).toBe(404);
    expect((await plan.get('/api/referrals')).status).toBe(404);
  });
});

describe('POST /api/referrals (referrals.create)', () => {
  it('refers an open consultation of my counter again after a decline; refuses what is not mine to refer', async () => {
    const consultation = await consult(
      houkatsu,
      referTo('障害者相談支援事業所', { person: newPerson({ familyNameKana: 'みなと' }) }),
    );
    const body = {
      consultationId: consultation.id,
      toOrganizationId: api.dir.organization('自立相談支援機関'),
    };
    const waiting = await houkatsu.post('/api/referrals', body);
    expect(waiting.status).toBe(409);
    expect(waiting.body).toMatchObject({
      code: 'conflict.state',
      detail: 'この相談はすでに他機関へつないでいます。',
    });
    expect((await shogai.post('/api/referrals', body)).status).toBe(403);

    await shogai.post(`/api/referrals/${referralOf(consultation)}/decline`, {
      reason: '（試験）定員に空きがない',
    });
    expect((await shogai.post('/api/referrals', body)).status).toBe(404);
    expect((await hogokansatsu.post('/api/referrals', body)).status).toBe(404);
    expect(
      problemFields(
        (
          await houkatsu.post('/api/referrals', {
            ...body,
            toOrganizationId: api.dir.organization('重層事業担当'),
          })
        ).body,
      ),
    ).toEqual(['toOrganizationId']);
    expect(problemFields((await houkatsu.post('/api/referrals', { consultationId: 'x' })).body)).toEqual([
      'consultationId',
      'toOrganizationId',
    ]);

    const referred = await houkatsu.post<Referral>('/api/referrals', {
      ...body,
      note: '（試験）就労準備支援を',
    });
    expect(referred.status).toBe(201);
    expect(referred.body).toMatchObject({
      toOrganization: { name: '自立相談支援機関' },
      note: '（試験）就労準備支援を',
      status: 'pending',
      legalBasis: 'consent',
      consultation: { id: consultation.id, status: 'referred' },
      abilities: { accept: false, decline: false },
    });
    const audit = await api.server.latestAudit('referral.create');
    expect(audit).toMatchObject({
      resource_id: referred.body.id,
      legal_basis: 'consent',
      person_id: consultation.person.id,
    });

    const history = await houkatsu.get<Consultation>(`/api/consultations/${consultation.id}`);
    expect(history.body.referrals.map((r) => [r.toOrganization.name, r.status])).toEqual([
      ['自立相談支援機関', 'pending'],
      ['障害者相談支援事業所', 'declined'],
    ]);
  });

  it('needs the person’s consent (409 consent.required); 401 unauthenticated, 404 for roles without case data', async () => {
    const noConsent = await consult(houkatsu, {
      ...referTo('障害者相談支援事業所'),
      consentToShare: false,
      outcome: { kind: 'ownAgency' },
    });
    const body = { consultationId: noConsent.id, toOrganizationId: api.dir.organization('自立相談支援機関') };
    const refused = await houkatsu.post('/api/referrals', body);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'consent.required' });
    expect((await api.server.anonymous().post('/api/referrals', body)).status).toBe(401);
    expect((await council.post('/api/referrals', body)).status).toBe(404);
  });
});
