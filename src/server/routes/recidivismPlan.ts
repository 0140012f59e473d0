import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { idParamsSchema } from '../../contract/common.ts';
import {
  challengeListSchema,
  challengesUpdateSchema,
  exportQuerySchema,
  type Programme,
  programmeImportBodySchema,
  programmeImportQuerySchema,
  programmeImportResultSchema,
  programmeImportTemplateQuerySchema,
  programmeInputSchema,
  programmeListQuerySchema,
  programmeListSchema,
  programmeSchema,
  programmeUpdateSchema,
  publicProgrammeListSchema,
  publicProgrammeQuerySchema,
  type RecidivismPlan,
  recidivismPlanSchema,
} from '../../contract/recidivismPlan.ts';
import { activeOrganizationNames } from '../../db/organizations.ts';
import {
  findCurrentPlan,
  insertProgramme,
  listChallenges,
  loadProgrammes,
  type ProgrammeRecord,
  type RecidivismPlanRow,
  setProgrammeChallenges,
  updateProgramme,
} from '../../db/recidivismPlan.ts';
import type { DB } from '../../db/schema.ts';
import { runAsTenant } from '../../db/tenantContext.ts';
import { now } from '../../domain/clock.ts';
import { formatFiscalYear } from '../../domain/fiscalYear.ts';
import { mayManagePlan, programmeAbilities } from '../../domain/policy/recidivismPlan.ts';
import type { Actor } from '../actor.ts';
import { actorOf } from '../authentication.ts';
import { renderDocument, type TableDocument } from '../documents.ts';
import { sendDownload } from '../download.ts';
import { exportRateLimit } from '../exportRateLimit.ts';
import { operations, readErrors } from '../operation.ts';
import { requireKnownOrganizations } from '../organizationReferences.ts';
import { HttpProblem, notFound, orNotFound, refuseFieldErrors, unknownEntries } from '../problem.ts';
import { ImportFileError, planImport, readImportFile } from '../programmeImport.ts';
import { renderTemplateCsv, renderTemplateXlsx, templateBaseName } from '../programmeImportTemplate.ts';
import { publicTenantId } from '../publicTenant.ts';
import { requestTransaction } from '../requestTransaction.ts';

export function periodLabel(plan: RecidivismPlanRow): string {
  return `${formatFiscalYear(plan.period_from_fiscal_year)}～${formatFiscalYear(plan.period_to_fiscal_year)}`;
}

/** The current plan of the actor's municipality, or 404 when none has been set up. */
export async function requirePlan(
  db: Kysely<DB> | Transaction<DB>,
  tenantId: string,
): Promise<RecidivismPlanRow> {
  return orNotFound(await findCurrentPlan(db, tenantId));
}

/**
 * The programmes listed under a challenge, in the plan's order, each with whether it is listed
 * there again (再掲) after its own challenge.
 */
export function programmesUnder<P extends { challenges: readonly { id: string; isRepeat: boolean }[] }>(
  challengeId: string,
  programmes: readonly P[],
): { programme: P; isRepeat: boolean }[] {
  return programmes.flatMap((programme) => {
    const link = programme.challenges.find((c) => c.id === challengeId);
    return link ? [{ programme, isRepeat: link.isRepeat }] : [];
  });
}

function presentProgramme(record: ProgrammeRecord, actor: Actor, challengeId?: string): Programme {
  const listing = challengeId ? record.challenges.find((c) => c.id === challengeId) : undefined;
  return {
    ...record,
    ...(listing ? { isRepeat: listing.isRepeat } : {}),
    abilities: programmeAbilities(actor, record),
  };
}

/** A programme as it stands now in the transaction (just written), presented. */
async function presentedProgramme(
  tx: Transaction<DB>,
  actor: Actor,
  planId: string,
  id: string,
): Promise<Programme> {
  const [record] = await loadProgrammes(tx, actor.tenantId, planId, { ids: [id] });
  return presentProgramme(record as ProgrammeRecord, actor);
}

