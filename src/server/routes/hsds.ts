import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import {
  hsdsMetaSchema,
  hsdsOrganizationListQuerySchema,
  hsdsPageSchema,
  hsdsServiceListQuerySchema,
  hsdsServiceSchema,
  hsdsTenantQuerySchema,
  resourceImportBodySchema,
  resourceImportQuerySchema,
  resourceImportResultSchema,
} from '../../contract/hsds.ts';
import { problemSchema } from '../../contract/problem.ts';
import { resourceInputSchema } from '../../contract/resources.ts';
import { hsdsTokenHash } from '../../db/hsdsTokens.ts';
import {
  directoryOrganizationOf,
  directoryResourceOf,
  findResourceByHsdsId,
  findResourceRecordByHsdsId,
  insertResource,
  listResourceOrganizations,
  listResources,
  type ResourceValues,
  updateResource,
} from '../../db/resources.ts';
import type { DB } from '../../db/schema.ts';
import { runAsTenant } from '../../db/tenantContext.ts';
import { tenantName } from '../../db/tenants.ts';
import {
  type DirectoryResource,
  fromHsdsService,
  hsdsOrganization,
  hsdsService,
  hsdsServiceSummary,
} from '../../domain/resources/hsds.ts';
import { hsdsServiceErrors } from '../hsds/validate.ts';
import { readErrors } from '../operation.ts';
import { HttpProblem, invalidField, invalidInput, orNotFound } from '../problem.ts';
import { publicTenantId } from '../publicTenant.ts';
import { requestTransaction } from '../requestTransaction.ts';

const writeErrors = { ...readErrors, 409: problemSchema, 413: problemSchema };

/**
 * Whose directory a request reads: a signed-in user's own city; the city of a valid API token
 * (`Authorization: Bearer …`); or, where the installation publishes the directory
 * (KASANE_PUBLIC_DIRECTORY), the city named by `?tenant=` (or the only one). Otherwise 401.
 */
async function directoryTenant(
  request: FastifyRequest,
  db: Kysely<DB>,
  options: { publicDirectory: boolean },
  tenantCode: string | undefined,
): Promise<string> {
  if (request.actor) return request.actor.tenantId;
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length).trim();
    const row = await db
      .selectFrom('hsds_api_tokens')
      .select('tenant_id')
      .where('token_hash', '=', hsdsTokenHash(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (row) return row.tenant_id;
  } else if (options.publicDirectory) {
    return publicTenantId(db, tenantCode);
  }
  throw new HttpProblem(
    401,
    'auth.required',
    'HSDS APIを使うには、市が発行したAPIトークン（Authorization: Bearer）が必要です。',
    undefined,
    { 'www-authenticate': 'Bearer realm="kasane-hsds"' },
  );
}

/**
 * Read the directory of the city this request reads (directoryTenant), in one transaction as that
 * city: a request without sign-in enters its scope here (row-level security).
 */
async function readDirectory<T>(
  request: FastifyRequest,
  db: Kysely<DB>,
  options: { publicDirectory: boolean },
  tenantCode: string | undefined,
  read: (tx: Transaction<DB>, tenantId: string) => Promise<T>,
): Promise<T> {
  const tenantId = await directoryTenant(request, db, options, tenantCode);
  const work = () => db.transaction().execute((tx) => read(tx, tenantId));
  return request.actor ? work() : runAsTenant(tenantId, work);
}

function page<T>(items: T[], pageNumber: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: items.length === 0,
    contents,
  };
}

async function directory(
  tx: Kysely<DB> | Transaction<DB>,
  tenantId: string,
  query: {
    search?: string | undefined;
    organization_id?: string | undefined;
    modified_after?: string | undefined;
  },
): Promise<DirectoryResource[]> {
  const records = await listResources(tx, tenantId, {
    q: query.search,
    includeInactive: true,
    organizationHsdsId: query.organization_id,
    modifiedAfter: query.modified_after ? new Date(query.modified_after) : undefined,
  });
  return records.map(directoryResourceOf);
}

/**
 * The 社会資源 directory as Open Referral HSDS 3.0 (docs/resources.md "HSDS"): the read-only API shapes
 * `/services`, `/services/{id}` and `/organizations`, and the import of an HSDS file. The API is
 * open to the city's signed-in users, to holders of an API token the city issued, and to everyone
 * where the city publishes its directory; it holds no personal data.
 */
