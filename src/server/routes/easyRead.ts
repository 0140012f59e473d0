import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { idParamsSchema } from '../../contract/common.ts';
import { easyReadPlanSchema, easyReadQuerySchema } from '../../contract/forms.ts';
import { findPlan, loadPlanDetails } from '../../db/plans.ts';
import type { DB, OrganizationContact } from '../../db/schema.ts';
import { easyReadPlan } from '../../domain/easyRead/easyReadPlan.ts';
import { toIsoDate } from '../../domain/wareki.ts';
import { sendDownload } from '../download.ts';
import { easyReadHtml, easyReadPdf, withRuby } from '../easyRead/easyReadRender.ts';
import { createReadingDictionary } from '../easyRead/readings.ts';
import { readErrors } from '../operation.ts';
import { orNotFound } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';

/**
 * A plan the person can read (plans.easyRead): the plan in やさしい日本語 with ふりがな over every
 * kanji beyond the 2nd grade, as JSON (the browser preview), HTML (<ruby>) or PDF. Generated from
 * the same plan record as the プランシート; readings come from an offline dictionary loaded on the
 * first request (kept by this app instance).
 */
export function easyReadRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const dictionary = createReadingDictionary();

  r.get(
    '/api/plans/:id/easy-read',
    {
      config: { access: { permission: 'case.read' }, audit: ['plan.easyRead'] },
      schema: {
        operationId: 'plans.easyRead',
        summary: 'The plan in やさしい日本語 with ふりがな, for the person: json (preview), html or pdf',
        tags: ['plans', 'forms'],
        params: idParamsSchema,
        querystring: easyReadQuerySchema,
        produces: ['application/json', 'text/html', 'application/pdf'],
        response: { 200: z.union([easyReadPlanSchema, z.any()]), ...readErrors },
      },
    },
    async (request, reply) => {
      const { format, purpose } = request.query;
      const read = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const plan = orNotFound(await findPlan(tx, actor, request.params.id));
        const details = (await loadPlanDetails(tx, actor.tenantId, [plan])).get(plan.id);
        const facts = await tx
          .selectFrom('cases as c')
          .innerJoin('persons as p', 'p.id', 'c.primary_person_id')
          .innerJoin('organizations as o', 'o.id', 'c.coordinating_organization_id')
          .innerJoin('tenants as t', 't.id', 'c.tenant_id')
          .leftJoin('users as u', 'u.id', 'c.assigned_user_id')
          .select([
            'p.family_name',
            'p.given_name',
            'o.name as organization_name',
            'o.contact',
            't.name as city',
            'u.display_name as staff',
          ])
          .where('c.id', '=', plan.case_id)
          .executeTakeFirstOrThrow();
        const contact = (
          typeof facts.contact === 'string' ? JSON.parse(facts.contact) : facts.contact
        ) as OrganizationContact;
        await audit({
          action: 'plan.easyRead',
          resourceType: 'supportPlan',
          resourceId: plan.id,
          caseId: plan.case_id,
          personId: plan.primary_person_id,
          details: { format, ...(purpose ? { purpose } : {}) },
        });
        return {
          ids: { planId: plan.id, caseId: plan.case_id, version: plan.version },
          cityName: facts.city,
          document: easyReadPlan({
            personName: `${facts.family_name} ${facts.given_name}`.trim(),
            version: plan.version,
            decidedOn: plan.approved_at ? toIsoDate(plan.approved_at) : null,
            wishes: plan.wishes,
            longTermGoal: plan.long_term_goal,
            shortTermGoals: plan.short_term_goals,
            items: (details?.items ?? []).map((item) => ({
              organizationName: item.organization_name,
              content: item.content,
              frequency: item.frequency,
              periodFrom: item.period_from,
              periodTo: item.period_to,
              resourceName: item.resource_name,
            })),
            nextMonitoringOn: plan.next_monitoring_on,
            contact: {
              organizationName: facts.organization_name,
              phone: contact.phone ?? null,
              staffName: facts.staff,
            },
          }),
        };
      });
      const { document, ids, cityName } = read;
      const plan = await withRuby(document, dictionary, ids);
      if (format === 'json') return plan;
      if (format === 'html')
        return reply.header('content-type', 'text/html; charset=utf-8').send(easyReadHtml(plan));
      const pdf = await easyReadPdf(plan, cityName);
      return sendDownload(reply, {
        body: pdf,
        contentType: 'application/pdf',
        fileName: `わかりやすい支援計画_第${ids.version}版.pdf`,
      });
    },
  );
}
