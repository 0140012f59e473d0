import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DisposalCandidates, DisposalRecord, RetentionRulesView } from '../../src/contract/retention.ts';
import type { Statistics } from '../../src/contract/statistics.ts';
import { sealAuditTrail } from '../../src/db/auditSealer.ts';
import { verifyAuditTrail } from '../../src/db/auditTrail.ts';
import { demoApi } from '../support/demoApi.ts';
import {
  addAssessment,
  addConsent,
  addHouseholdMember,
  addMeeting,
  addPlan,
  createCase,
  createConsultation,
  createPerson,
} from '../support/factories.ts';
import { type ApiClient, auditDetails } from '../support/testServer.ts';

const api = demoApi('coordinator', 'houkatsu', 'auditor', 'admin');
const { coordinator, houkatsu, auditor, admin } = api;

/**
 * 保存期間・廃棄 (docs/retention.md) over real HTTP on one server: the city's periods, the disposal
 * list computed from them, an approval that disposes in one transaction, the statistics of the
 * disposed 年度 unchanged, the audit trail still verifying, and the auditor's record.
 */

const at = (date: string) => new Date(`${date}T10:00:00+09:00`);

/** A closed case of FY2018 (終結 2019-02-01), with everything a disposal must take. */
let expired: {
  caseId: string;
  personId: string;
  consultationId: string;
  householdId: string;
  memberId: string;
  caseNumber: string;
};
/** Closed in FY2018 too, but held. */
let held: { caseId: string };
/** Closed in FY2023: within its period. */
let young: { caseId: string };
/** A consultation of FY2018, closed then, that never became a case. */
let standalone: { consultationId: string; personId: string };
/** The expired case's person has another, open consultation: the person stays. */
let survivor: { personId: string; caseId: string };
/** Registered in 2015, named by no record. */
let recordless: string;

async function closedCase(organization: string, acceptedOn: string, closedOn: string) {
  const db = api.server.database.db;
  const made = await createCase(db, api.dir, { organization, receivedOn: acceptedOn, stage: 'closed' });
  await db
    .updateTable('cases')
    .set({
      accepted_on: acceptedOn,
      closed_on: closedOn,
      closure_reason: 'resolved',
      closure_evaluation: '（試験）安定した',
    })
    .where('id', '=', made.caseId)
    .execute();
  await sql`UPDATE handovers SET created_at = ${at(acceptedOn)}, decided_at = ${at(acceptedOn)}
    WHERE id = ${made.handoverId}`.execute(db);
  await addAssessment(db, api.dir, made.caseId, {
    issues: ['withdrawal', 'elderlyCare'],
    householdFlags: ['8050'],
    summary: '（試験）長男がひきこもり',
  });
  const meetingId = await addMeeting(db, api.dir, {
    caseId: made.caseId,
    minutes: '（試験）議事録',
    invite: ['保護第一課'],
  });
  await db
    .updateTable('meetings')
    .set({ held_at: at(acceptedOn), scheduled_at: at(acceptedOn) })
    .where('id', '=', meetingId)
    .execute();
  const planId = await addPlan(db, api.dir, {
    caseId: made.caseId,
    item: { content: '（試験）見守り', organization: '保護第一課' },
  });
  await db
    .updateTable('support_plans')
    .set({ approved_at: at(acceptedOn) })
    .where('id', '=', planId)
    .execute();
  await db
    .insertInto('case_events')
    .values({
      id: randomUUID(),
      tenant_id: api.dir.tenantId,
      case_id: made.caseId,
      occurred_at: at(acceptedOn),
      kind: 'suspended',
      summary: '（試験）本人の入院で中断',
      details: JSON.stringify({ reason: '（試験）入院' }),
    })
    .execute();
  return made;
}

const statistics = async (client: ApiClient) => {
  const response = await client.get<Statistics>('/api/statistics?fiscalYear=2018');
  expect(response.status).toBe(200);
  return response.body;
};

