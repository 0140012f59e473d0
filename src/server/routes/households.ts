import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { idParamsSchema } from '../../contract/common.ts';
import {
  type Household,
  householdDiagramQuerySchema,
  householdSchema,
  householdUpdateSchema,
} from '../../contract/households.ts';
import { recordAudit } from '../../db/auditTrail.ts';
import { type CaseRow, findVisibleCase, knownOrganizationIds } from '../../db/cases.ts';
import {
  addHouseholdMembers,
  type HouseholdRecord,
  loadHousehold,
  participatingOrganizations,
  replaceRelations,
  replaceTies,
  updateMemberFacts,
} from '../../db/households.ts';
import { insertPerson, visiblePersonIds } from '../../db/persons.ts';
import type { DB } from '../../db/schema.ts';
import { today } from '../../domain/clock.ts';
import { type DiagramRelation, relationProblems } from '../../domain/household/model.ts';
import { mayEditHousehold } from '../../domain/policy/cases.ts';
import type { Actor } from '../actor.ts';
import { auditContextOf } from '../authentication.ts';
import { recordOnTimeline } from '../caseTimeline.ts';
import { householdDiagramInput, renderEcomap, renderGenogram, tieLabel } from '../householdDiagram.ts';
import { operations, readErrors } from '../operation.ts';
import { conflict, fieldProblem, type HttpProblem, orNotFound } from '../problem.ts';
import { type RequestTransaction, requestTransaction } from '../requestTransaction.ts';
import { auditPersonsCreated, presentPersonSummary } from './persons.ts';
import { requireCoordinating } from './plans.ts';

export function presentHousehold(
  record: HouseholdRecord,
  participating: readonly { id: string; name: string }[],
  kase: CaseRow,
  actor: Actor,
): Household {
  const day = today();
  const tied = new Set(record.ties.flatMap((t) => (t.organization_id ? [t.organization_id] : [])));
  return {
    id: record.id,
    caseId: kase.id,
    members: record.members.map((m) => ({
      person: presentPersonSummary(m, day),
      relation: m.relation as Household['members'][number]['relation'],
      livingTogether: m.living_together,
      supported: m.supported,
      deceased: m.deceased,
      diedOn: m.died_on,
    })),
    relations: record.relations,
    ties: [
      ...record.ties.map((t) => ({
        id: t.id,
        kind: t.kind as Household['ties'][number]['kind'],
        organization: t.organization_id ? { id: t.organization_id, name: t.organization_name ?? '' } : null,
        name: t.name,
        label: tieLabel(t),
        memberId: t.person_id,
        strength: t.strength,
        stressful: t.stressful,
        note: t.note,
        implicit: false,
      })),
      ...participating
        .filter((o) => !tied.has(o.id))
        .map((o) => ({
          id: o.id,
          kind: 'organization' as const,
          organization: o,
          name: null,
          label: o.name,
          memberId: null,
          strength: 'normal' as const,
          stressful: false,
          note: null,
          implicit: true,
        })),
    ],
    abilities: { update: mayEditHousehold(actor, kase) },
  };
}

function invalid(field: string, message: string): HttpProblem {
  return fieldProblem(field, message, 'invalid');
}

/** Read a visible case's household with what the diagrams need; 404 when the case is not visible. */
/**
 * The household of a case I may see (else 404) and the organisations taking part in the case, the
 * read audited with the members read (`details` says how it was read).
 */
async function readHousehold(
  { actor, tx, audit }: RequestTransaction,
  caseId: string,
  details: Record<string, unknown> = {},
) {
  const kase = orNotFound(await findVisibleCase(tx, actor, caseId));
  const record = await loadHousehold(tx, actor.tenantId, kase.household_id);
  const participating = await participatingOrganizations(tx, actor.tenantId, kase.id);
  await audit({
    action: 'household.read',
    resourceType: 'household',
    resourceId: record.id,
    caseId: kase.id,
    personId: kase.primary_person_id,
    details: { ...details, personIds: record.members.map((m) => m.id) },
  });
  return { kase, record, participating };
}

