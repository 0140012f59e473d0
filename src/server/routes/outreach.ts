import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  type OutreachContact,
  outreachContactInputSchema,
  outreachContactListQuerySchema,
  outreachContactListSchema,
  outreachContactSchema,
} from '../../contract/outreach.ts';
import { caseVisible, consultationVisible, type Viewer } from '../../db/access.ts';
import { findVisibleConsultationPerson } from '../../db/consultations.ts';
import type { DB } from '../../db/schema.ts';
import { today } from '../../domain/clock.ts';
import { operations } from '../operation.ts';
import { invalidField, notFound } from '../problem.ts';

/**
 * The attempts a viewer may see: those of a case it takes part in, and those of a consultation it
 * may see (the counter that took it, the organisation it was referred or handed over to, and — once
 * its handover opened a case — everyone taking part in that case: the attempts move into the case).
 */
async function listContacts(
  db: Kysely<DB> | Transaction<DB>,
  viewer: Viewer,
  filter: { consultationId?: string | undefined; caseId?: string | undefined; id?: string },
): Promise<OutreachContact[]> {
  let query = db
    .selectFrom('outreach_contacts as oc')
    .innerJoin('organizations as o', 'o.id', 'oc.organization_id')
    .leftJoin('consultations as c', 'c.id', 'oc.consultation_id')
    .selectAll('oc')
    .select([
      'o.name as organization_name',
      sql<
        string | null
      >`COALESCE(oc.case_id, (SELECT h.case_id FROM handovers h WHERE h.consultation_id = oc.consultation_id AND h.case_id IS NOT NULL LIMIT 1))`.as(
        'effective_case_id',
      ),
    ])
    .where('oc.tenant_id', '=', viewer.tenantId)
    .where((eb) =>
      eb.or([
        eb.and([eb('oc.case_id', 'is not', null), caseVisible(viewer, 'oc.case_id')]),
        eb.and([
          eb('oc.consultation_id', 'is not', null),
          consultationVisible(viewer, 'c.id', 'c.organization_id'),
        ]),
      ]),
    );
  if (filter.id) query = query.where('oc.id', '=', filter.id);
  if (filter.consultationId) query = query.where('oc.consultation_id', '=', filter.consultationId);
  if (filter.caseId) {
    const caseId = filter.caseId;
    query = query.where((eb) =>
      eb.or([
        eb('oc.case_id', '=', caseId),
        eb(
          'oc.consultation_id',
          'in',
          eb.selectFrom('handovers').select('consultation_id').where('case_id', '=', caseId),
        ),
      ]),
    );
  }
  const rows = await query
    .orderBy('oc.attempted_on', 'desc')
    .orderBy('oc.created_at', 'desc')
    .limit(1000)
    .execute();
  const day = today();
  const latestOfTarget = new Set<string>();
  return rows.map((r) => {
    const target = r.effective_case_id ?? r.consultation_id ?? '';
    const latest = !latestOfTarget.has(target);
    latestOfTarget.add(target);
    return {
      id: r.id,
      consultationId: r.consultation_id,
      caseId: r.effective_case_id,
      attemptedOn: r.attempted_on,
      method: r.method as OutreachContact['method'],
      result: r.result as OutreachContact['result'],
      relationship: r.relationship as OutreachContact['relationship'],
      note: r.note,
      nextAttemptOn: r.next_attempt_on,
      organization: { id: r.organization_id, name: r.organization_name },
      overdue: latest && r.next_attempt_on !== null && r.next_attempt_on < day,
    };
  });
}

/**
 * アウトリーチ等を通じた継続的支援 (docs/resources.md): contact attempts with someone who has not consented
 * yet or cannot come — visits, letters, calls, word through a neighbour or a 民生委員 — their result, the
 * relationship built and the next attempt. Case data: seen only by those who may see the consultation or
 * the case (404 otherwise), every read audited; the coordinator lists overdue next attempts.
 */
export function outreachRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['outreach'] });

  op.post(
    '/api/outreach-contacts',
    {
      operationId: 'outreachContacts.create',
      access: { permission: 'outreach.record' },
      audit: ['outreachContact.create'],
      summary:
        'Record a contact attempt (訪問, 手紙, 電話, 近隣・民生委員を通じて) on a consultation or a case',
      body: outreachContactInputSchema,
      response: { 201: outreachContactSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const input = request.body;
      let personId: string | null = null;
      if (input.caseId) {
        personId = (await visibleCase(input.caseId)).primary_person_id;
      } else {
        const consultation = await findVisibleConsultationPerson(tx, actor, input.consultationId ?? '');
        if (!consultation)
          throw invalidField(
            'consultationId',
            'unknown',
            '指定された相談が見つかりません',
            '指定された相談が見つかりません。',
          );
        personId = consultation.person_id;
      }
      const id = randomUUID();
      await tx
        .insertInto('outreach_contacts')
        .values({
          id,
          tenant_id: actor.tenantId,
          consultation_id: input.caseId ? null : (input.consultationId ?? null),
          case_id: input.caseId ?? null,
          organization_id: actor.organizationId,
          recorded_by: actor.userId,
          attempted_on: input.attemptedOn,
          method: input.method,
          result: input.result,
          relationship: input.relationship,
          note: input.note,
          next_attempt_on: input.nextAttemptOn,
        })
        .execute();
      await audit({
        action: 'outreachContact.create',
        resourceType: 'outreachContact',
        resourceId: id,
        caseId: input.caseId ?? null,
        personId,
        details: {
          method: input.method,
          result: input.result,
          consultationId: input.consultationId ?? null,
        },
      });
      const [created] = await listContacts(tx, actor, { id });
      if (!created) throw notFound();
      return created;
    },
  );

  op.get(
    '/api/outreach-contacts',
    {
      operationId: 'outreachContacts.list',
      access: { permission: 'case.read' },
      audit: ['outreachContact.list'],
      summary:
        'Contact attempts of a consultation or case I may see; overdue=true: latest attempts whose next one is past',
      querystring: outreachContactListQuerySchema,
      response: { 200: outreachContactListSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const query = request.query;
      if (query.caseId) await visibleCase(query.caseId);
      const all = await listContacts(tx, actor, query);
      if (query.consultationId && all.length === 0) {
        const visible = await findVisibleConsultationPerson(tx, actor, query.consultationId);
        if (!visible) throw notFound();
      }
      const items = query.overdue ? all.filter((c) => c.overdue) : all;
      await audit({
        action: 'outreachContact.list',
        resourceType: 'outreachContact',
        caseId: query.caseId ?? null,
        details: { ids: items.map((c) => c.id), overdue: query.overdue },
      });
      return { items };
    },
  );
}