/**
 * The organisations and challenges a programme's body names must exist (400 naming the field
 * otherwise); an update checks those it names.
 */
async function checkProgrammeReferences(
  tx: Transaction<DB>,
  tenantId: string,
  planId: string,
  input: {
    responsibleSectionId?: string | undefined;
    relatedOrganizationIds?: string[] | undefined;
    challenges?: { challengeId: string }[] | undefined;
  },
): Promise<void> {
  // organisation ids in a body must belong to the tenant (disabled ones too): otherwise 400 naming the field
  await requireKnownOrganizations(
    tx,
    tenantId,
    [
      ...(input.responsibleSectionId
        ? [{ field: 'responsibleSectionId', id: input.responsibleSectionId }]
        : []),
      ...(input.relatedOrganizationIds ?? []).map((id, i) => ({ field: `relatedOrganizationIds.${i}`, id })),
    ],
    {
      detail: '指定された組織が見つかりません。',
      message: '指定された組織が見つかりません',
      code: 'unknown',
    },
    { includeDisabled: true },
  );
  if (input.challenges)
    await checkChallenges(
      tx,
      planId,
      input.challenges.map((c) => c.challengeId),
    );
}

async function checkChallenges(tx: Transaction<DB>, planId: string, ids: string[]): Promise<void> {
  const found = await tx.selectFrom('challenges').select('id').where('plan_id', '=', planId).execute();
  const known = new Set(found.map((c) => c.id));
  refuseFieldErrors(
    '指定された課題が見つかりません。',
    unknownEntries(ids, {
      isKnown: (id) => known.has(id),
      field: (_, index) => `challenges.${index}.challengeId`,
      message: '指定された課題が見つかりません',
    }),
  );
}

