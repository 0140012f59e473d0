import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type Consultation,
  type ConsultationSummary,
  consultationCloseSchema,
  consultationInputSchema,
  consultationListQuerySchema,
  consultationListSchema,
  consultationSchema,
} from '../../contract/consultations.ts';
import type { PersonChoice } from '../../contract/persons.ts';
import type { Viewer } from '../../db/access.ts';
import { recordAudit } from '../../db/auditTrail.ts';
import {
  type ConsultationRow,
  type ConsultationSummaryRow,
  closeConsultation,
  findVisibleConsultation,
  householdMembersOf,
  insertConsultation,
  insertHousehold,
  insertHouseholdMembers,
  listConsultations,
  statusAfterOutcome,
  visibleConsultationSummaries,
} from '../../db/consultations.ts';
import { type HandoverRow, handoversOf, insertHandover } from '../../db/handovers.ts';
import { addRelations, householdOfPersonFor } from '../../db/households.ts';
import { insertPerson, type PersonSummaryRow, personSummaries, visiblePersonIds } from '../../db/persons.ts';
import { insertReferral, type ReferralRow, referralsOf } from '../../db/referrals.ts';
import type { DB, Visitor } from '../../db/schema.ts';
import * as clock from '../../domain/clock.ts';
import { relationsImpliedBy } from '../../domain/household/model.ts';
import { closeRefusal, consultationAbilities } from '../../domain/policy/consultations.ts';
import type { Actor } from '../actor.ts';
import { auditContextOf } from '../authentication.ts';
import { handoverRecipient, referralRecipient, sentConsultationEvent } from '../openConsultation.ts';
import { operations } from '../operation.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { conflict, enforce, fieldProblem, notFound, orNotFound } from '../problem.ts';
import { auditPersonsCreated, presentPersonSummary } from './persons.ts';

export function presentConsultationSummary(
  row: ConsultationSummaryRow,
  person: PersonSummaryRow,
  today = clock.today(),
): ConsultationSummary {
  return {
    id: row.id,
    receivedOn: row.received_on,
    organization: { id: row.organization_id, name: row.organization_name },
    person: presentPersonSummary(person, today),
    channel: row.channel as ConsultationSummary['channel'],
    topics: row.topics as ConsultationSummary['topics'],
    mainTopic: row.main_topic as ConsultationSummary['mainTopic'],
    outcome: row.outcome,
    status: row.status,
  };
}

/** Person summaries of consultations' persons, visible ones only; a missing one is a broken invariant. */
export async function summariesWithPersons(
  db: Kysely<DB> | Transaction<DB>,
  viewer: Viewer,
  rows: readonly ConsultationSummaryRow[],
): Promise<Map<string, ConsultationSummary>> {
  const persons = await personSummaries(
    db,
    viewer,
    rows.map((row) => row.person_id),
  );
  const today = clock.today();
  const result = new Map<string, ConsultationSummary>();
  for (const row of rows) {
    const person = persons.get(row.person_id);
    if (person) result.set(row.id, presentConsultationSummary(row, person, today));
  }
  return result;
}

