import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  evaluationScaleSchema,
  evaluationScaleUpdateSchema,
  lockYearParamsSchema,
  type Progress,
  progressInputSchema,
  progressListQuerySchema,
  progressListSchema,
  progressParamsSchema,
  progressSchema,
  type YearUnlock,
  yearLockSchema,
  yearUnlockInputSchema,
  yearUnlockSchema,
} from '../../contract/recidivismPlan.ts';
import type { Executor } from '../../db/executor.ts';
import { loadProgrammes, type RecidivismPlanRow } from '../../db/recidivismPlan.ts';
import { cooperatingEmployerCounts } from '../../db/resourceCounts.ts';
import type { DB } from '../../db/schema.ts';
import { now } from '../../domain/clock.ts';
import { formatFiscalYear } from '../../domain/fiscalYear.ts';
import {
  mayEditProgress,
  mayEditProgressOfYear,
  mayManagePlan,
  progressYearAbilities,
} from '../../domain/policy/recidivismPlan.ts';
import { automaticIndicatorsOf } from '../../domain/resources/automaticIndicators.ts';
import { operations } from '../operation.ts';
import { forbidden, HttpProblem, invalidField, notFound, orNotFound } from '../problem.ts';
import { requirePlan } from './recidivismPlan.ts';

function checkYearInPlan(plan: RecidivismPlanRow, fiscalYear: number, field: string): void {
  if (fiscalYear < plan.period_from_fiscal_year || fiscalYear > plan.period_to_fiscal_year) {
    const message = `年度は計画期間（${formatFiscalYear(plan.period_from_fiscal_year)}～${formatFiscalYear(plan.period_to_fiscal_year)}）の中で指定してください`;
    throw invalidField(field, 'outOfPlan', message);
  }
}

export async function evaluationScale(db: Executor, tenantId: string) {
  return db
    .selectFrom('evaluation_scale')
    .select(['code', 'label'])
    .where('tenant_id', '=', tenantId)
    .orderBy('sort_order')
    .execute();
}

/** The lock of a 年度 with who locked it, or null while the year is open. */
export async function findYearLock(db: Executor, planId: string, fiscalYear: number) {
  const row = await db
    .selectFrom('progress_year_locks as l')
    .innerJoin('users as u', 'u.id', 'l.locked_by')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['l.fiscal_year', 'l.locked_at', 'u.id as user_id', 'u.display_name', 'o.name as organization'])
    .where('l.plan_id', '=', planId)
    .where('l.fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return row
    ? {
        fiscalYear: row.fiscal_year,
        lockedBy: { id: row.user_id, displayName: row.display_name, organization: row.organization },
        lockedAt: row.locked_at.toISOString(),
      }
    : null;
}

/** The latest lifting of a 年度's lock, or null if it was never lifted. */
export async function findLastUnlock(
  db: Executor,
  planId: string,
  fiscalYear: number,
): Promise<YearUnlock | null> {
  const row = await db
    .selectFrom('progress_year_unlocks as x')
    .innerJoin('users as ul', 'ul.id', 'x.unlocked_by')
    .innerJoin('organizations as o', 'o.id', 'ul.organization_id')
    .innerJoin('users as lk', 'lk.id', 'x.locked_by')
    .select([
      'x.fiscal_year',
      'x.locked_by',
      'x.locked_at',
      'x.unlocked_by',
      'x.unlocked_at',
      'x.reason',
      'ul.display_name as unlocked_name',
      'o.name as organization',
      'lk.display_name as locked_name',
    ])
    .where('x.plan_id', '=', planId)
    .where('x.fiscal_year', '=', fiscalYear)
    .orderBy('x.unlocked_at', 'desc')
    .orderBy('x.id')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        fiscalYear: row.fiscal_year,
        lockedBy: { id: row.locked_by, displayName: row.locked_name },
        lockedAt: row.locked_at.toISOString(),
        unlockedBy: { id: row.unlocked_by, displayName: row.unlocked_name, organization: row.organization },
        unlockedAt: row.unlocked_at.toISOString(),
        reason: row.reason,
      }
    : null;
}

