import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  disclosureLookupQuerySchema,
  disclosureLookupSchema,
  disclosureQuerySchema,
  disclosureSchema,
} from '../../contract/auditEvents.ts';
import { idParamsSchema } from '../../contract/common.ts';
import { problemSchema } from '../../contract/problem.ts';
import { escapeLike, personSummaryColumns } from '../../db/persons.ts';
import type { DB } from '../../db/schema.ts';
import { tenantName } from '../../db/tenants.ts';
import { normalizeKana } from '../../domain/kana.ts';
import { personEvent } from '../auditSubjects.ts';
import { disclosureDocument, loadDisclosure } from '../disclosure.ts';
import { renderDocument } from '../documents.ts';
import { sendDownload } from '../download.ts';
import { exportRateLimit } from '../exportRateLimit.ts';
import { readErrors } from '../operation.ts';
import { orNotFound } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';
import { presentPersonSummary } from './persons.ts';

const LOOKUP_LIMIT = 50;

/**
 * 開示請求 (a person's request to see what the city holds about them). Who: holders of
 * `disclosure.export` — the auditor role, the city's 個人情報保護担当. A disclosure answers for the
 * whole city, not for one counter, so it must reach every organisation's records; a caseworker or
 * the coordinating section sees only the cases they take part in and could not answer it fully,
 * and should not be able to pull another organisation's records. The auditor otherwise reads no
 * case content: these two operations are their only window on it, each audited with its purpose.
 */
export function disclosureRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/disclosure/persons',
    {
      config: {
        access: { permission: 'disclosure.export', records: 'tenant' },
        audit: ['person.lookupForDisclosure'],
      },
      schema: {
        operationId: 'persons.lookupForDisclosure',
        summary: 'Find the person of a 開示請求 across the whole city by フリガナ, 氏名 and/or birth date',
        tags: ['disclosure'],
        querystring: disclosureLookupQuerySchema,
        response: { 200: disclosureLookupSchema, ...readErrors },
      },
    },
    async (request) => {
      const { kana, name, birthDate } = request.query;
      const rows = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        let query = tx
          .selectFrom('persons as p')
          .innerJoin('organizations as o', 'o.id', 'p.registered_by_organization_id')
          .select([
            ...personSummaryColumns,
            'p.address',
            'p.registered_by_organization_id',
            'o.name as registered_by_name',
          ])
          .where('p.tenant_id', '=', actor.tenantId);
        if (kana)
          query = query.where(
            'p.kana_key',
            'like',
            `${escapeLike(normalizeKana(kana.replace(/[\s\u3000・]/g, '')))}%`,
          );
        if (name) {
          const pattern = `%${escapeLike(name.replace(/[\s\u3000]/g, ''))}%`;
          query = query.where((eb) =>
            eb(eb.fn('concat', ['p.family_name', 'p.given_name']), 'like', pattern),
          );
        }
        if (birthDate) query = query.where('p.birth_date', '=', birthDate);
        const found = await query.orderBy('p.kana_key').orderBy('p.id').limit(LOOKUP_LIMIT).execute();
        await audit({
          action: 'person.lookupForDisclosure',
          resourceType: 'person',
          details: {
            query: { kana: kana ?? null, name: name ?? null, birthDate: birthDate ?? null },
            ids: found.map((p) => p.id),
          },
        });
        return found;
      });
      return {
        items: rows.map((row) => ({
          ...presentPersonSummary(row),
          address: row.address,
          registeredBy: { id: row.registered_by_organization_id, name: row.registered_by_name },
        })),
      };
    },
  );

  r.get(
    '/api/persons/:id/disclosure',
    {
      config: {
        access: { permission: 'disclosure.export', records: 'tenant' },
        audit: ['person.disclosureExport'],
      },
      preHandler: exportRateLimit,
      schema: {
        operationId: 'persons.disclosureExport',
        summary: 'Everything held about one person (開示請求) as JSON or PDF, with who has looked at it',
        description:
          'Person, households, consultations, cases with assessments, meetings, plans, reports and ' +
          'monitorings, consents, and the access log. Tenant-wide; audited; rate-limited per user.',
        tags: ['disclosure'],
        params: idParamsSchema,
        querystring: disclosureQuerySchema,
        response: { 200: z.union([disclosureSchema, z.any()]), ...readErrors, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const { format, purpose } = request.query;
      const exported = await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const loaded = orNotFound(await loadDisclosure(tx, actor.tenantId, request.params.id));
        await audit(
          personEvent(request.params.id, 'person.disclosureExport', {
            format,
            ...(purpose ? { purpose } : {}),
            counts: {
              consultations: loaded.consultations.length,
              cases: loaded.cases.length,
              consents: loaded.consents.length,
              accessLog: loaded.accessLog.length,
            },
          }),
        );
        return { disclosure: loaded, cityName: await tenantName(tx, actor.tenantId) };
      });
      const { disclosure, cityName } = exported;
      if (format === 'json') return disclosure;
      const rendered = await renderDocument(
        disclosureDocument(disclosure, cityName),
        'pdf',
        `開示資料_${String(disclosure.person.familyName)}${String(disclosure.person.givenName)}`,
      );
      return sendDownload(reply, rendered);
    },
  );
}