/** Summaries, with their persons, of the consultations among `ids` that the viewer may see, by id. */
export async function visibleSummariesWithPersons(
  db: Kysely<DB> | Transaction<DB>,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Map<string, ConsultationSummary>> {
  const rows = await visibleConsultationSummaries(db, viewer, ids);
  return summariesWithPersons(db, viewer, [...rows.values()]);
}

/** Summaries of the consultations these handovers or referrals were made of, those the viewer may see. */
export function summariesOfSent(
  db: Kysely<DB> | Transaction<DB>,
  viewer: Viewer,
  sent: readonly { consultation_id: string }[],
): Promise<Map<string, ConsultationSummary>> {
  return visibleSummariesWithPersons(
    db,
    viewer,
    sent.map((row) => row.consultation_id),
  );
}

function parseVisitor(visitor: ConsultationRow['visitor']): Visitor | null {
  return typeof visitor === 'string' ? JSON.parse(visitor) : visitor;
}

/** What a handover and a referral both say: to whom, in which state, sent and decided when. */
function presentSending<S>(row: {
  id: string;
  to_organization_id: string;
  to_organization_name: string;
  status: S;
  created_at: Date;
  decided_at: Date | null;
}) {
  return {
    id: row.id,
    toOrganization: { id: row.to_organization_id, name: row.to_organization_name },
    status: row.status,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

/** A handover as its consultation lists it (handovers.ts adds its consultation, days waiting…). */
export function presentHandoverOf(row: HandoverRow): Consultation['handovers'][number] {
  return {
    ...presentSending(row),
    reason: row.reason,
    servicesTried: row.services_tried,
    returnReason: row.return_reason,
    case: row.case_id && row.case_number ? { id: row.case_id, caseNumber: row.case_number } : null,
  };
}

/** A referral as its consultation lists it (referrals.ts adds its consultation, days waiting…). */
export function presentReferralOf(row: ReferralRow): Consultation['referrals'][number] {
  return {
    ...presentSending(row),
    fromOrganization: { id: row.from_organization_id, name: row.from_organization_name },
    note: row.note,
    legalBasis: row.legal_basis,
    declineReason: row.decline_reason,
  };
}

/**
 * The full consultation as the caller may see it. The counter that took it sees its whole
 * history of referrals and handovers; another organisation sees only the referrals addressed to
 * it and the handovers it received or whose case it takes part in.
 */
export async function presentConsultation(
  tx: Transaction<DB>,
  actor: Actor,
  row: ConsultationRow,
): Promise<Consultation> {
  const members = await householdMembersOf(tx, actor.tenantId, row.household_id, row.person_id);
  const persons = await personSummaries(tx, actor, [row.person_id, ...members.map((m) => m.person_id)]);
  const person = persons.get(row.person_id);
  if (!person) throw notFound();
  const referrals = await referralsOf(tx, actor.tenantId, [row.id]);
  const handovers = await handoversOf(tx, actor, [row.id]);
  const owner = row.organization_id === actor.organizationId;
  const today = clock.today();
  return {
    ...presentConsultationSummary(row, person, today),
    receivedBy: { id: row.received_by, displayName: row.received_by_name },
    householdId: row.household_id,
    householdMembers: members.flatMap((member) => {
      const memberPerson = persons.get(member.person_id);
      return memberPerson
        ? [
            {
              person: presentPersonSummary(memberPerson, today),
              relation: member.relation as Consultation['householdMembers'][number]['relation'],
              livingTogether: member.living_together,
            },
          ]
        : [];
    }),
    visitor: parseVisitor(row.visitor),
    content: row.content,
    wishes: row.wishes,
    consentToShare: row.consent_to_share,
    closedAt: row.closed_at?.toISOString() ?? null,
    closeNote: row.close_note,
    referrals: referrals
      .filter((r) => owner || r.to_organization_id === actor.organizationId)
      .map(presentReferralOf),
    handovers: handovers
      .filter((h) => owner || h.to_organization_id === actor.organizationId || h.case_number !== null)
      .map(presentHandoverOf),
    abilities: consultationAbilities(actor, row, referrals),
  };
}

/** The consultation with this id as the caller sees it now, and its row; 404 unless visible. */
async function visibleConsultation(tx: Transaction<DB>, actor: Actor, id: string) {
  const row = orNotFound(await findVisibleConsultation(tx, actor, id));
  return { row, consultation: await presentConsultation(tx, actor, row) };
}

const isReference = (choice: PersonChoice): choice is { personId: string } => 'personId' in choice;

export function consultationRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['consultations'] });

  op.post(
    '/api/consultations',
    {
      operationId: 'consultations.create',
      access: { permission: 'consultation.create' },
      audit: ['consultation.create'],
      summary: '① Record a consultation at my counter (相談受付), whatever the person’s attributes',
      description:
        'Creates the new persons, the household with its members, the consultation and — by outcome — ' +
        'a pending referral to another agency (needs consentToShare, else 409 consent.required) or a ' +
        'pending handover to the coordinating section, all in one transaction.',
      body: consultationInputSchema,
      response: { 201: consultationSchema },
    },
    async ({ request, actor, tx }) => {
      const input = request.body;
      const { outcome } = input;
      // What the outcome needs, before anything is written.
      let referralTarget: string | undefined;
      let coordinatingSection: string | undefined;
      if (outcome.kind === 'referral') {
        if (!input.consentToShare) {
          throw conflict(
            'consent.required',
            '他機関へつなぐには、情報共有についての本人の同意が必要です。同意を得て「同意あり」で受け付けるか、同意がなければ重層事業へ引継いでください（支援会議で検討できます）。',
          );
        }
        const target = await referralRecipient(
          tx,
          actor,
          outcome.toOrganizationId,
          'outcome.toOrganizationId',
          {
            ownOrganization: '自機関へはつなげません。「自機関で対応」を選んでください',
            coordinatingSection: '重層事業担当へは「重層事業へ引継ぎ」を選んでください',
          },
        );
        referralTarget = target.id;
      } else if (outcome.kind === 'handover') {
        coordinatingSection = (await handoverRecipient(tx, actor.tenantId)).id;
      }

      // Existing persons must be ones the caller may see, each at most once in the household.
      const choices: { field: string; choice: PersonChoice }[] = [
        { field: 'person', choice: input.person },
        ...input.householdMembers.map((member, index) => ({
          field: `householdMembers.${index}.person`,
          choice: member.person,
        })),
      ];
      const referenced = choices.flatMap(({ choice }) => (isReference(choice) ? [choice.personId] : []));
      const visible = await visiblePersonIds(tx, actor, referenced);
      const seen = new Set<string>();
      for (const { field, choice } of choices) {
        if (!isReference(choice)) continue;
        if (!visible.has(choice.personId)) {
          throw fieldProblem(`${field}.personId`, 'この人は見つからないか、閲覧する権限がありません');
        }
        if (seen.has(choice.personId)) {
          throw fieldProblem(`${field}.personId`, '同じ人が世帯に重複しています');
        }
        seen.add(choice.personId);
      }

      const createdPersonIds: string[] = [];
      const resolve = async (choice: PersonChoice): Promise<string> => {
        if (isReference(choice)) return choice.personId;
        const id = await insertPerson(tx, actor.tenantId, actor.organizationId, choice);
        createdPersonIds.push(id);
        return id;
      };
      const personId = await resolve(input.person);
      const members: { personId: string; relation: string; livingTogether: boolean }[] = [
        { personId, relation: 'self', livingTogether: true },
      ];
      for (const member of input.householdMembers) {
        members.push({
          personId: await resolve(member.person),
          relation: member.relation,
          livingTogether: member.livingTogether,
        });
      }
      // A consultation about someone already known joins the household where they are 本人 (one
      // the caller may see), so what was recorded there is kept; otherwise a new household.
      const existingHousehold = isReference(input.person)
        ? await householdOfPersonFor(tx, actor, personId)
        : undefined;
      const householdId = existingHousehold ?? (await insertHousehold(tx, actor.tenantId));
      const before = existingHousehold
        ? await householdMembersOf(tx, actor.tenantId, householdId, personId)
        : [];
      await insertHouseholdMembers(tx, actor.tenantId, householdId, members);
      // Kinship edges the 続柄 imply, for the members this consultation added.
      const known = new Set(before.map((m) => m.person_id));
      const added = new Set(
        members
          .slice(1)
          .map((m) => m.personId)
          .filter((id) => !known.has(id)),
      );
      await addRelations(
        tx,
        actor.tenantId,
        householdId,
        relationsImpliedBy([
          ...before.map((m) => ({ id: m.person_id, relation: m.relation })),
          ...members
            .filter((m) => !known.has(m.personId))
            .map((m) => ({ id: m.personId, relation: m.relation })),
        ]).filter((edge) => added.has(edge.from) || added.has(edge.to)),
      );

      const id = randomUUID();
      await insertConsultation(tx, {
        id,
        tenantId: actor.tenantId,
        organizationId: actor.organizationId,
        receivedOn: input.receivedOn ?? clock.today(),
        receivedBy: actor.userId,
        personId,
        householdId,
        visitor: input.visitor
          ? {
              name: input.visitor.name,
              relation: input.visitor.relation,
              ...(input.visitor.phone ? { phone: input.visitor.phone } : {}),
            }
          : null,
        channel: input.channel,
        topics: input.topics,
        mainTopic: input.mainTopic,
        content: input.content,
        wishes: input.wishes || null,
        consentToShare: input.consentToShare,
        outcome: outcome.kind,
        status: statusAfterOutcome(outcome.kind),
      });

      // the handover or referral the outcome asks for, made with the consultation
      const sending = {
        tenantId: actor.tenantId,
        consultationId: id,
        fromOrganizationId: actor.organizationId,
      };
      let sent: { next: 'referral' | 'handover'; id: string; toOrganizationId: string } | null = null;
      if (outcome.kind === 'referral' && referralTarget) {
        const note = outcome.note || null;
        const referralId = await insertReferral(tx, { ...sending, toOrganizationId: referralTarget, note });
        sent = { next: 'referral', id: referralId, toOrganizationId: referralTarget };
      }
      if (outcome.kind === 'handover' && coordinatingSection) {
        const { reason, servicesTried } = outcome;
        const handoverId = await insertHandover(tx, {
          ...sending,
          toOrganizationId: coordinatingSection,
          reason,
          servicesTried,
        });
        sent = { next: 'handover', id: handoverId, toOrganizationId: coordinatingSection };
      }
      const { consultation: created } = await visibleConsultation(tx, actor, id);

      // Audited last: the audit chain's lock is held until commit.
      const context = auditContextOf(request);
      await auditPersonsCreated(tx, context, createdPersonIds, { consultationId: id });
      await recordAudit(tx, context, {
        action: 'consultation.create',
        resourceType: 'consultation',
        resourceId: id,
        personId,
        details: {
          outcome: outcome.kind,
          householdId,
          memberIds: members.slice(1).map((m) => m.personId),
          createdPersonIds,
          consentToShare: input.consentToShare,
        },
      });
      if (sent) {
        const { next, ...made } = sent;
        await recordAudit(
          tx,
          context,
          sentConsultationEvent(next, { ...made, personId, consultationId: id }),
        );
      }
      return created;
    },
  );

  op.get(
    '/api/consultations',
    {
      operationId: 'consultations.list',
      access: { permission: 'consultation.read' },
      audit: ['consultation.list'],
      summary: 'Consultations my organisation took, and those referred to it, newest first',
      description:
        '受付日（from・to、両端を含む）、受付機関、相談経路、相談内容（主な相談内容に限らない）、対応、状態で絞り込めます。' +
        '絞り込みは見える相談（自機関の受付と自機関へのつなぎ）の中で行います。',
      querystring: consultationListQuerySchema,
      response: { 200: consultationListSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { limit, cursor, ...filter } = request.query;
      const after = decodeCursor(cursor, ['date', 'uuid']);
      const rows = await listConsultations(tx, actor, { filter, limit, after });
      const { page, nextCursor } = pageOf(rows, limit, (last) => [last.received_on, last.id]);
      const summaries = await summariesWithPersons(tx, actor, page);
      const referrals = await referralsOf(
        tx,
        actor.tenantId,
        page.map((row) => row.id),
      );
      const items = page.flatMap((row) => {
        const summary = summaries.get(row.id);
        if (!summary) return [];
        const own = referrals.filter((referral) => referral.consultation_id === row.id);
        return [
          {
            ...summary,
            direction:
              row.organization_id === actor.organizationId ? ('own' as const) : ('referredToUs' as const),
            abilities: consultationAbilities(actor, row, own),
          },
        ];
      });
      await audit({
        action: 'consultation.list',
        resourceType: 'consultation',
        details: {
          query: {
            ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)),
            status: filter.status ?? null,
            cursor: cursor ?? null,
          },
          ids: items.map((item) => item.id),
        },
      });
      return {
        items,
        nextCursor,
      };
    },
  );

  op.get(
    '/api/consultations/:id',
    {
      operationId: 'consultations.get',
      access: { permission: 'consultation.read' },
      audit: ['consultation.read'],
      summary: 'One consultation I may see, with its household, referrals, handovers and abilities',
      params: idParamsSchema,
      response: { 200: consultationSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { row, consultation } = await visibleConsultation(tx, actor, request.params.id);
      await audit({
        action: 'consultation.read',
        resourceType: 'consultation',
        resourceId: row.id,
        personId: row.person_id,
        details: { householdMemberIds: consultation.householdMembers.map((m) => m.person.id) },
      });
      return consultation;
    },
  );

  op.post(
    '/api/consultations/:id/close',
    {
      operationId: 'consultations.close',
      access: { permission: 'consultation.create' },
      audit: ['consultation.close'],
      summary: '対応終了: by the counter that took it, or by the organisation that accepted a referral of it',
      params: idParamsSchema,
      body: consultationCloseSchema,
      response: { 200: consultationSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const row = orNotFound(
        await findVisibleConsultation(tx, actor, request.params.id, { forUpdate: true }),
      );
      const referrals = await referralsOf(tx, actor.tenantId, [row.id]);
      enforce(closeRefusal(actor, row, referrals));
      const note = request.body.note || null;
      await closeConsultation(tx, actor.tenantId, row.id, { closedBy: actor.userId, note });
      const { consultation: presented } = await visibleConsultation(tx, actor, row.id);
      await audit({
        action: 'consultation.close',
        resourceType: 'consultation',
        resourceId: row.id,
        personId: row.person_id,
        details: { note, previousStatus: row.status },
      });
      return presented;
    },
  );
}