/** Progress rows of a 年度 by programme, with the evaluation label and who last edited. */
export async function loadProgress(
  db: Executor,
  tenantId: string,
  fiscalYear: number,
  programmeIds: readonly string[],
): Promise<Map<string, Progress>> {
  if (programmeIds.length === 0) return new Map();
  const scale = new Map((await evaluationScale(db, tenantId)).map((g) => [g.code, g]));
  const rows = await db
    .selectFrom('programme_progress as p')
    .innerJoin('users as u', 'u.id', 'p.updated_by')
    .selectAll('p')
    .select('u.display_name')
    .where('p.tenant_id', '=', tenantId)
    .where('p.fiscal_year', '=', fiscalYear)
    .where('p.programme_id', 'in', programmeIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.programme_id,
      {
        programmeId: row.programme_id,
        fiscalYear: row.fiscal_year,
        statusText: row.status_text,
        resultValue: row.result_value === null ? null : Number(row.result_value),
        resultUnit: row.result_unit,
        evaluation: row.evaluation
          ? (scale.get(row.evaluation) ?? { code: row.evaluation, label: row.evaluation })
          : null,
        issuesDirection: row.issues_direction,
        updatedBy: { id: row.updated_by, displayName: row.display_name },
        updatedAt: row.updated_at.toISOString(),
      },
    ]),
  );
}

