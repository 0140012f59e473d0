import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import type { ConsultationSummary } from '../../contract/consultations.ts';
import {
  type Referral,
  referralDeclineSchema,
  referralInputSchema,
  referralListQuerySchema,
  referralListSchema,
  referralSchema,
} from '../../contract/referrals.ts';
import { consultationPersonId, setConsultationStatus } from '../../db/consultations.ts';
import {
  decideReferral,
  findReferralForTarget,
  insertReferral,
  listReferralInbox,
  type ReferralRow,
  referralsOf,
} from '../../db/referrals.ts';
import type { DB } from '../../db/schema.ts';
import { daysBetween } from '../../domain/businessDays.ts';
import * as clock from '../../domain/clock.ts';
import { referralAbilities, referralDecisionRefusal } from '../../domain/policy/referrals.ts';
import { toIsoDate } from '../../domain/wareki.ts';
import type { Actor } from '../actor.ts';
import { finishSending, openConsultationOfMyCounter, referralRecipient } from '../openConsultation.ts';
import { operations } from '../operation.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { conflict, enforce, notFound, orNotFound } from '../problem.ts';
import { presentReferralOf, summariesOfSent, visibleSummariesWithPersons } from './consultations.ts';

/** Calendar days a referral waited: until today while pending, until its decision once decided. */
function daysWaiting(row: Pick<ReferralRow, 'created_at' | 'decided_at'>, today: string): number {
  return daysBetween(toIsoDate(row.created_at), row.decided_at ? toIsoDate(row.decided_at) : today);
}

function presentReferral(
  row: ReferralRow,
  consultation: ConsultationSummary | undefined,
  actor: Actor,
  today = clock.today(),
): Referral {
  return {
    ...presentReferralOf(row),
    consultation: consultation ?? null,
    daysWaiting: daysWaiting(row, today),
    abilities: referralAbilities(actor, row),
  };
}

/** The referral as the caller sees it now: its consultation only while the caller may see that. */
async function reload(tx: Transaction<DB>, actor: Actor, referralId: string, consultationId: string) {
  const [row] = (await referralsOf(tx, actor.tenantId, [consultationId])).filter((r) => r.id === referralId);
  if (!row) throw notFound();
  const summaries = await visibleSummariesWithPersons(tx, actor, [consultationId]);
  return presentReferral(row, summaries.get(consultationId), actor);
}

export function referralRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['referrals'] });

  op.get(
    '/api/referrals',
    {
      operationId: 'referrals.list',
      access: { permission: 'referral.decide' },
      audit: ['referral.list'],
      summary: 'My organisation’s inbox of referrals (つなぎ), oldest first, with days waiting',
      querystring: referralListQuerySchema,
      response: { 200: referralListSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { status, limit, cursor } = request.query;
      const after = decodeCursor(cursor, ['timestampText', 'uuid']);
      const rows = await listReferralInbox(tx, actor, { status, limit, after });
      const { page, nextCursor } = pageOf(rows, limit, (last) => [last.created_key, last.id]);
      const summaries = await summariesOfSent(tx, actor, page);
      const today = clock.today();
      const items = page.map((row) => presentReferral(row, summaries.get(row.consultation_id), actor, today));
      await audit({
        action: 'referral.list',
        resourceType: 'referral',
        details: {
          query: { status, cursor: cursor ?? null },
          ids: items.map((item) => item.id),
          consultationIds: items.map((item) => item.consultation?.id ?? null),
        },
      });
      return {
        items,
        nextCursor,
      };
    },
  );

  op.post(
    '/api/referrals',
    {
      operationId: 'referrals.create',
      access: { permission: 'consultation.create' },
      audit: ['referral.create'],
      summary: 'Refer an open consultation of my counter to another agency (他機関へつなぐ; needs consent)',
      description:
        'For a consultation already recorded, e.g. after a referral was declined or a handover returned. ' +
        'consultations.create does the same in one step with outcome.kind = referral.',
      body: referralInputSchema,
      response: { 201: referralSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const consultation = await openConsultationOfMyCounter(tx, actor, input.consultationId, 'referral');
      if (!consultation.consent_to_share) {
        throw conflict(
          'consent.required',
          '他機関へつなぐには、情報共有についての本人の同意が必要です。同意がなければ重層事業へ引継いでください（支援会議で検討できます）。',
        );
      }
      const target = await referralRecipient(tx, actor, input.toOrganizationId, 'toOrganizationId', {
        ownOrganization: '自機関へはつなげません',
        coordinatingSection: '重層事業担当へは「重層事業へ引継ぎ」を使ってください',
      });
      const id = await insertReferral(tx, {
        tenantId: actor.tenantId,
        consultationId: consultation.id,
        fromOrganizationId: actor.organizationId,
        toOrganizationId: target.id,
        note: input.note || null,
      });
      return finishSending(
        tx,
        actor,
        audit,
        'referral',
        { id, consultation, toOrganizationId: target.id },
        reload,
      );
    },
  );

  for (const verb of ['accept', 'decline'] as const) {
    const accept = verb === 'accept';
    op.post(
      `/api/referrals/:id/${verb}`,
      {
        operationId: `referrals.${verb}`,
        access: { permission: 'referral.decide' },
        audit: [accept ? 'referral.accept' : 'referral.decline'],
        summary: accept
          ? 'Accept a referral addressed to my organisation; it may then close the consultation'
          : 'Decline a referral addressed to my organisation, with the reason the counter will see',
        params: idParamsSchema,
        body: accept ? undefined : referralDeclineSchema,
        response: { 200: referralSchema },
      },
      async ({ request, actor, tx, audit }) => {
        const reason = accept ? null : (request.body as { reason: string }).reason;
        const row = orNotFound(await findReferralForTarget(tx, actor, request.params.id));
        enforce(referralDecisionRefusal(actor, row));
        await decideReferral(tx, actor.tenantId, row.id, {
          status: accept ? 'accepted' : 'declined',
          decidedBy: actor.userId,
          declineReason: reason,
        });
        // Declined: back to the counter, which sees the reason and decides what next.
        if (!accept) await setConsultationStatus(tx, actor.tenantId, row.consultation_id, { status: 'open' });
        const personId = await consultationPersonId(tx, row.consultation_id);
        const decided = await reload(tx, actor, row.id, row.consultation_id);
        await audit({
          action: accept ? 'referral.accept' : 'referral.decline',
          resourceType: 'referral',
          resourceId: row.id,
          personId,
          legalBasis: row.legal_basis,
          details: { consultationId: row.consultation_id, ...(reason ? { reason } : {}) },
        });
        return decided;
      },
    );
  }
}
