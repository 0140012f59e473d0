import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import type { ConsultationSummary } from '../../contract/consultations.ts';
import {
  type Handover,
  handoverAcceptedSchema,
  handoverInputSchema,
  handoverListQuerySchema,
  handoverListSchema,
  handoverReturnSchema,
  handoverSchema,
} from '../../contract/handovers.ts';
import { consultationPersonId, setConsultationStatus } from '../../db/consultations.ts';
import {
  createCaseFromHandover,
  decideHandover,
  findHandoverForRecipient,
  type HandoverRow,
  handoversOf,
  insertHandover,
  listHandovers,
} from '../../db/handovers.ts';
import type { DB } from '../../db/schema.ts';
import { daysBetween } from '../../domain/businessDays.ts';
import * as clock from '../../domain/clock.ts';
import {
  handoverAbilities,
  handoverDecisionRefusal,
  maySeePossibleDuplicates,
} from '../../domain/policy/handovers.ts';
import { toIsoDate } from '../../domain/wareki.ts';
import type { Actor } from '../actor.ts';
import { finishSending, handoverRecipient, openConsultationOfMyCounter } from '../openConsultation.ts';
import { operations } from '../operation.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { enforce, notFound, orNotFound } from '../problem.ts';
import { presentHandoverOf, summariesOfSent, visibleSummariesWithPersons } from './consultations.ts';

function presentHandover(
  row: HandoverRow & { possible_duplicates?: string | number | null },
  consultation: ConsultationSummary,
  actor: Actor,
  today = clock.today(),
): Handover {
  const duplicates = row.possible_duplicates;
  return {
    ...presentHandoverOf(row),
    consultation,
    fromOrganization: { id: row.from_organization_id, name: row.from_organization_name },
    daysWaiting: row.status === 'pending' ? daysBetween(toIsoDate(row.created_at), today) : null,
    possibleDuplicates:
      maySeePossibleDuplicates(actor) && duplicates !== undefined && duplicates !== null
        ? Number(duplicates)
        : null,
    abilities: handoverAbilities(actor, row),
  };
}

async function reload(tx: Transaction<DB>, actor: Actor, handoverId: string, consultationId: string) {
  const [row] = (await handoversOf(tx, actor, [consultationId])).filter((h) => h.id === handoverId);
  const summary = (await visibleSummariesWithPersons(tx, actor, [consultationId])).get(consultationId);
  if (!row || !summary) throw notFound();
  return presentHandover(row, summary, actor);
}

