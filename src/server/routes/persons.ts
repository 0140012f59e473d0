import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { idParamsSchema } from '../../contract/common.ts';
import {
  ageOn,
  duplicateListSchema,
  type Person,
  type PersonSummary,
  personInputSchema,
  personLinkInputSchema,
  personSchema,
  personSearchListSchema,
  personSearchQuerySchema,
} from '../../contract/persons.ts';
import { type AuditContext, recordAudit } from '../../db/auditTrail.ts';
import { organizationName } from '../../db/organizations.ts';
import { visibleCasesOfPerson, visibleConsultationsOfPerson } from '../../db/personRecords.ts';
import {
  duplicateKeyOf,
  findDuplicates,
  findVisiblePerson,
  insertPerson,
  insertPersonLink,
  linkExists,
  linksOf,
  type PersonRow,
  type PersonSummaryRow,
  searchPersons,
  searchPersonsByAnything,
  visibleHouseholdsOf,
} from '../../db/persons.ts';
import type { DB } from '../../db/schema.ts';
import { caseSearchTerms } from '../../domain/caseSearch.ts';
import * as clock from '../../domain/clock.ts';
import type { Actor } from '../actor.ts';
import { personEvent } from '../auditSubjects.ts';
import { operations } from '../operation.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { conflict, invalidFields, orNotFound } from '../problem.ts';

/**
 * One `person.create` audit event for each person registered along with something else (a
 * consultation's household, a case's household), saying with what.
 */
export async function auditPersonsCreated(
  tx: Transaction<DB>,
  context: AuditContext,
  personIds: readonly string[],
  details: Record<string, unknown>,
): Promise<void> {
  for (const personId of personIds) {
    await recordAudit(tx, context, personEvent(personId, 'person.create', details));
  }
}

/** A person as shown inside other resources and on lists, with 満年齢 as of today (Asia/Tokyo). */
export function presentPersonSummary(row: PersonSummaryRow, today = clock.today()): PersonSummary {
  return {
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    birthDate: row.birth_date,
    age: row.birth_date ? ageOn(row.birth_date, today) : null,
    sex: row.sex as PersonSummary['sex'],
  };
}

function parsePhones(phones: PersonRow['phones']): { label: string; number: string }[] {
  return typeof phones === 'string' ? JSON.parse(phones) : phones;
}

async function loadPerson(tx: Transaction<DB>, actor: Actor, row: PersonRow): Promise<Person> {
  const households = await visibleHouseholdsOf(tx, actor, row.id);
  const consultations = await visibleConsultationsOfPerson(tx, actor, row.id);
  const cases = await visibleCasesOfPerson(tx, actor, row.id);
  const links = await linksOf(tx, actor, row.id);
  const today = clock.today();
  const coordinator = actor.permissions.has('person.link');
  return {
    ...presentPersonSummary(row, today),
    postalCode: row.postal_code,
    address: row.address,
    phones: parsePhones(row.phones),
    addresseeNumber: row.addressee_number,
    registeredBy: { id: row.registered_by_organization_id, name: row.registered_by_name },
    households: households.map((household) => ({
      householdId: household.householdId,
      relation: household.relation as Person['households'][number]['relation'],
      livingTogether: household.livingTogether,
      members: household.members.map((member) => ({
        person: presentPersonSummary(member.person, today),
        relation: member.relation as Person['households'][number]['relation'],
        livingTogether: member.livingTogether,
      })),
    })),
    // The other record of a link is named only to whom may see it, or to the coordinator who links.
    links: links.map((link) => ({
      personId: link.other_id,
      linkedAt: link.linked_at.toISOString(),
      person:
        link.visible || coordinator
          ? {
              familyName: link.family_name,
              givenName: link.given_name,
              familyNameKana: link.family_name_kana,
              givenNameKana: link.given_name_kana,
              birthDate: link.birth_date,
              registeredBy: { id: link.registered_by_organization_id, name: link.registered_by_name },
            }
          : null,
    })),
    consultations: consultations.map((c) => ({
      id: c.id,
      receivedOn: c.received_on,
      organization: { id: c.organization_id, name: c.organization_name },
      mainTopic: c.main_topic,
      status: c.status,
      role: c.is_subject ? ('subject' as const) : ('householdMember' as const),
    })),
    cases: cases.map((k) => ({
      id: k.id,
      caseNumber: k.case_number,
      stage: k.stage,
      acceptedOn: k.accepted_on,
      coordinatingOrganization: {
        id: k.coordinating_organization_id,
        name: k.coordinating_organization_name,
      },
      role: k.is_target ? ('target' as const) : ('householdMember' as const),
    })),
    abilities: { findDuplicates: coordinator, link: coordinator },
  };
}

