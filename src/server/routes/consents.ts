import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import {
  type Consent,
  consentCategories,
  consentInputSchema,
  consentMethods,
  consentSchema,
} from '../../contract/consents.ts';
import { problemSchema } from '../../contract/problem.ts';
import { recordAudit } from '../../db/auditTrail.ts';
import { recordCaseEvent } from '../../db/caseEvents.ts';
import {
  findVisibleCase,
  isCoordinatorOf,
  knownOrganizationIds,
  organizationNames,
  personBelongsToCase,
  touchCase,
} from '../../db/cases.ts';
import { type ConsentRow, findVisiblePerson, insertConsent } from '../../db/consents.ts';
import type { DB } from '../../db/schema.ts';
import { labelOf } from '../../domain/codeLists.ts';
import { toIsoDate } from '../../domain/wareki.ts';
import { actorOf, auditContextOf } from '../authentication.ts';
import { forbidden, HttpProblem, notFound } from '../problem.ts';

const writeErrors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** In force on the day: given, not expired, not withdrawn. */
export function consentInForce(row: ConsentRow, onDate: string): boolean {
  return (
    row.withdrawn_at === null &&
    row.given_on <= onDate &&
    (row.expires_on === null || row.expires_on >= onDate)
  );
}

export function presentConsent(
  row: ConsentRow,
  names: {
    person: string;
    organizations: ReadonlyMap<string, string>;
    users: ReadonlyMap<string, string>;
  },
): Consent {
  return {
    id: row.id,
    person: { id: row.person_id, name: names.person },
    caseId: row.case_id,
    organizations: row.organization_ids.map((id) => ({ id, name: names.organizations.get(id) ?? '' })),
    categories: row.categories.map((code) => ({ code, label: labelOf(consentCategories, code) })),
    method: row.method as Consent['method'],
    methodLabel: labelOf(consentMethods, row.method),
    witness: row.witness,
    givenOn: row.given_on,
    expiresOn: row.expires_on,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    active: consentInForce(row, toIsoDate(new Date())),
    recordedBy: { id: row.recorded_by, name: names.users.get(row.recorded_by) ?? '' },
    recordedAt: row.created_at.toISOString(),
    abilities: { withdraw: false },
  };
}

/**
 * consents.create is open to every casework role (permission consultation.create), because the
 * counter records the consent given on its 相談受付・申込票 at intake. The person must be visible to
 * the caller. A consent recorded FOR A CASE (caseId) is the coordinating section's act: only a
 * case.coordinate holder of the case's coordinating section may record it (others who can see the
 * case: 403), and the person must belong to that case.
 */
export function consentRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/consents',
    {
      config: { access: { permission: 'consultation.create' } },
      schema: {
        operationId: 'consents.create',
        summary: '本人の同意（情報共有の範囲）を記録する',
        description:
          '相談窓口（相談受付時の同意）と重層事業担当が記録できます（権限 consultation.create）。本人が呼出し元から見える人であることが必要です。caseId を指定した同意（事例のための同意）は、その事例の重層事業担当（case.coordinate）だけが記録でき、本人はその事例の世帯員であることが必要です。同意は書き換えず、撤回は withdrawn_at で表します。',
        tags: ['consents'],
        body: consentInputSchema,
        response: { 201: consentSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const consent = await db.transaction().execute(async (tx) => {
        const person = await findVisiblePerson(tx, actor, input.personId);
        if (!person) throw notFound();
        const kase = input.caseId
          ? await findVisibleCase(tx, actor, input.caseId, { forUpdate: true })
          : undefined;
        if (input.caseId && !kase) throw notFound();
        if (kase) {
          if (!isCoordinatorOf(actor, kase)) throw forbidden();
          if (!(await personBelongsToCase(tx, kase, person.id))) {
            throw new HttpProblem(400, 'validation.invalid', 'この人はこの事例の世帯員ではありません。', [
              { field: 'personId', code: 'notInCase', message: 'この事例の世帯員から選んでください' },
            ]);
          }
        }
        const known = await knownOrganizationIds(tx, actor.tenantId, input.organizationIds);
        const unknown = input.organizationIds
          .map((id, index) => ({ id, index }))
          .filter(({ id }) => !known.has(id));
        if (unknown.length > 0) {
          throw new HttpProblem(
            400,
            'validation.invalid',
            '共有先の機関が見つからないか、無効になっています。',
            unknown.map(({ index }) => ({
              field: `organizationIds.${index}`,
              code: 'unknownOrganization',
              message: '共有先の機関が見つからないか、無効になっています',
            })),
          );
        }

        const row = await insertConsent(tx, { tenantId: actor.tenantId, recordedBy: actor.userId, input });
        const organizations = await organizationNames(tx, actor.tenantId, row.organization_ids);
        if (kase) {
          await touchCase(tx, kase);
          await recordCaseEvent(tx, {
            tenantId: actor.tenantId,
            caseId: kase.id,
            kind: 'consentRecorded',
            actor: { userId: actor.userId, organizationId: actor.organizationId },
            subjectId: row.id,
            summary: `${person.family_name} ${person.given_name}さんの同意を記録（共有先：${row.organization_ids
              .map((id) => organizations.get(id) ?? '')
              .join('、')}／${labelOf(consentMethods, row.method)}）`,
            details: {
              consentId: row.id,
              personId: person.id,
              organizationIds: row.organization_ids,
              categories: row.categories,
              method: row.method,
              givenOn: row.given_on,
              expiresOn: row.expires_on,
            },
          });
        }
        await recordAudit(tx, auditContextOf(request), {
          action: 'consent.create',
          resourceType: 'consent',
          resourceId: row.id,
          personId: person.id,
          caseId: kase?.id ?? null,
          legalBasis: 'consent',
          details: {
            organizationIds: row.organization_ids,
            categories: row.categories,
            method: row.method,
            givenOn: row.given_on,
            expiresOn: row.expires_on,
          },
        });
        return presentConsent(row, {
          person: `${person.family_name} ${person.given_name}`,
          organizations,
          users: new Map([[actor.userId, actor.displayName]]),
        });
      });
      return reply.code(201).send(consent);
    },
  );
}
