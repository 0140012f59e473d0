import { randomUUID } from 'node:crypto';
import { type Selectable, sql, type Transaction } from 'kysely';
import type { ResourceInput } from '../contract/resources.ts';
import type { DirectoryResource } from '../domain/resources/hsds.ts';
import type { Executor } from './executor.ts';
import type {
  ResourceOrganizationTable,
  ResourceTable,
  StoredResourceContact,
  StoredResourceLocation,
  StoredResourceSchedule,
} from './resourceSchema.ts';
import type { DB } from './schema.ts';

export type ResourceRow = Selectable<ResourceTable>;
export type ResourceOrganizationRow = Selectable<ResourceOrganizationTable>;
export interface ResourceRecord {
  resource: ResourceRow;
  organization: ResourceOrganizationRow;
}

/** A resource's nested parts with their HSDS ids (kept from before, or taken from an import). */
export interface ResourceValues
  extends Omit<ResourceInput, 'locations' | 'schedules' | 'contacts' | 'organization'> {
  hsdsId?: string;
  lastModified?: Date;
  organization: ResourceInput['organization'] & { hsdsId?: string };
  locations: StoredResourceLocation[];
  schedules: StoredResourceSchedule[];
  contacts: StoredResourceContact[];
}

/** Give new nested parts an HSDS id, keeping the id of the part at the same place before. */
export function withHsdsIds<T extends object>(
  items: readonly T[],
  previous: readonly { hsdsId: string }[] = [],
): (T & { hsdsId: string })[] {
  return items.map((item, index) => ({
    ...item,
    hsdsId:
      'hsdsId' in item && typeof item.hsdsId === 'string'
        ? item.hsdsId
        : (previous[index]?.hsdsId ?? randomUUID()),
  }));
}

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];

/**
 * The provider of a resource: the directory organisation with that HSDS id (import) or that name
 * (entry by hand), updated with what was given; created when there is none.
 */