export function personRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['persons'] });

  op.post(
    '/api/persons',
    {
      operationId: 'persons.create',
      access: { permission: 'person.create' },
      audit: ['person.create'],
      summary: 'Register a person (氏名・フリガナ・生年月日…; never a マイナンバー)',
      description:
        'フリガナ may be typed in ひらがな or カタカナ (half-width too); it is stored in katakana. A person is ' +
        'visible through the consultations and cases they belong to: register people at intake with ' +
        'consultations.create, which puts them in the consultation’s household.',
      body: personInputSchema,
      response: { 201: personSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const input = request.body;
      const id = await insertPerson(tx, actor.tenantId, actor.organizationId, input);
      await audit(personEvent(id, 'person.create'));
      const registeredBy = await organizationName(tx, actor.tenantId, actor.organizationId);
      // the signed-in user's own organisation: the session lookup has just found it
      if (registeredBy === undefined) throw new Error('the signed-in organisation is missing');
      const person = { id, organizationName: registeredBy };
      const coordinator = actor.permissions.has('person.link');
      const created: Person = {
        ...presentPersonSummary({
          id: person.id,
          family_name: input.familyName,
          given_name: input.givenName,
          family_name_kana: input.familyNameKana,
          given_name_kana: input.givenNameKana,
          birth_date: input.birthDate,
          sex: input.sex,
        }),
        postalCode: input.postalCode ?? null,
        address: input.address || null,
        phones: input.phones,
        addresseeNumber: input.addresseeNumber ?? null,
        registeredBy: { id: actor.organizationId, name: person.organizationName },
        households: [],
        consultations: [],
        cases: [],
        links: [],
        abilities: { findDuplicates: coordinator, link: coordinator },
      };
      return created;
    },
  );

  op.get(
    '/api/persons',
    {
      operationId: 'persons.search',
      access: { permission: 'person.read' },
      audit: ['person.search'],
      summary: 'Search persons I may see by フリガナ (ひらがな/カタカナ, 全角/半角 alike)',
      description:
        'Prefix match on the reading; from 3 characters also a match anywhere in it (prefix matches ' +
        'first). Optionally narrowed by birth date. Only persons of consultations and cases my ' +
        'organisation may see.',
      querystring: personSearchQuerySchema,
      response: { 200: personSearchListSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { kana, q, birthDate, limit, cursor } = request.query;
      const after = decodeCursor(cursor, ['rank', 'text', 'uuid']);
      const found =
        q !== undefined
          ? await searchPersonsByAnything(tx, actor, {
              terms: caseSearchTerms(q),
              birthDate,
              limit,
              after: after ? [after[1], after[2]] : undefined,
            })
          : await searchPersons(tx, actor, { kana: kana ?? '', birthDate, limit, after });
      await audit({
        action: 'person.search',
        resourceType: 'person',
        details: {
          query: { kana: kana ?? null, q: q ?? null, birthDate: birthDate ?? null, cursor: cursor ?? null },
          ids: found.slice(0, limit).map((row) => row.id),
        },
      });
      const rows = found;
      const { page, nextCursor } = pageOf(rows, limit, (last) => [Number(last.rank), last.kana_key, last.id]);
      const today = clock.today();
      const coordinator = actor.permissions.has('person.link');
      return {
        items: page.map((row) => ({
          ...presentPersonSummary(row, today),
          abilities: { findDuplicates: coordinator },
        })),
        nextCursor,
      };
    },
  );

  op.get(
    '/api/persons/:id',
    {
      operationId: 'persons.get',
      access: { permission: 'person.read' },
      audit: ['person.read'],
      summary: 'One person I may see, with 満年齢, the households I may see and linked records',
      params: idParamsSchema,
      response: { 200: personSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const row = orNotFound(await findVisiblePerson(tx, actor, request.params.id));
      const person = await loadPerson(tx, actor, row);
      await audit(
        personEvent(row.id, 'person.read', {
          households: person.households.map((h) => h.householdId),
          consultationIds: person.consultations.map((c) => c.id),
          caseIds: person.cases.map((c) => c.id),
        }),
      );
      return person;
    },
  );

  op.get(
    '/api/persons/:id/duplicates',
    {
      operationId: 'persons.duplicates',
      access: { permission: 'person.link' },
      audit: ['person.duplicates'],
      summary: 'Other records of the municipality with the same フリガナ and birth date (coordinator)',
      description:
        'The one place a coordinator sees persons outside its cases: name, reading, birth date and ' +
        'the registering organisation only.',
      params: idParamsSchema,
      response: { 200: duplicateListSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const person = orNotFound(await findVisiblePerson(tx, actor, request.params.id));
      const key = await duplicateKeyOf(tx, actor.tenantId, person.id);
      const rows =
        key?.birth_date != null
          ? await findDuplicates(tx, actor.tenantId, {
              id: person.id,
              kanaKey: key.kana_key,
              birthDate: key.birth_date,
            })
          : [];
      await audit(personEvent(person.id, 'person.duplicates', { ids: rows.map((row) => row.id) }));
      return {
        items: rows.map((row) => ({
          id: row.id,
          familyName: row.family_name,
          givenName: row.given_name,
          familyNameKana: row.family_name_kana,
          givenNameKana: row.given_name_kana,
          birthDate: row.birth_date,
          registeredBy: { id: row.registered_by_organization_id, name: row.registered_by_name },
          linked: row.linked,
          abilities: { link: !row.linked },
        })),
      };
    },
  );

  op.post(
    '/api/persons/:id/link',
    {
      operationId: 'persons.link',
      access: { permission: 'person.link' },
      audit: ['person.link'],
      summary: 'Record that two person records are the same human (nothing is merged or deleted)',
      params: idParamsSchema,
      body: personLinkInputSchema,
      response: { 200: personSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const { duplicateOfId } = request.body;
      const person = orNotFound(await findVisiblePerson(tx, actor, request.params.id));
      const refuse = (message: string) =>
        invalidFields([{ field: 'duplicateOfId', code: 'invalidDuplicate', message }]);
      if (duplicateOfId === person.id) throw refuse('同じ記録どうしは関連付けできません');
      // The other record must be one the coordinator may see, or one persons.duplicates showed.
      const key = await duplicateKeyOf(tx, actor.tenantId, person.id);
      const other = await duplicateKeyOf(tx, actor.tenantId, duplicateOfId);
      const sameHuman =
        other !== undefined &&
        key !== undefined &&
        other.birth_date !== null &&
        other.kana_key === key.kana_key &&
        other.birth_date === key.birth_date;
      const visible = other !== undefined && (await findVisiblePerson(tx, actor, other.id)) !== undefined;
      if (!other || !(sameHuman || visible)) {
        throw refuse('同一人物の候補として表示された記録を選んでください');
      }
      if (await linkExists(tx, actor.tenantId, person.id, other.id)) {
        throw conflict('conflict.state', 'この2つの記録はすでに同一人物として関連付けられています。');
      }
      const linkId = await insertPersonLink(tx, {
        tenantId: actor.tenantId,
        personId: person.id,
        duplicateOfId: other.id,
        linkedBy: actor.userId,
      });
      const linked = await loadPerson(tx, actor, person);
      await audit(personEvent(person.id, 'person.link', { linkId, duplicateOfId: other.id }));
      return linked;
    },
  );
}