export function hsdsRoutes(
  app: FastifyInstance,
  db: Kysely<DB>,
  options: { publicDirectory: boolean },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/hsds',
    {
      config: { access: 'public', audit: [] },
      schema: {
        operationId: 'hsds.meta',
        summary: 'HSDS API meta: version and where its description is',
        tags: ['hsds'],
        querystring: hsdsTenantQuerySchema,
        response: { 200: hsdsMetaSchema, ...readErrors },
      },
    },
    async (request) => {
      const publisher = await readDirectory(request, db, options, request.query.tenant, tenantName);
      return {
        version: '3.0',
        profile: 'https://openreferral.org/',
        openapi_url: '/api/openapi.json',
        publisher,
      };
    },
  );

  r.get(
    '/api/hsds/services',
    {
      config: { access: 'public', audit: [] },
      schema: {
        operationId: 'hsdsServices.list',
        summary: 'The directory as HSDS 3.0 services, paginated (full=true: fully nested)',
        tags: ['hsds'],
        querystring: hsdsServiceListQuerySchema,
        response: { 200: hsdsPageSchema, ...readErrors },
      },
    },
    async (request) => {
      const query = request.query;
      const resources = await readDirectory(request, db, options, query.tenant, (tx, tenantId) =>
        directory(tx, tenantId, query),
      );
      const services = resources
        .map((resource) => ({ resource, full: hsdsService(resource) }))
        .filter(
          ({ full }) =>
            !query.taxonomy_term_id ||
            (full.attributes as { taxonomy_term_id?: string }[]).some(
              (a) => a.taxonomy_term_id === query.taxonomy_term_id,
            ),
        )
        .map(({ resource, full }) => (query.full ? full : hsdsServiceSummary(resource)));
      return page(services, query.page, query.per_page);
    },
  );

  r.get(
    '/api/hsds/services/:id',
    {
      config: { access: 'public', audit: [] },
      schema: {
        operationId: 'hsdsServices.get',
        summary: 'One HSDS 3.0 service, fully nested (by its HSDS id)',
        tags: ['hsds'],
        params: idParamsSchema,
        querystring: hsdsTenantQuerySchema,
        response: { 200: hsdsServiceSchema, ...readErrors },
      },
    },
    async (request) => {
      const record = await readDirectory(request, db, options, request.query.tenant, (tx, tenantId) =>
        findResourceRecordByHsdsId(tx, tenantId, request.params.id),
      );
      return hsdsService(directoryResourceOf(orNotFound(record)));
    },
  );

  r.get(
    '/api/hsds/organizations',
    {
      config: { access: 'public', audit: [] },
      schema: {
        operationId: 'hsdsOrganizations.list',
        summary: 'The directory’s providers as HSDS 3.0 organizations, paginated',
        tags: ['hsds'],
        querystring: hsdsOrganizationListQuerySchema,
        response: { 200: hsdsPageSchema, ...readErrors },
      },
    },
    async (request) => {
      const query = request.query;
      const organizations = await readDirectory(
        request,
        db,
        options,
        query.tenant,
        listResourceOrganizations,
      );
      const words = (query.search ?? '').split(/[\s　]+/).filter(Boolean);
      const matching = organizations.filter((o) =>
        words.every((w) => o.name.includes(w) || o.description.includes(w)),
      );
      return page(
        matching.map((o) => hsdsOrganization(directoryOrganizationOf(o), { phones: false })),
        query.page,
        query.per_page,
      );
    },
  );

  r.post(
    '/api/resources/import',
    {
      config: { access: { permission: 'resource.manage' }, audit: ['resource.import'] },
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        operationId: 'resources.import',
        summary:
          'Import an HSDS 3.0 file into the directory (services matched by their HSDS id); dryRun=true checks only',
        tags: ['resources'],
        querystring: resourceImportQuerySchema,
        body: resourceImportBodySchema,
        response: { 200: resourceImportResultSchema, ...writeErrors },
      },
    },
    async (request) => {
      const services = readHsdsFile(request.body.contentBase64);
      const values = services.map((service, index) => checkService(service, index));
      const errors = values.flatMap((v) => ('errors' in v ? v.errors : []));
      if (errors.length) {
        throw invalidInput(
          `HSDSファイルに誤りがあります（${errors.length}件）。直してから取り込んでください。`,
          errors.slice(0, 50),
        );
      }
      const ready = values.flatMap((v) => ('values' in v ? [v.values] : []));
      return requestTransaction(db, request, async ({ actor, tx, audit }) => {
        let created = 0;
        let updated = 0;
        const items: {
          hsdsId: string;
          name: string;
          organizationName: string;
          action: 'create' | 'update';
        }[] = [];
        for (const item of ready) {
          const existing = await findResourceByHsdsId(tx, actor.tenantId, item.hsdsId ?? '');
          if (existing) updated += 1;
          else created += 1;
          items.push({
            hsdsId: item.hsdsId ?? '',
            name: item.name,
            organizationName: item.organization.name,
            action: existing ? 'update' : 'create',
          });
          if (request.query.dryRun) continue;
          if (existing) await updateResource(tx, actor.tenantId, existing.id, actor.userId, item);
          else await insertResource(tx, actor.tenantId, actor.userId, item);
        }
        if (!request.query.dryRun) {
          await audit({
            action: 'resource.import',
            resourceType: 'resource',
            details: { fileName: request.body.fileName ?? null, services: ready.length, created, updated },
          });
        }
        return { dryRun: request.query.dryRun, services: ready.length, created, updated, items };
      });
    },
  );
}