beforeAll(async () => {
  const db = api.server.database.db;
  const made = await closedCase('地域包括支援センター', '2018-06-10', '2019-02-01');
  const memberId = await createPerson(db, api.dir, { familyName: '廃棄', givenName: '母子' });
  await addHouseholdMember(db, api.dir, made.householdId, memberId, 'mother');
  await db
    .updateTable('persons')
    .set({ family_name: '廃棄', given_name: '太郎' })
    .where('id', '=', made.personId)
    .execute();
  await addConsent(db, api.dir, {
    personId: made.personId,
    caseId: made.caseId,
    organizationIds: [api.dir.organization('保護第一課')],
  });
  const consent = await db
    .selectFrom('consents')
    .select('id')
    .where('case_id', '=', made.caseId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('consent_scans')
    .values({
      id: randomUUID(),
      tenant_id: api.dir.tenantId,
      consent_id: consent.id,
      filename: 'doui.pdf',
      media_type: 'application/pdf',
      size_bytes: 4,
      sha256: 'x'.repeat(64),
      content: Buffer.from('%PDF'),
      uploaded_by: api.dir.user('coordinator').id,
    })
    .execute();
  const factId = randomUUID();
  await db
    .insertInto('sensitive_facts')
    .values({
      id: factId,
      tenant_id: api.dir.tenantId,
      person_id: made.personId,
      case_id: made.caseId,
      kind: 'illness',
      summary: '（試験）通院中',
      recorded_by: api.dir.user('coordinator').id,
      recorded_by_organization_id: api.dir.organization('重層事業担当'),
    })
    .execute();
  await db
    .insertInto('sensitive_fact_grants')
    .values({
      id: randomUUID(),
      tenant_id: api.dir.tenantId,
      fact_id: factId,
      organization_id: api.dir.organization('重層事業担当'),
      reason: '（試験）記録した機関',
      legal_basis: 'recorder',
      granted_by: api.dir.user('coordinator').id,
    })
    .execute();
  await db
    .insertInto('progress_notes')
    .values({
      id: randomUUID(),
      tenant_id: api.dir.tenantId,
      case_id: made.caseId,
      organization_id: api.dir.organization('重層事業担当'),
      recorded_by: api.dir.user('coordinator').id,
      occurred_at: at('2018-07-01'),
      kind: 'phone',
      content: '（試験）電話で様子を聞いた',
    })
    .execute();
  const number = await db
    .selectFrom('cases')
    .select('case_number')
    .where('id', '=', made.caseId)
    .executeTakeFirstOrThrow();
  expired = { ...made, memberId, caseNumber: number.case_number };

  held = await closedCase('保護第一課', '2018-09-01', '2019-03-01');
  await db
    .updateTable('cases')
    .set({ retention_hold_reason: '（試験）訴訟の対応中' })
    .where('id', '=', held.caseId)
    .execute();
  young = await closedCase('地域包括支援センター', '2023-05-01', '2023-09-01');

  // the survivor: a person of an expired case who still has an open consultation
  const survivorCase = await closedCase('地域包括支援センター', '2018-10-01', '2019-01-15');
  await createConsultation(db, api.dir, { personId: survivorCase.personId, receivedOn: '2026-11-01' });
  survivor = { personId: survivorCase.personId, caseId: survivorCase.caseId };

  const q = await createConsultation(db, api.dir, { receivedOn: '2018-08-01', status: 'closed' });
  await db
    .updateTable('consultations')
    .set({ closed_at: at('2018-09-01'), close_note: '（試験）情報提供で終了', content: '（試験）家計の相談' })
    .where('id', '=', q.consultationId)
    .execute();
  standalone = { consultationId: q.consultationId, personId: q.personId };

  recordless = await createPerson(db, api.dir, { familyName: '登録', givenName: 'のみ' });
  await db
    .updateTable('persons')
    .set({ updated_at: at('2015-06-01') })
    .where('id', '=', recordless)
    .execute();
}, 120_000);

describe('retention periods', () => {
  it('are the defaults until set; the coordinating section and IT set them; bad years are refused in Japanese', async () => {
    const initial = await coordinator.get<RetentionRulesView>('/api/retention');
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({
      caseYears: 5,
      consultationYears: 5,
      personYears: 5,
      isDefault: true,
    });

    const bad = await admin.request('PUT', '/api/retention', {
      caseYears: 0,
      consultationYears: 5,
      personYears: 5,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('1年以上');

    const set = await admin.request<RetentionRulesView>('PUT', '/api/retention', {
      caseYears: 5,
      consultationYears: 5,
      personYears: 10,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ personYears: 10, isDefault: false, updatedBy: '情報 管理' });
    expect(auditDetails(await api.server.latestAudit('retention.update'))).toMatchObject({
      after: { personYears: 10 },
    });
    expect((await houkatsu.get('/api/retention')).status).toBe(403);
  });
});

describe('the disposal list and its approval', () => {
  it('lists the expired records and the persons who go with them, and shows the held case apart', async () => {
    const response = await coordinator.get<DisposalCandidates>('/api/disposals/candidates');
    expect(response.status).toBe(200);
    const list = response.body;
    const caseIds = list.cases.map((c) => c.id);
    expect(caseIds).toContain(expired.caseId);
    expect(caseIds).toContain(survivor.caseId);
    expect(caseIds).not.toContain(held.caseId);
    expect(caseIds).not.toContain(young.caseId);
    expect(list.cases.find((c) => c.id === expired.caseId)).toMatchObject({
      caseNumber: expired.caseNumber,
      personName: '廃棄 太郎',
      closedOn: '2019-02-01',
      disposableFrom: '2024-04-01',
    });
    expect(list.consultations.map((c) => c.id)).toContain(standalone.consultationId);
    const personIds = list.persons.map((p) => p.id);
    expect(personIds).toEqual(
      expect.arrayContaining([expired.personId, expired.memberId, standalone.personId, recordless]),
    );
    expect(personIds).not.toContain(survivor.personId);
    expect(list.held.map((h) => h.id)).toContain(held.caseId);
    expect((await api.server.latestAudit('disposal.list'))?.actor_login_id).toBe('coordinator');
  });

  it('refuses a selection with a record not on the list (409) and disposes nothing', async () => {
    const refused = await coordinator.post('/api/disposals', { caseIds: [expired.caseId, young.caseId] });
    expect(refused.status).toBe(409);
    expect((refused.body as { code: string }).code).toBe('disposal.notExpired');
    const still = await api.server.database.db
      .selectFrom('persons')
      .select('id')
      .where('id', '=', expired.personId)
      .execute();
    expect(still).toHaveLength(1);
    expect((await coordinator.post('/api/disposals', {})).status).toBe(400);
  });

  it('disposes in one transaction: personal data gone, statistics of the 年度 unchanged, audit trail verifies', async () => {
    const db = api.server.database.db;
    // reads that name the persons, so the audit trail has events about them
    expect((await coordinator.get(`/api/persons/${expired.personId}`)).status).toBe(200);
    expect((await coordinator.get(`/api/persons/${survivor.personId}`)).status).toBe(200);
    const cityBefore = await statistics(coordinator);
    const organisationBefore = await statistics(houkatsu);
    expect(cityBefore.totals.casesAccepted).toBeGreaterThanOrEqual(3);

    const approved = await coordinator.post<DisposalRecord>('/api/disposals', {
      caseIds: [expired.caseId, survivor.caseId],
      consultationIds: [standalone.consultationId],
      personIds: [recordless],
    });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ caseCount: 2, consultationCount: 3 });
    expect(approved.body.caseNumbers).toContain(expired.caseNumber);

    // the persons the disposed records named are gone; the one with an open consultation stays
    const persons = await db
      .selectFrom('persons')
      .select('id')
      .where('id', 'in', [
        expired.personId,
        expired.memberId,
        standalone.personId,
        recordless,
        survivor.personId,
      ])
      .execute();
    expect(persons.map((p) => p.id)).toEqual([survivor.personId]);
    expect(approved.body.personCount).toBe(4);
    for (const table of ['consents', 'sensitive_facts', 'progress_notes', 'case_persons'] as const) {
      const left = await db
        .selectFrom(table)
        .select('case_id')
        .where('case_id', '=', expired.caseId)
        .execute();
      expect(left, table).toEqual([]);
    }
    expect(
      await db.selectFrom('consent_scans').select('id').where('filename', '=', 'doui.pdf').execute(),
    ).toEqual([]);
    expect(
      await db
        .selectFrom('household_members')
        .select('id')
        .where('household_id', '=', expired.householdId)
        .execute(),
    ).toEqual([]);
    const row = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', expired.caseId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      primary_person_id: null,
      closure_evaluation: null,
      closure_reason: 'resolved',
    });
    expect(row.disposed_at).not.toBeNull();
    const consultation = await db
      .selectFrom('consultations')
      .selectAll()
      .where('id', '=', standalone.consultationId)
      .executeTakeFirstOrThrow();
    expect(consultation).toMatchObject({
      person_id: null,
      content: '',
      close_note: null,
      main_topic: 'care',
    });
    const texts = await db
      .selectFrom('assessments')
      .select(['summary'])
      .where('case_id', '=', expired.caseId)
      .execute();
    expect(texts).toEqual([{ summary: null }]);

    // the disposed case is gone from the casework screens
    expect((await coordinator.get(`/api/cases/${expired.caseId}`)).status).toBe(404);

    // the same figures for the disposed 年度, city-wide and for a participating organisation
    expect(await statistics(coordinator)).toEqual(cityBefore);
    expect(await statistics(houkatsu)).toEqual(organisationBefore);

    // the tombstone names counts and case numbers, never a name or a person's id
    const tombstone = await api.server.latestAudit('disposal.approve');
    expect(tombstone).toMatchObject({ person_id: null, case_id: null, resource_id: approved.body.id });
    const text = JSON.stringify(tombstone?.details);
    expect(text).toContain(expired.caseNumber);
    for (const secret of ['廃棄', expired.personId, expired.memberId, recordless])
      expect(text).not.toContain(secret);

    // the trail still verifies once sealed
    await sealAuditTrail(db);
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true, unsealed: { count: 0 } });

    // the disposed records are no longer on the list
    const after = await coordinator.get<DisposalCandidates>('/api/disposals/candidates');
    expect(after.body.cases.map((c) => c.id)).not.toContain(expired.caseId);
  });

  it('a hold is set and lifted by the coordinating section; a disposed case cannot be held', async () => {
    const put = await coordinator.request('PUT', `/api/cases/${young.caseId}/retention-hold`, {
      reason: '（試験）開示請求の対応中',
    });
    expect(put.status).toBe(200);
    let list = await coordinator.get<DisposalCandidates>('/api/disposals/candidates');
    expect(list.body.held.map((h) => h.id)).toContain(young.caseId);
    const lift = await coordinator.request('PUT', `/api/cases/${young.caseId}/retention-hold`, {
      reason: null,
    });
    expect(lift.status).toBe(200);
    list = await coordinator.get<DisposalCandidates>('/api/disposals/candidates');
    expect(list.body.held.map((h) => h.id)).not.toContain(young.caseId);
    expect(
      (
        await coordinator.request('PUT', `/api/cases/${expired.caseId}/retention-hold`, {
          reason: '（試験）',
        })
      ).status,
    ).toBe(404);
  });
});