async function upsertOrganization(
  tx: Transaction<DB>,
  tenantId: string,
  org: ResourceValues['organization'],
): Promise<string> {
  let query = tx.selectFrom('resource_organizations').select('id').where('tenant_id', '=', tenantId);
  query = org.hsdsId ? query.where('hsds_id', '=', org.hsdsId) : query.where('name', '=', org.name);
  const existing = await query.orderBy('created_at').executeTakeFirst();
  const values = {
    name: org.name,
    description: org.description ?? '',
    website: org.website ?? null,
    email: org.email ?? null,
    phone: org.phone ?? null,
  };
  if (existing) {
    await tx
      .updateTable('resource_organizations')
      .set({ ...values, updated_at: sql`now()` as unknown as Date })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const id = randomUUID();
  await tx
    .insertInto('resource_organizations')
    .values({ id, tenant_id: tenantId, hsds_id: org.hsdsId ?? id, ...values })
    .execute();
  return id;
}

function rowValues(values: ResourceValues) {
  return {
    name: values.name,
    alternate_name: values.alternateName,
    description: values.description ?? '',
    status: values.status,
    kinds: values.kinds,
    needs: values.needs,
    eligibility_description: values.eligibilityDescription,
    minimum_age: values.minimumAge,
    maximum_age: values.maximumAge,
    fees_description: values.feesDescription,
    application_process: values.applicationProcess,
    url: values.url,
    email: values.email,
    phone: values.phone,
    assured_on: values.assuredOn,
    locations: JSON.stringify(values.locations),
    schedules: JSON.stringify(values.schedules),
    contacts: JSON.stringify(values.contacts),
    school_districts: distinct(values.locations.map((l) => l.schoolDistrict)),
    districts: distinct(values.locations.map((l) => l.district)),
  };
}

export async function insertResource(
  tx: Transaction<DB>,
  tenantId: string,
  userId: string | null,
  values: ResourceValues,
): Promise<string> {
  const id = randomUUID();
  const organizationId = await upsertOrganization(tx, tenantId, values.organization);
  await tx
    .insertInto('resources')
    .values({
      id,
      tenant_id: tenantId,
      hsds_id: values.hsdsId ?? id,
      resource_organization_id: organizationId,
      updated_by: userId,
      ...(values.lastModified ? { last_modified: values.lastModified } : {}),
      ...rowValues(values),
    })
    .execute();
  return id;
}

export async function updateResource(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  userId: string | null,
  values: ResourceValues,
): Promise<void> {
  const organizationId = await upsertOrganization(tx, tenantId, values.organization);
  await tx
    .updateTable('resources')
    .set({
      resource_organization_id: organizationId,
      updated_by: userId,
      last_modified: values.lastModified ?? (sql`now()` as unknown as Date),
      ...rowValues(values),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function findResource(
  db: Executor,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ResourceRecord | undefined> {
  let query = db.selectFrom('resources').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const resource = await query.executeTakeFirst();
  if (!resource) return undefined;
  const organization = await db
    .selectFrom('resource_organizations')
    .selectAll()
    .where('id', '=', resource.resource_organization_id)
    .executeTakeFirstOrThrow();
  return { resource, organization };
}

export async function findResourceByHsdsId(
  db: Executor,
  tenantId: string,
  hsdsId: string,
): Promise<ResourceRow | undefined> {
  return db
    .selectFrom('resources')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('hsds_id', '=', hsdsId)
    .forUpdate()
    .executeTakeFirst();
}

export interface ResourceFilter {
  q?: string | undefined;
  needs?: string[] | undefined;
  kinds?: string[] | undefined;
  schoolDistrict?: string | undefined;
  district?: string | undefined;
  includeInactive?: boolean;
  organizationHsdsId?: string | undefined;
  modifiedAfter?: Date | undefined;
}

/** The 地区 of a 校区, as the directory's locations record it. */
export async function districtsOfSchoolDistrict(
  db: Executor,
  tenantId: string,
  schoolDistrict: string,
): Promise<string[]> {
  const rows = await sql<{ district: string }>`
    SELECT DISTINCT l->>'district' AS district
    FROM resources r CROSS JOIN LATERAL jsonb_array_elements(r.locations) l
    WHERE r.tenant_id = ${tenantId} AND l->>'schoolDistrict' = ${schoolDistrict} AND l->>'district' IS NOT NULL`.execute(
    db,
  );
  return rows.rows.map((r) => r.district);
}

/** Escape LIKE wildcards in user text. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Resources of the tenant matching the filter. A 校区 asked for keeps the resources of that 校区 and
 * of its 地区 (nearest first); kinds and needs match any of those given.
 */
export async function listResources(
  db: Executor,
  tenantId: string,
  filter: ResourceFilter,
  nearDistricts: string[] = [],
): Promise<ResourceRecord[]> {
  let query = db
    .selectFrom('resources as r')
    .innerJoin('resource_organizations as o', 'o.id', 'r.resource_organization_id')
    .selectAll('r')
    .select([
      'o.id as o_id',
      'o.hsds_id as o_hsds_id',
      'o.name as o_name',
      'o.alternate_name as o_alternate_name',
      'o.description as o_description',
      'o.email as o_email',
      'o.website as o_website',
      'o.phone as o_phone',
      'o.created_at as o_created_at',
      'o.updated_at as o_updated_at',
    ])
    .where('r.tenant_id', '=', tenantId);
  if (!filter.includeInactive) query = query.where('r.status', 'in', ['active', 'temporarily closed']);
  if (filter.kinds?.length) query = query.where(sql<boolean>`r.kinds && ${sql.val(filter.kinds)}::text[]`);
  if (filter.needs?.length) query = query.where(sql<boolean>`r.needs && ${sql.val(filter.needs)}::text[]`);
  if (filter.district) query = query.where(sql<boolean>`${filter.district} = ANY(r.districts)`);
  if (filter.organizationHsdsId) query = query.where('o.hsds_id', '=', filter.organizationHsdsId);
  if (filter.modifiedAfter) query = query.where('r.last_modified', '>=', filter.modifiedAfter);
  if (filter.schoolDistrict) {
    const school = filter.schoolDistrict;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`${school} = ANY(r.school_districts)`,
        ...(nearDistricts.length ? [sql<boolean>`r.districts && ${sql.val(nearDistricts)}::text[]`] : []),
      ]),
    );
  }
  if (filter.q) {
    for (const word of filter.q
      .split(/[\s　]+/)
      .filter(Boolean)
      .slice(0, 5)) {
      const pattern = likeText(word);
      query = query.where((eb) =>
        eb.or([
          eb('r.name', 'like', pattern),
          eb('r.description', 'like', pattern),
          eb('o.name', 'like', pattern),
          eb('r.eligibility_description', 'like', pattern),
          eb('r.alternate_name', 'like', pattern),
        ]),
      );
    }
  }
  if (filter.schoolDistrict) {
    query = query.orderBy(sql`(${filter.schoolDistrict} = ANY(r.school_districts))`, 'desc');
  }
  const rows = await query.orderBy('r.name').orderBy('r.id').execute();
  return rows.map((row) => {
    const {
      o_id,
      o_hsds_id,
      o_name,
      o_alternate_name,
      o_description,
      o_email,
      o_website,
      o_phone,
      o_created_at,
      o_updated_at,
      ...resource
    } = row;
    return {
      resource,
      organization: {
        id: o_id,
        tenant_id: tenantId,
        hsds_id: o_hsds_id,
        name: o_name,
        alternate_name: o_alternate_name,
        description: o_description,
        email: o_email,
        website: o_website,
        phone: o_phone,
        created_at: o_created_at,
        updated_at: o_updated_at,
      },
    };
  });
}

/** The directory's areas: each 地区 with the 校区 its locations name. */
export async function listAreas(
  db: Executor,
  tenantId: string,
): Promise<{ name: string; schoolDistricts: string[] }[]> {
  const rows = await sql<{ district: string | null; school: string | null }>`
    SELECT DISTINCT l->>'district' AS district, l->>'schoolDistrict' AS school
    FROM resources r CROSS JOIN LATERAL jsonb_array_elements(r.locations) l
    WHERE r.tenant_id = ${tenantId}`.execute(db);
  const byDistrict = new Map<string, Set<string>>();
  for (const row of rows.rows) {
    const name = row.district ?? '';
    const set = byDistrict.get(name) ?? new Set<string>();
    if (row.school) set.add(row.school);
    byDistrict.set(name, set);
  }
  return [...byDistrict.entries()]
    .filter(([, schools]) => schools.size > 0)
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'ja')))
    .map(([name, schools]) => ({
      name,
      schoolDistricts: [...schools].sort((a, b) => a.localeCompare(b, 'ja')),
    }));
}

