import type { Transaction } from 'kysely';
import type { OrganizationInput } from '../contract/organizations.ts';
import { now } from '../domain/clock.ts';
import type { Executor } from './executor.ts';
import { givenColumns, ifGiven } from './partialUpdate.ts';
import type { DB, OrganizationContact, OrganizationRow } from './schema.ts';

export async function listOrganizations(
  db: Executor,
  tenantId: string,
  options: { includeDisabled: boolean },
): Promise<OrganizationRow[]> {
  let query = db.selectFrom('organizations').selectAll().where('tenant_id', '=', tenantId);
  if (!options.includeDisabled) query = query.where('disabled_at', 'is', null);
  return query.orderBy('kind').orderBy('name').execute();
}

/** The organisations of the tenant in use (not disabled), id and name, by name: to choose one by its name. */
export async function activeOrganizationNames(
  db: Executor,
  tenantId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
}

export async function findOrganization(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<OrganizationRow | undefined> {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function organizationNameTaken(
  db: Executor,
  tenantId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('organizations')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

function cleanContact(contact: OrganizationInput['contact']): OrganizationContact {
  const result: OrganizationContact = {};
  if (contact?.phone) result.phone = contact.phone;
  if (contact?.email) result.email = contact.email;
  if (contact?.address) result.address = contact.address;
  return result;
}

export interface OrganizationValues {
  name: string;
  nameKana?: string | undefined;
  kind: OrganizationRow['kind'];
  isCoordinatingSection?: boolean | undefined;
  isCouncilMember?: boolean | undefined;
  contact?: OrganizationInput['contact'];
}

export async function insertOrganization(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  values: OrganizationValues,
) {
  return tx
    .insertInto('organizations')
    .values({
      id,
      tenant_id: tenantId,
      name: values.name,
      name_kana: values.nameKana || null,
      kind: values.kind,
      is_coordinating_section: values.isCoordinatingSection ?? false,
      is_council_member: values.isCouncilMember ?? false,
      contact: JSON.stringify(cleanContact(values.contact)),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateOrganization(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  values: Partial<OrganizationValues> & { disabledAt?: Date | null },
) {
  return tx
    .updateTable('organizations')
    .set({
      ...givenColumns({
        name: values.name,
        name_kana: ifGiven(values.nameKana, (kana) => kana || null),
        kind: values.kind,
        is_coordinating_section: values.isCoordinatingSection,
        is_council_member: values.isCouncilMember,
        contact: ifGiven(values.contact, (contact) => JSON.stringify(cleanContact(contact))),
        disabled_at: values.disabledAt,
      }),
      updated_at: now(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An organisation's name, or undefined when the municipality has no such organisation. */
export async function organizationName(
  db: Executor,
  tenantId: string,
  organizationId: string,
): Promise<string | undefined> {
  return (await findOrganization(db, tenantId, organizationId))?.name;
}
