import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import {
  type Assessment,
  assessmentInputSchema,
  assessmentSchema,
  kinshipRelationKinds,
  type RelationKind,
  relationKinds,
} from '../../contract/assessments.ts';
import { idParamsSchema } from '../../contract/common.ts';
import type { Problem } from '../../contract/problem.ts';
import { type AssessmentRow, insertAssessment } from '../../db/assessments.ts';
import { type CaseRow, casePersons, knownOrganizationIds } from '../../db/cases.ts';
import type { AssessmentRelation, DB } from '../../db/schema.ts';
import { type CodeOf, householdFlags, type IssueCode, issueAreas, labelOf } from '../../domain/codeLists.ts';
import { coordinatesCase, mayAssess } from '../../domain/policy/cases.ts';
import type { Actor } from '../actor.ts';
import { recordOnTimeline } from '../caseTimeline.ts';
import { advanceCase } from '../caseTransitions.ts';
import { operations } from '../operation.ts';
import { forbidden, invalidFields } from '../problem.ts';

type IssueAreaCode = CodeOf<typeof issueAreas>;
const areaOfIssue = new Map<string, IssueAreaCode>(
  issueAreas.flatMap((area) => area.issues.map((issue) => [issue.code, area.code] as const)),
);

export function presentAssessment(
  row: AssessmentRow,
  context: {
    actor: Actor;
    kase: Pick<CaseRow, 'stage' | 'coordinating_organization_id'>;
    recordedByName: string;
    personIds: ReadonlySet<string>;
  },
): Assessment {
  const relations = (
    typeof row.relations === 'string' ? JSON.parse(row.relations) : row.relations
  ) as AssessmentRelation[];
  return {
    id: row.id,
    caseId: row.case_id,
    version: row.version,
    issues: row.issues.map((code) => ({ code: code as IssueCode, area: areaOfIssue.get(code) ?? 'other' })),
    householdFlags: row.household_flags as CodeOf<typeof householdFlags>[],
    summary: row.summary,
    wishes: row.wishes,
    strengths: row.strengths,
    relations: relations.map((r) => ({
      from: r.from,
      to: r.to,
      toKind: context.personIds.has(r.to) ? 'person' : 'organization',
      kind: r.kind as RelationKind,
      note: r.note ?? null,
    })),
    recordedBy: { id: row.recorded_by, name: context.recordedByName },
    recordedAt: row.created_at.toISOString(),
    abilities: { save: mayAssess(context.actor, context.kase) },
  };
}

/**
 * The genogram / ecomap edges must join the case's own persons (or, for a tie to a social
 * resource, an organisation of the municipality): any other id is a 400 naming the edge.
 */
async function checkRelations(
  tx: Transaction<DB>,
  kase: CaseRow,
  relations: { from: string; to: string; kind: RelationKind }[],
  personIds: ReadonlySet<string>,
): Promise<void> {
  const organizationIds = await knownOrganizationIds(
    tx,
    kase.tenant_id,
    relations.map((r) => r.to).filter((id) => !personIds.has(id)),
    { includeDisabled: true },
  );
  const errors: NonNullable<Problem['errors']> = [];
  relations.forEach((relation, index) => {
    if (!personIds.has(relation.from)) {
      errors.push({
        field: `relations.${index}.from`,
        code: 'unknownPerson',
        message: `関係${index + 1}の起点は、この事例の世帯員から選んでください`,
      });
    }
    if (personIds.has(relation.to)) {
      if (relation.to === relation.from) {
        errors.push({
          field: `relations.${index}.to`,
          code: 'sameEnds',
          message: `関係${index + 1}の起点と相手が同じ人です`,
        });
      }
    } else if (organizationIds.has(relation.to)) {
      if (kinshipRelationKinds.includes(relation.kind)) {
        errors.push({
          field: `relations.${index}.kind`,
          code: 'kinshipToOrganization',
          message: `関係${index + 1}：機関との関係に「${labelOf(relationKinds, relation.kind)}」は選べません`,
        });
      }
    } else {
      errors.push({
        field: `relations.${index}.to`,
        code: 'unknownTarget',
        message: `関係${index + 1}の相手は、この事例の世帯員か登録済みの機関から選んでください`,
      });
    }
  });
  if (errors.length > 0) {
    throw invalidFields(errors);
  }
}

export function assessmentRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['assessments'] });

  op.put(
    '/api/cases/:id/assessment',
    {
      operationId: 'assessments.save',
      access: { permission: 'case.coordinate' },
      audit: ['assessment.save'],
      summary: '課題整理（アセスメント）を記録する（保存のたびに新しい版）',
      params: idParamsSchema,
      body: assessmentInputSchema,
      response: { 200: assessmentSchema },
    },
    async ({ request, actor, tx, audit, visibleCase }) => {
      const input = request.body;
      const kase = await visibleCase(request.params.id, { forUpdate: true });
      if (!coordinatesCase(actor, kase)) throw forbidden();
      const persons = await casePersons(tx, kase);
      const personIds = new Set(persons.map((p) => p.id));
      await checkRelations(tx, kase, input.relations, personIds);

      const stage = await advanceCase(tx, actor, kase, 'saveAssessment');
      const row = await insertAssessment(tx, {
        tenantId: actor.tenantId,
        caseId: kase.id,
        recordedBy: actor.userId,
        input,
      });
      const flags = input.householdFlags.map((code) => labelOf(householdFlags, code));
      await recordOnTimeline(tx, actor, kase.id, {
        kind: 'assessmentSaved',
        subjectId: row.id,
        summary: `課題整理（第${row.version}版）を記録${flags.length > 0 ? `（世帯類型：${flags.join('、')}）` : ''}`,
        details: {
          assessmentId: row.id,
          version: row.version,
          issues: input.issues,
          householdFlags: input.householdFlags,
        },
      });
      await audit({
        action: 'assessment.save',
        resourceType: 'assessment',
        resourceId: row.id,
        caseId: kase.id,
        personId: kase.primary_person_id,
        details: {
          version: row.version,
          issues: input.issues,
          householdFlags: input.householdFlags,
          relations: input.relations.length,
        },
      });
      return presentAssessment(row, {
        actor,
        kase: { ...kase, stage },
        recordedByName: actor.displayName,
        personIds,
      });
    },
  );
}