async function programmeNameTaken(
  tx: Transaction<DB>,
  planId: string,
  name: string,
  sectionId: string,
  exceptId?: string,
): Promise<boolean> {
  let query = tx
    .selectFrom('programmes')
    .select('id')
    .where('plan_id', '=', planId)
    .where('name', '=', name)
    .where('responsible_section_id', '=', sectionId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

const duplicateProgramme = (name: string) =>
  new HttpProblem(409, 'conflict.state', `同じ担当課の「${name}」はすでに登録されています。`);

/** 資料編: challenge → programmes with summary and section, as the appendix of the 地域福祉計画 prints it. */
export async function appendixDocument(
  db: Kysely<DB> | Transaction<DB>,
  tenantId: string,
): Promise<TableDocument> {
  const plan = await requirePlan(db, tenantId);
  const challenges = await listChallenges(db, tenantId, plan.id);
  const programmes = await loadProgrammes(db, tenantId, plan.id);
  return {
    title: `${plan.name} 資料編 再犯防止関係事業一覧`,
    subtitle: [
      `計画期間：${periodLabel(plan)}（${plan.parent_plan ?? ''}に包含）`,
      `根拠法令：${plan.legal_basis}　対象者：${plan.target_population}`,
      `全${programmes.length}事業`,
    ],
    sections: challenges.map((challenge) => ({
      heading: `課題(${challenge.position}) ${challenge.title}`,
      columns: [
        { header: 'No.', width: 5 },
        { header: '事業名(取組)', width: 28 },
        { header: '事業の概要', width: 70 },
        { header: '担当課', width: 14 },
      ],
      rows: programmesUnder(challenge.id, programmes).map(({ programme: p, isRepeat }, index) => [
        String(index + 1),
        isRepeat ? `${p.name}【再掲】` : p.name,
        p.summary,
        p.responsibleSection.name,
      ]),
    })),
    notes: ['【再掲】は、他の課題に掲載している事業を再び掲載したものです。'],
  };
}

export function recidivismPlanRoutes(
  app: FastifyInstance,
  db: Kysely<DB>,
  options: { publicCatalogue: boolean },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['programmes'] });

  r.get(
    '/api/recidivism-plan',
    {
      config: { access: { permission: 'plan.read' }, audit: [] },
      schema: {
        operationId: 'recidivismPlans.get',
        summary: 'The current recidivism prevention plan (再犯防止推進計画) with its challenges',
        tags: ['recidivismPlan'],
        response: { 200: recidivismPlanSchema, ...readErrors },
      },
    },
    async (request): Promise<RecidivismPlan> => {
      const actor = actorOf(request);
      const plan = await requirePlan(db, actor.tenantId);
      return {
        id: plan.id,
        name: plan.name,
        periodFromFiscalYear: plan.period_from_fiscal_year,
        periodToFiscalYear: plan.period_to_fiscal_year,
        periodLabel: periodLabel(plan),
        parentPlan: plan.parent_plan,
        legalBasis: plan.legal_basis,
        targetPopulation: plan.target_population,
        challenges: await listChallenges(db, actor.tenantId, plan.id),
        abilities: {
          manage: mayManagePlan(actor),
          lockYear: mayManagePlan(actor),
        },
      };
    },
  );

  op.get(
    '/api/recidivism-plan/challenges',
    {
      operationId: 'challenges.list',
      access: { permission: 'plan.read' },
      audit: [],
      tags: ['recidivismPlan'],
      summary: 'The plan’s challenges (課題), in order',
      response: { 200: challengeListSchema },
    },
    async ({ actor, tx }) => {
      const plan = await requirePlan(tx, actor.tenantId);
      return { items: await listChallenges(tx, actor.tenantId, plan.id) };
    },
  );

  op.put(
    '/api/recidivism-plan/challenges',
    {
      operationId: 'challenges.update',
      access: { permission: 'plan.manage' },
      audit: ['challenge.update'],
      tags: ['recidivismPlan'],
      summary: 'Edit the challenges: titles, order, new ones; removal refused while programmes use one',
      body: challengesUpdateSchema,
      response: { 200: challengeListSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const items = request.body.items;
      const plan = await requirePlan(tx, actor.tenantId);
      const before = await listChallenges(tx, actor.tenantId, plan.id);
      const beforeById = new Map(before.map((c) => [c.id, c]));
      const errors = unknownEntries(items, {
        isKnown: (item) => !item.id || beforeById.has(item.id),
        field: (_, index) => `items.${index}.id`,
        message: '指定された課題が見つかりません',
      });
      const ids = items.flatMap((i) => (i.id ? [i.id] : []));
      if (new Set(ids).size !== ids.length)
        errors.push({ field: 'items', code: 'duplicate', message: '同じ課題が重複しています' });
      refuseFieldErrors('課題の指定に誤りがあります。', errors);
      const kept = new Set(ids);
      const removed = before.filter((c) => !kept.has(c.id));
      const inUse = removed.find((c) => c.programmeCount > 0);
      if (inUse) {
        throw new HttpProblem(
          409,
          'challenge.inUse',
          `課題(${inUse.position})「${inUse.title}」には事業が${inUse.programmeCount}件あるため削除できません。先に事業を他の課題へ移してください。`,
        );
      }
      if (removed.length) {
        const discussed = await tx
          .selectFrom('opinions')
          .select('challenge_id')
          .where(
            'challenge_id',
            'in',
            removed.map((c) => c.id),
          )
          .executeTakeFirst();
        const withOpinion = removed.find((c) => c.id === discussed?.challenge_id);
        if (withOpinion) {
          throw new HttpProblem(
            409,
            'challenge.inUse',
            `課題(${withOpinion.position})「${withOpinion.title}」には連絡会議の意見が関連づけられているため削除できません。`,
          );
        }
        await tx
          .deleteFrom('challenges')
          .where(
            'id',
            'in',
            removed.map((c) => c.id),
          )
          .execute();
      }
      for (const [index, item] of items.entries()) {
        if (item.id) {
          await tx
            .updateTable('challenges')
            .set({ position: index + 1, title: item.title, updated_at: now() })
            .where('id', '=', item.id)
            .execute();
        } else {
          await tx
            .insertInto('challenges')
            .values({
              id: randomUUID(),
              tenant_id: actor.tenantId,
              plan_id: plan.id,
              position: index + 1,
              title: item.title,
            })
            .execute();
        }
      }
      const after = await listChallenges(tx, actor.tenantId, plan.id);
      await audit({
        action: 'challenge.update',
        resourceType: 'recidivismPlan',
        resourceId: plan.id,
        details: {
          before: before.map((c) => ({ id: c.id, position: c.position, title: c.title })),
          after: after.map((c) => ({ id: c.id, position: c.position, title: c.title })),
        },
      });
      // the deferred position constraint is checked at commit
      await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(tx);
      return { items: after };
    },
  );

  op.get(
    '/api/programmes',
    {
      operationId: 'programmes.list',
      access: { permission: 'plan.read' },
      audit: [],
      summary: 'Programmes of the plan, all or under one challenge (再掲 marked)',
      querystring: programmeListQuerySchema,
      response: { 200: programmeListSchema },
    },
    async ({ request, actor, tx }) => {
      const plan = await requirePlan(tx, actor.tenantId);
      const challengeId = request.query.challengeId;
      const records = await loadProgrammes(tx, actor.tenantId, plan.id, { challengeId });
      const items = records.map((record) => presentProgramme(record, actor, challengeId));
      // under one challenge, its own programmes come first and the 再掲 ones after, as the plan prints them
      return { items: challengeId ? items.sort((a, b) => Number(a.isRepeat) - Number(b.isRepeat)) : items };
    },
  );

  op.post(
    '/api/programmes',
    {
      operationId: 'programmes.create',
      access: { permission: 'plan.manage' },
      audit: ['programme.create'],
      summary: 'Add a programme under one or more challenges',
      body: programmeInputSchema,
      response: { 201: programmeSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const plan = await requirePlan(tx, actor.tenantId);
      await checkProgrammeReferences(tx, actor.tenantId, plan.id, input);
      if (await programmeNameTaken(tx, plan.id, input.name, input.responsibleSectionId))
        throw duplicateProgramme(input.name);
      const id = randomUUID();
      await insertProgramme(tx, actor.tenantId, plan.id, id, {
        name: input.name,
        summary: input.summary,
        responsibleSectionId: input.responsibleSectionId,
        relatedOrganizationIds: input.relatedOrganizationIds,
        indicators: input.indicators,
        externalKey: input.externalKey || null,
      });
      await setProgrammeChallenges(tx, actor.tenantId, id, input.challenges);
      await audit({
        action: 'programme.create',
        resourceType: 'programme',
        resourceId: id,
        details: { after: input },
      });
      return presentedProgramme(tx, actor, plan.id, id);
    },
  );

  op.patch(
    '/api/programmes/:id',
    {
      operationId: 'programmes.update',
      access: { permission: 'plan.manage' },
      audit: ['programme.update'],
      summary: 'Edit a programme (name, summary, section, challenges, related organisations, indicators)',
      params: idParamsSchema,
      body: programmeUpdateSchema,
      response: { 200: programmeSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const plan = await requirePlan(tx, actor.tenantId);
      const [before] = await loadProgrammes(tx, actor.tenantId, plan.id, { ids: [request.params.id] });
      if (!before) throw notFound();
      await checkProgrammeReferences(tx, actor.tenantId, plan.id, input);
      const name = input.name ?? before.name;
      const section = input.responsibleSectionId ?? before.responsibleSection.id;
      if (await programmeNameTaken(tx, plan.id, name, section, before.id)) throw duplicateProgramme(name);
      await updateProgramme(tx, actor.tenantId, before.id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.responsibleSectionId !== undefined
          ? { responsibleSectionId: input.responsibleSectionId }
          : {}),
        ...(input.relatedOrganizationIds !== undefined
          ? { relatedOrganizationIds: input.relatedOrganizationIds }
          : {}),
        ...(input.indicators !== undefined ? { indicators: input.indicators } : {}),
        ...(input.externalKey !== undefined ? { externalKey: input.externalKey || null } : {}),
      });
      if (input.challenges) await setProgrammeChallenges(tx, actor.tenantId, before.id, input.challenges);
      await audit({
        action: 'programme.update',
        resourceType: 'programme',
        resourceId: before.id,
        details: { changes: input },
      });
      return presentedProgramme(tx, actor, plan.id, before.id);
    },
  );

  op.post(
    '/api/programmes/import',
    {
      operationId: 'programmes.import',
      access: { permission: 'plan.manage' },
      audit: ['programme.import'],
      summary:
        'Import the programme list (CSV/TSV in UTF-8 or Shift_JIS, or xlsx); ?dryRun=true reports without writing',
      querystring: programmeImportQuerySchema,
      body: programmeImportBodySchema,
      response: { 200: programmeImportResultSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const dryRun = request.query.dryRun === 'true';
      const bytes = Buffer.from(request.body.contentBase64, 'base64');
      let file: Awaited<ReturnType<typeof readImportFile>>;
      try {
        file = await readImportFile(request.body.fileName, bytes);
      } catch (error) {
        if (error instanceof ImportFileError)
          throw new HttpProblem(400, 'import.invalid', error.message, [
            { field: 'contentBase64', code: 'unreadable', message: error.message },
          ]);
        throw error;
      }
      const plan = await requirePlan(tx, actor.tenantId);
      const challenges = await listChallenges(tx, actor.tenantId, plan.id);
      const sections = await activeOrganizationNames(tx, actor.tenantId);
      const { programmes, errors } = planImport(file, {
        challengeByPosition: new Map(challenges.map((c) => [c.position, c.id])),
        sectionByName: new Map(sections.map((s) => [s.name.normalize('NFKC'), s.id])),
      });
      const existing = await tx
        .selectFrom('programmes')
        .select(['id', 'name', 'responsible_section_id', 'external_key'])
        .where('plan_id', '=', plan.id)
        .execute();
      const byExternalKey = new Map(
        existing.filter((p) => p.external_key).map((p) => [p.external_key, p.id]),
      );
      const byName = new Map(existing.map((p) => [`${p.name}\u0000${p.responsible_section_id}`, p.id]));
      const created: { row: number; name: string; section: string }[] = [];
      const updated: typeof created = [];
      const actions = programmes.map((p) => {
        const match =
          (p.externalKey ? byExternalKey.get(p.externalKey) : undefined) ??
          byName.get(`${p.name}\u0000${p.sectionId}`);
        (match ? updated : created).push({ row: p.rows[0] ?? 0, name: p.name, section: p.sectionName });
        return { programme: p, existingId: match };
      });
      const summary = {
        dryRun,
        format: file.format,
        encoding: file.encoding,
        rows: file.rows.length,
        created,
        updated,
        errors,
      };
      if (dryRun) return summary;
      if (errors.length) {
        throw new HttpProblem(
          400,
          'import.invalid',
          `取り込めない行が${new Set(errors.map((e) => e.row)).size}行あります。修正してから取り込んでください（何も登録していません）。`,
          errors.map((e) => ({ field: `${e.row}行目.${e.field}`, code: 'row', message: e.message })),
        );
      }
      for (const { programme, existingId } of actions) {
        const id = existingId ?? randomUUID();
        const values = {
          name: programme.name,
          summary: programme.summary,
          responsibleSectionId: programme.sectionId,
        };
        if (existingId) {
          await updateProgramme(tx, actor.tenantId, id, {
            ...values,
            ...(programme.externalKey ? { externalKey: programme.externalKey } : {}),
          });
        } else {
          await insertProgramme(tx, actor.tenantId, plan.id, id, {
            ...values,
            relatedOrganizationIds: [],
            indicators: [],
            externalKey: programme.externalKey,
          });
        }
        await setProgrammeChallenges(tx, actor.tenantId, id, programme.links);
      }
      await audit({
        action: 'programme.import',
        resourceType: 'recidivismPlan',
        resourceId: plan.id,
        details: {
          fileName: request.body.fileName,
          format: file.format,
          encoding: file.encoding,
          rows: file.rows.length,
          created: created.length,
          updated: updated.length,
        },
      });
      return summary;
    },
  );

  r.get(
    '/api/programmes/import-template',
    {
      // the template names only the plan's challenges and the city's organisations: no personal data
      config: { access: { permission: 'plan.manage' }, audit: [] },
      schema: {
        operationId: 'programmes.importTemplate',
        summary:
          'A template for programmes.import (CSV in UTF-8 with a BOM, or xlsx): the columns the importer reads, how to fill each in, and one example row',
        tags: ['programmes'],
        querystring: programmeImportTemplateQuerySchema,
        response: { 200: z.any(), ...readErrors },
      },
    },
    async (request, reply) => {
      const context = await requestTransaction(db, request, async ({ actor, tx }) => {
        const plan = await requirePlan(tx, actor.tenantId);
        const challenges = await listChallenges(tx, actor.tenantId, plan.id);
        const sections = await activeOrganizationNames(tx, actor.tenantId);
        const own = sections.find((s) => s.id === actor.organizationId) ?? sections[0];
        return {
          challenges: challenges.map((c) => ({ position: c.position, title: c.title })),
          sections: sections.map((s) => s.name),
          exampleSection: own?.name ?? '',
        };
      });
      const csv = request.query.format === 'csv';
      return sendDownload(reply, {
        body: csv ? renderTemplateCsv(context) : await renderTemplateXlsx(context),
        contentType: csv
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${templateBaseName}.${request.query.format}`,
      });
    },
  );

  r.get(
    '/api/recidivism-plan/appendix',
    {
      config: { access: { permission: 'plan.read' }, audit: ['export'] },
      preHandler: exportRateLimit,
      schema: {
        operationId: 'appendix.export',
        summary: '資料編: challenge → programmes with summary and section, as CSV, xlsx or PDF',
        tags: ['recidivismPlan'],
        querystring: exportQuerySchema,
        response: { 200: z.any(), ...readErrors },
      },
    },
    async (request, reply) => {
      const { format, encoding } = request.query;
      const document = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const built = await appendixDocument(tx, actor.tenantId);
        await audit({
          action: 'export',
          resourceType: 'recidivismPlanAppendix',
          details: { format, encoding: encoding ?? 'utf-8', sections: built.sections.length },
        });
        return built;
      });
      const rendered = await renderDocument(document, format, '再犯防止推進計画_資料編', encoding);
      return sendDownload(reply, rendered);
    },
  );

  r.get(
    '/api/public/programmes',
    {
      config: { access: 'public', audit: [] },
      schema: {
        operationId: 'publicProgrammes.list',
        summary:
          'Public catalogue of the plan’s programmes (no sign-in; off with KASANE_PUBLIC_CATALOGUE=false)',
        tags: ['public'],
        querystring: publicProgrammeQuerySchema,
        response: { 200: publicProgrammeListSchema, ...readErrors },
      },
    },
    async (request) => {
      if (!options.publicCatalogue) throw notFound();
      // without ?tenant= the catalogue is served only when the installation has one municipality
      const tenantId = await publicTenantId(db, request.query.tenant);
      // no sign-in here: once the municipality is known, read as it (row-level security applies)
      const { plan, challenges, programmes } = await runAsTenant(tenantId, async () => {
        const plan = await requirePlan(db, tenantId);
        const challenges = await listChallenges(db, tenantId, plan.id);
        const programmes = await loadProgrammes(db, tenantId, plan.id);
        return { plan, challenges, programmes };
      });
      return {
        plan: { name: plan.name, periodLabel: periodLabel(plan), parentPlan: plan.parent_plan },
        challenges: challenges.map((c) => ({
          position: c.position,
          title: c.title,
          programmes: programmesUnder(c.id, programmes).map(({ programme: p, isRepeat }) => ({
            name: p.name,
            summary: p.summary,
            section: p.responsibleSection.name,
            isRepeat,
          })),
        })),
      };
    },
  );
}