export function handoverRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['handovers'] });

  op.post(
    '/api/handovers',
    {
      operationId: 'handovers.create',
      access: { permission: 'handover.create' },
      audit: ['handover.create'],
      summary: '② Hand an open consultation of my counter over to the coordinating section (引継ぎ)',
      body: handoverInputSchema,
      response: { 201: handoverSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const consultation = await openConsultationOfMyCounter(tx, actor, input.consultationId, 'handover');
      const section = await handoverRecipient(tx, actor.tenantId);
      const id = await insertHandover(tx, {
        tenantId: actor.tenantId,
        consultationId: consultation.id,
        fromOrganizationId: actor.organizationId,
        toOrganizationId: section.id,
        reason: input.reason,
        servicesTried: input.servicesTried,
      });
      return finishSending(
        tx,
        actor,
        audit,
        'handover',
        { id, consultation, toOrganizationId: section.id },
        reload,
      );
    },
  );

  op.get(
    '/api/handovers',
    {
      operationId: 'handovers.list',
      access: { permission: 'handover.create' },
      audit: ['handover.list'],
      summary:
        'The coordinating section’s inbox (pending first, oldest first), or the handovers my counter sent',
      description:
        'For the coordinating section: handovers addressed to it — pending ones first, oldest first, with ' +
        'daysWaiting; then the decided ones, newest first — and, for coordinators, possibleDuplicates. For a ' +
        'counter: the handovers it sent, newest first, with status and return reasons.',
      querystring: handoverListQuerySchema,
      response: { 200: handoverListSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { status, limit, cursor } = request.query;
      const after = decodeCursor(cursor, ['rank', 'timestampText', 'uuid']);
      const organization = await tx
        .selectFrom('organizations')
        .select('is_coordinating_section')
        .where('id', '=', actor.organizationId)
        .executeTakeFirstOrThrow();
      const rows = await listHandovers(tx, actor, {
        box: organization.is_coordinating_section ? 'inbox' : 'sent',
        status,
        limit,
        after,
        withDuplicates: maySeePossibleDuplicates(actor),
      });
      const { page, nextCursor } = pageOf(rows, limit, (last) => [
        Number(last.rank),
        last.created_key,
        last.id,
      ]);
      const summaries = await summariesOfSent(tx, actor, page);
      const today = clock.today();
      const items = page.flatMap((row) => {
        const summary = summaries.get(row.consultation_id);
        return summary ? [presentHandover(row, summary, actor, today)] : [];
      });
      await audit({
        action: 'handover.list',
        resourceType: 'handover',
        details: {
          query: { status: status ?? null, cursor: cursor ?? null },
          box: organization.is_coordinating_section ? 'inbox' : 'sent',
          ids: items.map((item) => item.id),
          consultationIds: items.map((item) => item.consultation.id),
        },
      });
      return {
        items,
        nextCursor,
      };
    },
  );

  op.post(
    '/api/handovers/:id/accept',
    {
      operationId: 'handovers.accept',
      access: { permission: 'handover.decide' },
      audit: ['handover.accept'],
      summary: '受理: accept a pending handover and open the case (事例) in the same transaction',
      params: idParamsSchema,
      response: { 200: handoverAcceptedSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const handover = orNotFound(await findHandoverForRecipient(tx, actor, request.params.id));
      enforce(handoverDecisionRefusal(actor, handover));
      const consultation = await tx
        .selectFrom('consultations')
        .select(['id', 'person_id', 'household_id', 'received_on'])
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', handover.consultation_id)
        .executeTakeFirstOrThrow();
      const acceptedOn = clock.today();
      const created = await createCaseFromHandover(tx, {
        tenantId: actor.tenantId,
        handover,
        consultation,
        acceptedOn,
        actor: { userId: actor.userId, organizationId: actor.organizationId },
      });
      await decideHandover(tx, actor.tenantId, handover.id, {
        status: 'accepted',
        decidedBy: actor.userId,
        returnReason: null,
        caseId: created.caseId,
      });
      await audit({
        action: 'handover.accept',
        resourceType: 'handover',
        resourceId: handover.id,
        personId: consultation.person_id,
        caseId: created.caseId,
        legalBasis: 'coordination',
        details: {
          consultationId: consultation.id,
          caseNumber: created.caseNumber,
          fromOrganizationId: handover.from_organization_id,
        },
      });
      return created;
    },
  );

  op.post(
    '/api/handovers/:id/return',
    {
      operationId: 'handovers.return',
      access: { permission: 'handover.decide' },
      audit: ['handover.return'],
      summary: '差戻し: return a pending handover to the counter with the reasons it will see',
      params: idParamsSchema,
      body: handoverReturnSchema,
      response: { 200: handoverSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const handover = orNotFound(await findHandoverForRecipient(tx, actor, request.params.id));
      enforce(handoverDecisionRefusal(actor, handover));
      await decideHandover(tx, actor.tenantId, handover.id, {
        status: 'returned',
        decidedBy: actor.userId,
        returnReason: request.body.reason,
        caseId: null,
      });
      await setConsultationStatus(tx, actor.tenantId, handover.consultation_id, { status: 'open' });
      const personId = await consultationPersonId(tx, handover.consultation_id);
      const returned = await reload(tx, actor, handover.id, handover.consultation_id);
      await audit({
        action: 'handover.return',
        resourceType: 'handover',
        resourceId: handover.id,
        personId,
        details: { consultationId: handover.consultation_id, reason: request.body.reason },
      });
      return returned;
    },
  );
}