describe('the auditor', () => {
  it('reads the record of disposals and its CSV, and the disposed person’s events marked 廃棄済み', async () => {
    const report = await auditor.get<{ items: DisposalRecord[] }>('/api/disposals');
    expect(report.status).toBe(200);
    expect(report.body.items[0]).toMatchObject({ caseCount: 2, approvedBy: { displayName: '重層 調整' } });
    const csv = await auditor.get<string>('/api/disposals/export');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(expired.caseNumber);
    expect(csv.body).toContain('支援ケース数');

    // events about the disposed person keep the id; the person row is gone (LEFT JOIN), marked 廃棄済み
    const events = await auditor.get<{ items: { personId: string | null; personDisposed: boolean }[] }>(
      `/api/audit-events?personId=${expired.personId}`,
    );
    expect(events.status).toBe(200);
    expect(events.body.items.length).toBeGreaterThan(0);
    expect(events.body.items.every((e) => e.personId === expired.personId && e.personDisposed)).toBe(true);
    const living = await auditor.get<{ items: { personDisposed: boolean }[] }>(
      `/api/audit-events?personId=${survivor.personId}`,
    );
    expect(living.body.items.length).toBeGreaterThan(0);
    expect(living.body.items.every((e) => !e.personDisposed)).toBe(true);

    // the CSV names the disposed person 「（廃棄済み）」 beside the kept id, and the tombstone's kind
    const trail = await auditor.get<string>(`/api/audit-events/export?personId=${expired.personId}`);
    expect(trail.status).toBe(200);
    const lines = trail.body.split('\r\n').slice(1).filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.includes(`,（廃棄済み）,${expired.personId},`))).toBe(true);
    const tombstones = await auditor.get<string>('/api/audit-events/export?action=disposal.approve');
    expect(tombstones.body).toContain(',disposal.approve,廃棄,');
  });
});