/**
 * The household of a case (世帯): members with 続柄, 同居, death and who is supported; the kinship
 * edges drawn as the genogram; the ties drawn as the ecomap. Everyone taking part in the case
 * reads it; the coordinating section edits it. Drawn by the server as SVG, the same picture the
 * assessment sheet prints.
 */
export function householdRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['cases'] });

  op.get(
    '/api/cases/:id/household',
    {
      operationId: 'households.get',
      access: { permission: 'case.read' },
      audit: ['household.read'],
      summary: 'The household of a case I may see: members, kinship edges and ecomap ties',
      params: idParamsSchema,
      response: { 200: householdSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { kase, record, participating } = await readHousehold({ actor, tx, audit }, request.params.id);
      return presentHousehold(record, participating, kase, actor);
    },
  );

  r.get(
    '/api/cases/:id/household/diagram',
    {
      config: { access: { permission: 'case.read' }, audit: ['household.read'] },
      schema: {
        operationId: 'households.diagram',
        summary: 'The household drawn as a genogram or an ecomap (image/svg+xml)',
        tags: ['cases'],
        params: idParamsSchema,
        querystring: householdDiagramQuerySchema,
        produces: ['image/svg+xml'],
        response: { 200: z.string().describe('SVG'), ...readErrors },
      },
    },
    async (request, reply) => {
      const { kind } = request.query;
      const svg = await requestTransaction(db, request, async (context) => {
        const { kase, record, participating } = await readHousehold(context, request.params.id, {
          diagram: kind,
        });
        const input = householdDiagramInput(record, participating, today());
        return kind === 'genogram'
          ? renderGenogram(input, `ジェノグラム（${kase.case_number}）`)
          : renderEcomap(input, `エコマップ（${kase.case_number}）`);
      });
      return reply.header('content-type', 'image/svg+xml; charset=utf-8').send(svg);
    },
  );

  op.put(
    '/api/cases/:id/household',
    {
      operationId: 'households.update',
      access: { permission: 'case.coordinate' },
      audit: ['household.update'],
      summary: 'Edit the household of a case I coordinate: members’ facts, new members, relations and ties',
      description:
        'Members listed get the facts given (nobody is removed: a member not listed keeps what it had); ' +
        'newMembers are added (existing persons I may see, or new ones); relations and ties replace ' +
        'those recorded. A relation names members by person id, or a new member as `new:N`.',
      params: idParamsSchema,
      body: householdUpdateSchema,
      response: { 200: householdSchema },
    },
    async ({ request, actor, tx, visibleCase }) => {
      const input = request.body;
      const kase = await visibleCase(request.params.id, { forUpdate: true });
      requireCoordinating(actor, kase);
      if (kase.stage === 'closed') {
        throw conflict('conflict.state', '終結した事例の世帯は変更できません。');
      }
      const before = await loadHousehold(tx, actor.tenantId, kase.household_id);
      const memberIds = new Set(before.members.map((m) => m.id));
      const listed = new Set<string>();
      input.members.forEach((m, i) => {
        if (!memberIds.has(m.personId))
          throw invalid(`members.${i}.personId`, 'この世帯の世帯員ではありません');
        if (listed.has(m.personId)) throw invalid(`members.${i}.personId`, '同じ世帯員が重複しています');
        listed.add(m.personId);
      });
      // New members: existing persons the caller may see (not yet in the household), or new persons.
      const referenced = input.newMembers.flatMap((m) => ('personId' in m.person ? [m.person.personId] : []));
      const visible = await visiblePersonIds(tx, actor, referenced);
      const createdIds: string[] = [];
      const newIds: string[] = [];
      for (const [i, member] of input.newMembers.entries()) {
        if ('personId' in member.person) {
          const id = member.person.personId;
          if (!visible.has(id))
            throw invalid(
              `newMembers.${i}.person.personId`,
              'この人は見つからないか、閲覧する権限がありません',
            );
          if (memberIds.has(id) || newIds.includes(id))
            throw invalid(`newMembers.${i}.person.personId`, 'すでに世帯員です');
          newIds.push(id);
        } else {
          const id = await insertPerson(tx, actor.tenantId, actor.organizationId, member.person);
          createdIds.push(id);
          newIds.push(id);
        }
      }
      const resolve = (ref: string, field: string): string => {
        const match = /^new:(\d+)$/.exec(ref);
        if (match) {
          const id = newIds[Number(match[1])];
          if (!id) throw invalid(field, '追加する世帯員の番号が正しくありません');
          return id;
        }
        if (!memberIds.has(ref)) throw invalid(field, '関係の相手は世帯員から選んでください');
        return ref;
      };
      const relations: DiagramRelation[] = input.relations.map((rel, i) => ({
        from: resolve(rel.from, `relations.${i}.from`),
        to: resolve(rel.to, `relations.${i}.to`),
        kind: rel.kind,
      }));
      const allIds = [...memberIds, ...newIds];
      const problem = relationProblems(allIds, relations)[0];
      if (problem) throw invalid(`relations.${problem.index}`, problem.message);
      const organizations = await knownOrganizationIds(
        tx,
        actor.tenantId,
        input.ties.flatMap((t) => (t.organizationId ? [t.organizationId] : [])),
      );
      input.ties.forEach((tie, i) => {
        if (tie.organizationId && !organizations.has(tie.organizationId))
          throw invalid(`ties.${i}.organizationId`, '関係機関が見つかりません');
        if (tie.memberId && !allIds.includes(tie.memberId))
          throw invalid(`ties.${i}.memberId`, '世帯員から選んでください');
      });
      const supported = new Set(before.members.filter((m) => m.supported).map((m) => m.id));
      for (const m of input.members) m.supported ? supported.add(m.personId) : supported.delete(m.personId);
      for (const [i, m] of input.newMembers.entries()) if (m.supported) supported.add(newIds[i] as string);
      if (supported.size === 0) throw invalid('members', '支援対象の世帯員を1人以上にしてください');
      for (const [i, m] of input.newMembers.entries()) {
        if (m.diedOn && !m.deceased)
          throw invalid(`newMembers.${i}.diedOn`, '死亡日は「死亡」にしたときだけ入力できます');
      }

      await addHouseholdMembers(
        tx,
        actor.tenantId,
        kase.household_id,
        input.newMembers.map((m, i) => ({
          personId: newIds[i] as string,
          relation: m.relation,
          livingTogether: m.livingTogether,
          supported: m.supported,
        })),
      );
      for (const [i, m] of input.newMembers.entries()) {
        await updateMemberFacts(tx, actor.tenantId, kase.household_id, {
          ...m,
          personId: newIds[i] as string,
        });
      }
      for (const m of input.members) await updateMemberFacts(tx, actor.tenantId, kase.household_id, m);
      await replaceRelations(tx, actor.tenantId, kase.household_id, relations);
      await replaceTies(tx, actor.tenantId, kase.household_id, input.ties);

      const record = await loadHousehold(tx, actor.tenantId, kase.household_id);
      const participating = await participatingOrganizations(tx, actor.tenantId, kase.id);
      await recordOnTimeline(tx, actor, kase.id, {
        kind: 'householdUpdated',
        subjectId: kase.household_id,
        summary: `世帯（ジェノグラム・エコマップ）を更新：世帯員${record.members.length}人、関係${record.relations.length}件、関係先${record.ties.length}件`,
        details: { addedPersonIds: newIds },
      });
      const context = auditContextOf(request);
      await auditPersonsCreated(tx, context, createdIds, { householdId: kase.household_id });
      await recordAudit(tx, context, {
        action: 'household.update',
        resourceType: 'household',
        resourceId: kase.household_id,
        caseId: kase.id,
        personId: kase.primary_person_id,
        details: {
          addedPersonIds: newIds,
          relations: record.relations.length,
          ties: record.ties.length,
        },
      });
      return presentHousehold(record, participating, kase, actor);
    },
  );
}