const fileError = (detail: string) => invalidField('contentBase64', 'hsds', detail);

/** The services of an HSDS file: a JSON array of services, a page (`contents`), or one service. */
function readHsdsFile(contentBase64: string): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(
      Buffer.from(contentBase64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch {
    throw fileError('ファイルをJSONとして読めません。HSDS 3.0 のJSONファイル（UTF-8）を選んでください。');
  }
  const services = Array.isArray(json)
    ? json
    : json && typeof json === 'object' && Array.isArray((json as { contents?: unknown }).contents)
      ? (json as { contents: unknown[] }).contents
      : json && typeof json === 'object' && 'id' in json
        ? [json]
        : null;
  if (!services || services.length === 0)
    throw fileError(
      'HSDSのサービスが見つかりません。サービスの配列、またはページ（contents）を含むファイルを選んでください。',
    );
  if (services.length > 2000) throw fileError('一度に取り込めるサービスは2,000件までです。');
  return services;
}

/** One service checked against the HSDS schema and Kasane's own rules, as values to store. */
function checkService(
  service: unknown,
  index: number,
): { values: ResourceValues } | { errors: { field: string; code: string; message: string }[] } {
  const at = (path: string) => `services.${index}${path.replaceAll('/', '.').replace(/\.$/, '')}`;
  const schemaErrors = hsdsServiceErrors(service);
  if (schemaErrors.length)
    return {
      errors: schemaErrors.map((e) => ({
        field: at(e.path),
        code: 'hsds',
        message: `HSDS 3.0: ${e.message}`,
      })),
    };
  const resource = fromHsdsService(service as Record<string, unknown>);
  const { hsdsId, lastModified, organization, locations, schedules, contacts, ...fields } = resource;
  const parsed = resourceInputSchema.safeParse({
    ...fields,
    // a file from elsewhere may carry none of Kasane's kinds: checked as if it had one, stored without
    kinds: fields.kinds.length ? fields.kinds : ['participationPlace'],
    organization: { ...organization, hsdsId: undefined },
    locations: locations.map(({ hsdsId: _, ...l }) => l),
    schedules: schedules.map(({ hsdsId: _, ...s }) => s),
    contacts: contacts.map(({ hsdsId: _, ...c }) => c),
  });
  if (!parsed.success)
    return {
      errors: parsed.error.issues.map((issue) => ({
        field: at(`/${issue.path.join('/')}`),
        code: issue.code,
        message: issue.message,
      })),
    };
  const data = parsed.data;
  const modified = new Date(lastModified);
  return {
    values: {
      ...data,
      kinds: fields.kinds as ResourceValues['kinds'],
      hsdsId,
      ...(Number.isNaN(modified.getTime()) ? {} : { lastModified: modified }),
      organization: { ...data.organization, hsdsId: organization.hsdsId },
      locations: data.locations.map((l, i) => ({ ...l, hsdsId: locations[i]?.hsdsId ?? hsdsId })),
      schedules: data.schedules.map((s, i) => ({ ...s, hsdsId: schedules[i]?.hsdsId ?? hsdsId })),
      contacts: data.contacts.map((c, i) => ({ ...c, hsdsId: contacts[i]?.hsdsId ?? hsdsId })),
    },
  };
}
