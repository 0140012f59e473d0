import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { idParamsSchema } from '../../contract/common.ts';
import {
  grantInputSchema,
  grantParamsSchema,
  revealedSensitiveFactSchema,
  revealInputSchema,
  type SensitiveFact,
  sensitiveFactInputSchema,
  sensitiveFactListSchema,
  sensitiveFactSchema,
} from '../../contract/sensitiveFacts.ts';
import type { AuditEventInput } from '../../db/auditTrail.ts';
import { organizationNames, userNames } from '../../db/cases.ts';
import { findVisiblePerson } from '../../db/consents.ts';
import type { DB } from '../../db/schema.ts';
import {
  activeGrantsOf,
  coordinatedPersonIds,
  findVisibleSensitiveFact,
  insertSensitiveFact,
  listVisibleSensitiveFacts,
  type SensitiveFactRow,
  sharingGround,
} from '../../db/sensitiveFacts.ts';
import { now, today } from '../../domain/clock.ts';
import {
  mayGrantSensitiveFact,
  mayRecordSensitiveFact,
  mayRevokeGrant,
  sensitiveFactAbilities,
} from '../../domain/policy/sensitiveFacts.ts';
import type { Actor } from '../actor.ts';
import { operations, writeErrors } from '../operation.ts';
import { forbidden, HttpProblem, notFound, orNotFound } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';
import { requirePersonInCase, requireSharingOrganizations } from '../sharingChecks.ts';

/**
 * A list of facts of a person or a case: audited as `sensitiveFact.list` with the ids listed (the
 * kinds only: reading a content is its own audited reveal), then presented.
 */
async function answerFactList(
  tx: Transaction<DB>,
  actor: Actor,
  audit: (event: AuditEventInput) => Promise<void>,
  facts: readonly SensitiveFactRow[],
  about: { personId: string; caseId?: string },
) {
  await audit({
    action: 'sensitiveFact.list',
    resourceType: 'sensitiveFact',
    ...about,
    details: { factIds: facts.map((f) => f.id) },
  });
  return {
    items: await presentFacts(tx, actor, facts),
    abilities: { create: mayRecordSensitiveFact(actor) },
  };
}

/** Present facts for this caller (existence, kind, grants: never the content), loading names in bulk. */
async function presentFacts(tx: Transaction<DB>, actor: Actor, facts: readonly SensitiveFactRow[]) {
  const grants = await activeGrantsOf(
    tx,
    facts.map((f) => f.id),
  );
  const organizations = await organizationNames(tx, actor.tenantId, [
    ...facts.map((f) => f.recorded_by_organization_id),
    ...grants.map((g) => g.organization_id),
  ]);
  const users = await userNames(tx, actor.tenantId, [
    ...facts.map((f) => f.recorded_by),
    ...grants.map((g) => g.granted_by),
  ]);
  const coordinated = await coordinatedPersonIds(
    tx,
    actor,
    facts.map((f) => f.person_id),
  );
  const org = (id: string) => ({ id, name: organizations.get(id) ?? '' });
  const user = (id: string) => ({ id, name: users.get(id) ?? '' });
  return facts.map((fact): SensitiveFact => {
    const abilities = sensitiveFactAbilities(actor, fact, coordinated);
    return {
      id: fact.id,
      personId: fact.person_id,
      caseId: fact.case_id,
      kind: fact.kind,
      subtype: fact.subtype,
      recordedBy: { user: user(fact.recorded_by), organization: org(fact.recorded_by_organization_id) },
      recordedAt: fact.created_at.toISOString(),
      grants: grants
        .filter((g) => g.fact_id === fact.id)
        .map((g) => ({
          id: g.id,
          organization: org(g.organization_id),
          reason: g.reason,
          legalBasis: g.legal_basis,
          sourceId: g.source_id,
          grantedBy: user(g.granted_by),
          grantedAt: g.granted_at.toISOString(),
          abilities: { revoke: mayRevokeGrant(abilities.grant, g) },
        })),
      abilities,
    };
  });
}

async function presentFact(
  tx: Transaction<DB>,
  actor: Actor,
  fact: SensitiveFactRow,
): Promise<SensitiveFact> {
  const [presented] = await presentFacts(tx, actor, [fact]);
  return presented as SensitiveFact;
}

/** The caller's own grant of a fact it can see: the legal basis of its reads. */
async function myGrant(tx: Transaction<DB>, actor: Actor, factId: string) {
  return (await activeGrantsOf(tx, [factId])).find((g) => g.organization_id === actor.organizationId);
}

/**
 * 要配慮個人情報 (sensitiveFacts.*). Case and person responses never carry these facts. A list
 * shows a granted organisation that a fact exists and its kind; the content needs a reveal with a
 * reason (audited as the purpose). Facts not granted to the caller's organisation are not listed
 * and not counted: even "another agency holds sensitive information" would tell, for instance,
 * that a person known to a probation office has an offence history.
 */
