import type { Selectable, Transaction } from 'kysely';
import { now } from '../domain/clock.ts';
import { organizationNames } from './cases.ts';
import type { Executor } from './executor.ts';
import { parseJsonColumn } from './jsonColumn.ts';
import { givenColumns, ifGiven } from './partialUpdate.ts';
import type { DB, ProgrammeIndicator, RecidivismPlanTable } from './schema.ts';

export type RecidivismPlanRow = Selectable<RecidivismPlanTable>;

/** The tenant's current plan: the one whose period starts latest. */
export async function findCurrentPlan(
  db: Executor,
  tenantId: string,
): Promise<RecidivismPlanRow | undefined> {
  return db
    .selectFrom('recidivism_plans')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('period_from_fiscal_year', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export interface ChallengeRecord {
  id: string;
  position: number;
  title: string;
  programmeCount: number;
}

/** The plan's challenges in order, each with the number of programmes filed under it. */
export async function listChallenges(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<ChallengeRecord[]> {
  const rows = await db
    .selectFrom('challenges as c')
    .leftJoin('programme_challenges as pc', 'pc.challenge_id', 'c.id')
    .select(['c.id', 'c.position', 'c.title'])
    .select((eb) => eb.fn.count<string>('pc.programme_id').as('programme_count'))
    .where('c.tenant_id', '=', tenantId)
    .where('c.plan_id', '=', planId)
    .groupBy(['c.id', 'c.position', 'c.title'])
    .orderBy('c.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    title: r.title,
    programmeCount: Number(r.programme_count),
  }));
}

export interface ProgrammeRecord {
  id: string;
  name: string;
  summary: string;
  responsibleSection: { id: string; name: string };
  challenges: { id: string; position: number; title: string; isRepeat: boolean }[];
  relatedOrganizations: { id: string; name: string }[];
  indicators: ProgrammeIndicator[];
  externalKey: string | null;
}

/**
 * Programmes of a plan with their section, challenges (再掲 marked) and related organisations,
 * loaded in bulk (three queries whatever the number). Ordered by their first challenge, then name.
 */
export async function loadProgrammes(
  db: Executor,
  tenantId: string,
  planId: string,
  filter: { challengeId?: string | undefined; ids?: readonly string[] | undefined } = {},
): Promise<ProgrammeRecord[]> {
  let query = db
    .selectFrom('programmes as p')
    .innerJoin('organizations as o', 'o.id', 'p.responsible_section_id')
    .select([
      'p.id',
      'p.name',
      'p.summary',
      'p.responsible_section_id',
      'o.name as section_name',
      'p.related_organization_ids',
      'p.indicators',
      'p.external_key',
    ])
    .where('p.tenant_id', '=', tenantId)
    .where('p.plan_id', '=', planId);
  if (filter.challengeId) {
    const challengeId = filter.challengeId;
    query = query.where('p.id', 'in', (eb) =>
      eb.selectFrom('programme_challenges').select('programme_id').where('challenge_id', '=', challengeId),
    );
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('p.id', 'in', filter.ids);
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('programme_challenges as pc')
    .innerJoin('challenges as c', 'c.id', 'pc.challenge_id')
    .select(['pc.programme_id', 'c.id', 'c.position', 'c.title', 'pc.is_repeat'])
    .where('pc.tenant_id', '=', tenantId)
    .where(
      'pc.programme_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('pc.is_repeat')
    .orderBy('c.position')
    .execute();
  const relatedName = await organizationNames(
    db,
    tenantId,
    rows.flatMap((r) => r.related_organization_ids),
  );
  const records = rows.map(
    (r): ProgrammeRecord => ({
      id: r.id,
      name: r.name,
      summary: r.summary,
      responsibleSection: { id: r.responsible_section_id, name: r.section_name },
      challenges: links
        .filter((l) => l.programme_id === r.id)
        .map((l) => ({ id: l.id, position: l.position, title: l.title, isRepeat: l.is_repeat })),
      relatedOrganizations: r.related_organization_ids.map((id) => ({ id, name: relatedName.get(id) ?? '' })),
      indicators: parseJsonColumn<ProgrammeIndicator[]>(r.indicators),
      externalKey: r.external_key,
    }),
  );
  const firstPosition = (p: ProgrammeRecord) =>
    p.challenges.find((c) => !c.isRepeat)?.position ?? p.challenges[0]?.position ?? 99;
  return records.sort(
    (a, b) =>
      firstPosition(a) - firstPosition(b) ||
      (a.externalKey ?? '').localeCompare(b.externalKey ?? '', 'ja', { numeric: true }) ||
      a.name.localeCompare(b.name, 'ja'),
  );
}

export interface ProgrammeValues {
  name: string;
  summary: string;
  responsibleSectionId: string;
  relatedOrganizationIds: string[];
  indicators: ProgrammeIndicator[];
  externalKey: string | null;
}

export async function insertProgramme(
  tx: Transaction<DB>,
  tenantId: string,
  planId: string,
  id: string,
  values: ProgrammeValues,
): Promise<void> {
  await tx
    .insertInto('programmes')
    .values({
      id,
      tenant_id: tenantId,
      plan_id: planId,
      name: values.name,
      summary: values.summary,
      responsible_section_id: values.responsibleSectionId,
      related_organization_ids: values.relatedOrganizationIds,
      indicators: JSON.stringify(values.indicators),
      external_key: values.externalKey,
    })
    .execute();
}

export async function updateProgramme(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  values: Partial<ProgrammeValues>,
): Promise<void> {
  await tx
    .updateTable('programmes')
    .set({
      ...givenColumns({
        name: values.name,
        summary: values.summary,
        responsible_section_id: values.responsibleSectionId,
        related_organization_ids: values.relatedOrganizationIds,
        indicators: ifGiven(values.indicators, (indicators) => JSON.stringify(indicators)),
        external_key: values.externalKey,
      }),
      updated_at: now(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Replace the programme's challenge links (one programme may sit under several: 再掲). */
export async function setProgrammeChallenges(
  tx: Transaction<DB>,
  tenantId: string,
  programmeId: string,
  links: readonly { challengeId: string; isRepeat: boolean }[],
): Promise<void> {
  await tx.deleteFrom('programme_challenges').where('programme_id', '=', programmeId).execute();
  if (links.length === 0) return;
  await tx
    .insertInto('programme_challenges')
    .values(
      links.map((l) => ({
        tenant_id: tenantId,
        programme_id: programmeId,
        challenge_id: l.challengeId,
        is_repeat: l.isRepeat,
      })),
    )
    .execute();
}
