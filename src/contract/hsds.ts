import { z } from 'zod';
import { flagQuery, text } from './common.ts';

/** An HSDS 3.0 object as JSON (validated against Open Referral's schemas in tests, not re-described here). */
const hsdsObject = z.record(z.string(), z.unknown());

/** The page envelope of the HSDS API (`components.schemas.Page` of its OpenAPI) around `contents`. */
export const hsdsPageSchema = z
  .object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(hsdsObject),
  })
  .meta({ id: 'HsdsPage' });

export const hsdsServiceSchema = hsdsObject.meta({ id: 'HsdsService' });

export const hsdsMetaSchema = z
  .object({
    version: z.string(),
    profile: z.string(),
    openapi_url: z.string(),
    publisher: z.string(),
  })
  .meta({ id: 'HsdsMeta' });

/** Who is asking, when no one is signed in: the municipality's code (only where the city publishes). */
const tenantQuery = {
  tenant: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, { message: '自治体コードが正しくありません' })
    .optional(),
};

/** HSDS's own paging of a list (page numbers, not our cursors), with its free-text search. */
const pageQuery = {
  search: text(100).optional(),
  page: z.coerce.number({ message: 'ページは数字で指定してください' }).int().min(1).max(100_000).default(1),
  per_page: z.coerce.number({ message: '件数は数字で指定してください' }).int().min(1).max(500).default(50),
};

export const hsdsServiceListQuerySchema = z.object({
  ...tenantQuery,
  ...pageQuery,
  organization_id: z.uuid({ message: '組織IDが正しくありません' }).optional(),
  taxonomy_term_id: z.uuid({ message: '分類IDが正しくありません' }).optional(),
  modified_after: z.iso.datetime({ offset: true, message: '日時は ISO 8601 で指定してください' }).optional(),
  full: flagQuery,
});

export const hsdsOrganizationListQuerySchema = z.object({
  ...tenantQuery,
  ...pageQuery,
});

export const hsdsTenantQuerySchema = z.object(tenantQuery);

/** An HSDS 3.0 file to import: a list of services, a page of them, or one service (JSON, UTF-8). */
export const resourceImportBodySchema = z.object({
  fileName: text(200).optional(),
  contentBase64: z
    .string()
    .max(2_700_000, { message: 'ファイルが大きすぎます（2MBまで）' })
    .regex(/^[A-Za-z0-9+/=\s]*$/, { message: 'ファイルの内容が正しくありません（Base64）' }),
});
export const resourceImportQuerySchema = z.object({ dryRun: flagQuery });

export const resourceImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    services: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    /** each service of the file: its name, provider, and whether it is new or updates a resource */
    items: z.array(
      z.object({
        hsdsId: z.string(),
        name: z.string(),
        organizationName: z.string(),
        action: z.enum(['create', 'update']),
      }),
    ),
  })
  .meta({ id: 'ResourceImportResult' });