/** The directory organisations of the tenant, by name. */
export async function listResourceOrganizations(
  db: Executor,
  tenantId: string,
): Promise<ResourceOrganizationRow[]> {
  return db
    .selectFrom('resource_organizations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/**
 * Who a resource serves and how to reach it (eligibility, ages, fees, how to apply, its own
 * contact channels) and when it was last assured and changed: named as the directory and the API
 * both name them.
 */
export function serviceTermsOf(r: ResourceRow) {
  return {
    eligibilityDescription: r.eligibility_description,
    minimumAge: r.minimum_age,
    maximumAge: r.maximum_age,
    feesDescription: r.fees_description,
    applicationProcess: r.application_process,
    url: r.url,
    email: r.email,
    phone: r.phone,
    assuredOn: r.assured_on,
    lastModified: r.last_modified.toISOString(),
  };
}

/** A stored directory organisation as the HSDS mapping reads it. */
export function directoryOrganizationOf(o: ResourceOrganizationRow): DirectoryResource['organization'] {
  return {
    hsdsId: o.hsds_id,
    name: o.name,
    description: o.description,
    email: o.email,
    website: o.website,
    phone: o.phone,
  };
}

/** A stored resource as the HSDS mapping reads it (src/domain/resources/hsds.ts). */
export function directoryResourceOf({ resource: r, organization: o }: ResourceRecord): DirectoryResource {
  return {
    hsdsId: r.hsds_id,
    name: r.name,
    alternateName: r.alternate_name,
    description: r.description,
    status: r.status as DirectoryResource['status'],
    kinds: r.kinds,
    needs: r.needs,
    organization: directoryOrganizationOf(o),
    ...serviceTermsOf(r),
    locations: r.locations,
    schedules: r.schedules,
    contacts: r.contacts,
  };
}

/** The directory resource of an HSDS id, or undefined. */
export async function findResourceRecordByHsdsId(
  db: Executor,
  tenantId: string,
  hsdsId: string,
): Promise<ResourceRecord | undefined> {
  const row = await db
    .selectFrom('resources')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('hsds_id', '=', hsdsId)
    .executeTakeFirst();
  return row ? findResource(db, tenantId, row.id) : undefined;
}