export function sensitiveFactRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['sensitiveFacts'] });

  op.post(
    '/api/sensitive-facts',
    {
      operationId: 'sensitiveFacts.create',
      access: { permission: 'sensitiveFact.manage' },
      audit: ['sensitiveFact.create'],
      summary: '要配慮個人情報（犯罪歴等・病歴・障害・DV被害）を記録する',
      description:
        '本人が呼出し元から見える場合に記録できます。caseId を指定すると事例に付けて記録し、犯罪歴等（offence）を事例に付けると、その事例の「犯罪をした者等」の印になります。記録した機関には自動的に共有されます。',
      body: sensitiveFactInputSchema,
      response: { 201: sensitiveFactSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const input = request.body;
      const person = orNotFound(await findVisiblePerson(tx, actor, input.personId));
      if (input.caseId) {
        const kase = await visibleCase(input.caseId);
        await requirePersonInCase(tx, kase, person.id);
      }
      const row = await insertSensitiveFact(tx, {
        tenantId: actor.tenantId,
        userId: actor.userId,
        organizationId: actor.organizationId,
        input,
      });
      // The content stays out of the audit trail (auditors read it): kind and ids only.
      await audit({
        action: 'sensitiveFact.create',
        resourceType: 'sensitiveFact',
        resourceId: row.id,
        personId: row.person_id,
        caseId: row.case_id,
        details: { kind: row.kind, subtype: row.subtype },
      });
      return presentFact(tx, actor, row);
    },
  );

  op.get(
    '/api/persons/:id/sensitive-facts',
    {
      operationId: 'sensitiveFacts.listOfPerson',
      access: { permission: 'sensitiveFact.read' },
      audit: ['sensitiveFact.list'],
      summary: '本人の要配慮個人情報のうち、自機関に共有されているものの一覧（種別のみ。内容は表示操作で）',
      params: idParamsSchema,
      response: { 200: sensitiveFactListSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const person = orNotFound(await findVisiblePerson(tx, actor, request.params.id));
      const facts = await listVisibleSensitiveFacts(tx, actor, { personId: person.id });
      return answerFactList(tx, actor, audit, facts, { personId: person.id });
    },
  );

  op.get(
    '/api/cases/:id/sensitive-facts',
    {
      operationId: 'sensitiveFacts.listOfCase',
      access: { permission: 'sensitiveFact.read' },
      audit: ['sensitiveFact.list'],
      summary:
        '事例の世帯員の要配慮個人情報のうち、自機関に共有されているものの一覧（事例に付いた犯罪歴等は「犯罪をした者等」の印）',
      params: idParamsSchema,
      response: { 200: sensitiveFactListSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const kase = await visibleCase(request.params.id);
      const facts = await listVisibleSensitiveFacts(tx, actor, { caseId: kase.id });
      return answerFactList(tx, actor, audit, facts, { caseId: kase.id, personId: kase.primary_person_id });
    },
  );

  op.post(
    '/api/sensitive-facts/:id/reveal',
    {
      operationId: 'sensitiveFacts.reveal',
      access: { permission: 'sensitiveFact.read' },
      audit: ['sensitiveFact.reveal'],
      summary: '要配慮個人情報の内容を表示する（理由が必要。理由は監査記録に目的として残ります）',
      params: idParamsSchema,
      body: revealInputSchema,
      response: { 200: revealedSensitiveFactSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const fact = orNotFound(await findVisibleSensitiveFact(tx, actor, request.params.id));
      const grant = await myGrant(tx, actor, fact.id);
      await audit({
        action: 'sensitiveFact.reveal',
        resourceType: 'sensitiveFact',
        resourceId: fact.id,
        personId: fact.person_id,
        caseId: fact.case_id,
        legalBasis: grant?.legal_basis ?? null,
        details: { purpose: request.body.reason, kind: fact.kind, grantId: grant?.id ?? null },
      });
      return { ...(await presentFact(tx, actor, fact)), summary: fact.summary, details: fact.details };
    },
  );

  op.post(
    '/api/sensitive-facts/:id/grants',
    {
      operationId: 'sensitiveFacts.grant',
      access: { permission: 'sensitiveFact.manage' },
      audit: ['sensitiveFact.grant'],
      summary: '要配慮個人情報を他の機関に共有する（理由・法的根拠を記録）',
      description:
        '記録した機関、または本人の事例の重層事業担当（case.coordinate）が共有できます（その他は 403）。共有先はその人の事例に参加している機関であること（でなければ 409 sensitiveFact.notParticipating）、かつ本人の同意（該当する範囲：犯罪歴等／心身の状況／犯罪被害）があるか、その事例の支援会議（第106条の6）の構成員であることが必要です（でなければ 409 consent.required）。',
      params: idParamsSchema,
      body: grantInputSchema,
      response: { 201: sensitiveFactSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const fact = orNotFound(
        await findVisibleSensitiveFact(tx, actor, request.params.id, { forUpdate: true }),
      );
      if (!mayGrantSensitiveFact(actor, fact, await coordinatedPersonIds(tx, actor, [fact.person_id])))
        throw forbidden();
      await requireSharingOrganizations(tx, actor.tenantId, [
        { field: 'organizationId', id: input.organizationId },
      ]);
      const names = await organizationNames(tx, actor.tenantId, [input.organizationId]);
      const name = names.get(input.organizationId) ?? '';
      if ((await activeGrantsOf(tx, [fact.id])).some((g) => g.organization_id === input.organizationId)) {
        throw new HttpProblem(409, 'sensitiveFact.grantExists', `${name}にはすでに共有されています。`);
      }
      const ground = await sharingGround(tx, fact, input.organizationId, today());
      if (!ground.ok) {
        throw ground.reason === 'notParticipating'
          ? new HttpProblem(
              409,
              'sensitiveFact.notParticipating',
              `${name}はこの人の事例に参加していないため、共有できません。`,
              [
                {
                  field: 'organizationId',
                  code: 'notParticipating',
                  message: 'この人の事例に参加している機関を選んでください',
                },
              ],
            )
          : new HttpProblem(
              409,
              'consent.required',
              `${name}への共有について、この情報を含む本人の同意（有効なもの）がなく、支援会議の構成員でもないため共有できません。`,
              [
                {
                  field: 'organizationId',
                  code: 'consentMissing',
                  message: '本人の同意が記録されていません',
                },
              ],
            );
      }
      const grantId = randomUUID();
      await tx
        .insertInto('sensitive_fact_grants')
        .values({
          id: grantId,
          tenant_id: actor.tenantId,
          fact_id: fact.id,
          organization_id: input.organizationId,
          reason: input.reason,
          legal_basis: ground.legalBasis,
          source_id: ground.sourceId,
          granted_by: actor.userId,
        })
        .execute();
      await audit({
        action: 'sensitiveFact.grant',
        resourceType: 'sensitiveFact',
        resourceId: fact.id,
        personId: fact.person_id,
        caseId: fact.case_id,
        legalBasis: ground.legalBasis,
        details: {
          grantId,
          organizationId: input.organizationId,
          reason: input.reason,
          sourceId: ground.sourceId,
          kind: fact.kind,
        },
      });
      return presentFact(tx, actor, fact);
    },
  );

  r.delete(
    '/api/sensitive-facts/:id/grants/:grantId',
    {
      config: { access: { permission: 'sensitiveFact.manage' }, audit: ['sensitiveFact.revokeGrant'] },
      schema: {
        operationId: 'sensitiveFacts.revokeGrant',
        summary: '要配慮個人情報の共有を取り消す（直ちに、その機関からは見えなくなります）',
        description:
          '共有できる者（記録した機関・本人の事例の重層事業担当）が取り消せます。記録した機関自身の共有は取り消せません（409 sensitiveFact.recorderGrant）。取消し済みは 409 sensitiveFact.grantRevoked。',
        tags: ['sensitiveFacts'],
        params: grantParamsSchema,
        response: { 204: z.null().describe('取り消しました'), ...writeErrors },
      },
    },
    async (request, reply) => {
      await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const fact = orNotFound(
          await findVisibleSensitiveFact(tx, actor, request.params.id, { forUpdate: true }),
        );
        if (!mayGrantSensitiveFact(actor, fact, await coordinatedPersonIds(tx, actor, [fact.person_id])))
          throw forbidden();
        const grant = await tx
          .selectFrom('sensitive_fact_grants')
          .selectAll()
          .where('id', '=', request.params.grantId)
          .where('fact_id', '=', fact.id)
          .executeTakeFirst();
        if (!grant) throw notFound();
        if (grant.legal_basis === 'recorder') {
          throw new HttpProblem(409, 'sensitiveFact.recorderGrant', '記録した機関への共有は取り消せません。');
        }
        if (grant.revoked_at) {
          throw new HttpProblem(409, 'sensitiveFact.grantRevoked', 'この共有はすでに取り消されています。');
        }
        await tx
          .updateTable('sensitive_fact_grants')
          .set({ revoked_at: now(), revoked_by: actor.userId })
          .where('id', '=', grant.id)
          .execute();
        await audit({
          action: 'sensitiveFact.revokeGrant',
          resourceType: 'sensitiveFact',
          resourceId: fact.id,
          personId: fact.person_id,
          caseId: fact.case_id,
          details: { grantId: grant.id, organizationId: grant.organization_id },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