export function programmeProgressRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['programmeProgress'] });

  op.get(
    '/api/programme-progress',
    {
      operationId: 'programmeProgress.list',
      access: { permission: 'plan.read' },
      audit: [],
      summary: 'Progress of every programme for a 年度, with the year’s lock and who locked it',
      querystring: progressListQuerySchema,
      response: { 200: progressListSchema },
    },
    async ({ request, actor, tx }) => {
      const fiscalYear = request.query.fiscalYear;
      const plan = await requirePlan(tx, actor.tenantId);
      checkYearInPlan(plan, fiscalYear, 'クエリ.fiscalYear');
      const programmes = await loadProgrammes(tx, actor.tenantId, plan.id);
      const progress = await loadProgress(
        tx,
        actor.tenantId,
        fiscalYear,
        programmes.map((p) => p.id),
      );
      const lock = await findYearLock(tx, plan.id, fiscalYear);
      const automatic = await cooperatingEmployerCounts(tx, actor.tenantId, fiscalYear);
      return {
        fiscalYear,
        fiscalYearLabel: formatFiscalYear(fiscalYear),
        lock,
        lastUnlock: await findLastUnlock(tx, plan.id, fiscalYear),
        evaluationScale: await evaluationScale(tx, actor.tenantId),
        items: programmes.map((p) => ({
          programme: {
            id: p.id,
            name: p.name,
            responsibleSection: p.responsibleSection,
            challengePositions: p.challenges.map((c) => c.position),
          },
          progress: progress.get(p.id) ?? null,
          automaticIndicators: automaticIndicatorsOf(p.name, automatic),
          abilities: { edit: mayEditProgressOfYear(actor, p, lock !== null) },
        })),
        abilities: progressYearAbilities(actor, lock !== null),
      };
    },
  );

  op.put(
    '/api/programmes/:id/progress/:fiscalYear',
    {
      operationId: 'programmeProgress.save',
      access: { permission: 'programmeProgress.edit' },
      audit: ['programmeProgress.save'],
      summary: 'Record a programme’s progress for a 年度 (its responsible section or the plan officer)',
      params: progressParamsSchema,
      body: progressInputSchema,
      response: { 200: progressSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { id, fiscalYear } = request.params;
      const input = request.body;
      const plan = await requirePlan(tx, actor.tenantId);
      const [programme] = await loadProgrammes(tx, actor.tenantId, plan.id, { ids: [id] });
      if (!programme) throw notFound();
      if (!mayEditProgress(actor, programme)) throw forbidden();
      checkYearInPlan(plan, fiscalYear, 'パス.fiscalYear');
      const lock = await findYearLock(tx, plan.id, fiscalYear);
      if (lock) {
        throw new HttpProblem(
          409,
          'progress.yearLocked',
          `${formatFiscalYear(fiscalYear)}の進捗は${lock.lockedBy.organization}の${lock.lockedBy.displayName}さんが確定済みのため、変更できません。`,
        );
      }
      if (input.evaluation) {
        const scale = await evaluationScale(tx, actor.tenantId);
        if (!scale.some((g) => g.code === input.evaluation)) {
          const message = `評価は ${scale.map((g) => g.code).join('・')} のいずれかを選んでください`;
          throw invalidField('evaluation', 'unknown', message);
        }
      }
      if (input.resultValue !== null && !input.resultUnit) {
        const message = '実績値の単位を入力してください';
        throw invalidField('resultUnit', 'required', message);
      }
      const values = {
        status_text: input.statusText,
        result_value: input.resultValue,
        result_unit: input.resultUnit || null,
        evaluation: input.evaluation || null,
        issues_direction: input.issuesDirection,
        updated_by: actor.userId,
        updated_at: now(),
      };
      await tx
        .insertInto('programme_progress')
        .values({
          id: randomUUID(),
          tenant_id: actor.tenantId,
          programme_id: id,
          fiscal_year: fiscalYear,
          ...values,
        })
        .onConflict((oc) => oc.columns(['programme_id', 'fiscal_year']).doUpdateSet(values))
        .execute();
      await audit({
        action: 'programmeProgress.save',
        resourceType: 'programme',
        resourceId: id,
        details: { fiscalYear, after: input },
      });
      const saved = (await loadProgress(tx, actor.tenantId, fiscalYear, [id])).get(id);
      if (!saved) throw notFound();
      return saved;
    },
  );

  op.post(
    '/api/programme-progress/:fiscalYear/lock',
    {
      operationId: 'programmeProgress.lockYear',
      access: { permission: 'plan.manage' },
      audit: ['programmeProgress.lockYear'],
      summary: 'Lock a 年度’s progress after review: read-only from then on, with who and when',
      params: lockYearParamsSchema,
      response: { 200: yearLockSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { fiscalYear } = request.params;
      const plan = await requirePlan(tx, actor.tenantId);
      checkYearInPlan(plan, fiscalYear, 'パス.fiscalYear');
      const existing = await findYearLock(tx, plan.id, fiscalYear);
      if (existing) {
        throw new HttpProblem(
          409,
          'conflict.state',
          `${formatFiscalYear(fiscalYear)}はすでに${existing.lockedBy.displayName}さんが確定しています。`,
        );
      }
      await tx
        .insertInto('progress_year_locks')
        .values({
          tenant_id: actor.tenantId,
          plan_id: plan.id,
          fiscal_year: fiscalYear,
          locked_by: actor.userId,
        })
        .execute();
      await audit({
        action: 'programmeProgress.lockYear',
        resourceType: 'recidivismPlan',
        resourceId: plan.id,
        details: { fiscalYear },
      });
      return orNotFound(await findYearLock(tx, plan.id, fiscalYear));
    },
  );
  op.post(
    '/api/programme-progress/:fiscalYear/unlock',
    {
      operationId: 'programmeProgress.unlockYear',
      access: { permission: 'plan.manage' },
      audit: ['programmeProgress.unlockYear'],
      summary: 'Open a locked 年度 again, with the reason; who unlocked it is kept and shown',
      params: lockYearParamsSchema,
      body: yearUnlockInputSchema,
      response: { 200: yearUnlockSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { fiscalYear } = request.params;
      const plan = await requirePlan(tx, actor.tenantId);
      checkYearInPlan(plan, fiscalYear, 'パス.fiscalYear');
      const lock = await tx
        .selectFrom('progress_year_locks')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .where('fiscal_year', '=', fiscalYear)
        .forUpdate()
        .executeTakeFirst();
      if (!lock) {
        throw new HttpProblem(
          409,
          'progress.yearNotLocked',
          `${formatFiscalYear(fiscalYear)}の進捗はまだ確定されていないため、確定を解除できません。`,
        );
      }
      await tx
        .deleteFrom('progress_year_locks')
        .where('plan_id', '=', plan.id)
        .where('fiscal_year', '=', fiscalYear)
        .execute();
      const id = randomUUID();
      await tx
        .insertInto('progress_year_unlocks')
        .values({
          id,
          tenant_id: actor.tenantId,
          plan_id: plan.id,
          fiscal_year: fiscalYear,
          locked_by: lock.locked_by,
          locked_at: lock.locked_at,
          unlocked_by: actor.userId,
          reason: request.body.reason,
        })
        .execute();
      await audit({
        action: 'programmeProgress.unlockYear',
        resourceType: 'recidivismPlan',
        resourceId: plan.id,
        details: {
          fiscalYear,
          reason: request.body.reason,
          lockedBy: lock.locked_by,
          lockedAt: lock.locked_at.toISOString(),
        },
      });
      return orNotFound(await findLastUnlock(tx, plan.id, fiscalYear));
    },
  );

  op.get(
    '/api/evaluation-scale',
    {
      operationId: 'evaluationScale.get',
      access: { permission: 'plan.read' },
      audit: [],
      summary: 'The configurable 評価 scale for programme progress, in display order',
      response: { 200: evaluationScaleSchema },
    },
    async ({ actor, tx }) => {
      return {
        items: await evaluationScale(tx, actor.tenantId),
        abilities: { update: mayManagePlan(actor) },
      };
    },
  );

  op.put(
    '/api/evaluation-scale',
    {
      operationId: 'evaluationScale.update',
      access: { permission: 'plan.manage' },
      audit: ['evaluationScale.update'],
      summary: 'Replace the 評価 scale (order = display order); a grade used by progress cannot be removed',
      body: evaluationScaleUpdateSchema,
      response: { 200: evaluationScaleSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { items } = request.body;
      const before = await evaluationScale(tx, actor.tenantId);
      const kept = new Set(items.map((i) => i.code));
      const removed = before.filter((g) => !kept.has(g.code)).map((g) => g.code);
      if (removed.length > 0) {
        const used = await tx
          .selectFrom('programme_progress')
          .select('evaluation')
          .distinct()
          .where('tenant_id', '=', actor.tenantId)
          .where('evaluation', 'in', removed)
          .execute();
        if (used.length > 0) {
          const codes = used.map((u) => u.evaluation).join('・');
          throw new HttpProblem(
            409,
            'evaluationScale.inUse',
            `評価「${codes}」は記録済みの進捗で使われているため削除できません。名称の変更はできます。`,
          );
        }
        await tx
          .deleteFrom('evaluation_scale')
          .where('tenant_id', '=', actor.tenantId)
          .where('code', 'in', removed)
          .execute();
      }
      for (const [index, item] of items.entries()) {
        await tx
          .insertInto('evaluation_scale')
          .values({
            id: randomUUID(),
            tenant_id: actor.tenantId,
            code: item.code,
            label: item.label,
            sort_order: index + 1,
          })
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'code']).doUpdateSet({ label: item.label, sort_order: index + 1 }),
          )
          .execute();
      }
      await audit({
        action: 'evaluationScale.update',
        resourceType: 'evaluationScale',
        resourceId: null,
        details: { before, after: items },
      });
      return { items: await evaluationScale(tx, actor.tenantId), abilities: { update: true } };
    },
  );
}
