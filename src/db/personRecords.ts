import { sql } from 'kysely';
import { caseVisible, consultationVisible, type Viewer } from './access.ts';
import { consultationsWithOrganization } from './consultations.ts';
import type { Executor } from './executor.ts';

/** The households the person is a member of, as a subquery. */
function householdsOf(db: Executor, personId: string) {
  return db.selectFrom('household_members').select('household_id').where('person_id', '=', personId);
}

/**
 * The consultations and cases a person appears in — as the one consulted about / supported, or as
 * a member of the household — that the viewer may see (the same predicates as every list), newest
 * first. For the person page, which leads to them.
 */
export async function visibleConsultationsOfPerson(db: Executor, viewer: Viewer, personId: string) {
  return consultationsWithOrganization(db)
    .select(['c.main_topic', 'c.status', sql<boolean>`c.person_id = ${personId}`.as('is_subject')])
    .where('c.tenant_id', '=', viewer.tenantId)
    .where((eb) =>
      eb.or([eb('c.person_id', '=', personId), eb('c.household_id', 'in', householdsOf(db, personId))]),
    )
    .where(consultationVisible(viewer, 'c.id', 'c.organization_id'))
    .orderBy('c.received_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(100)
    .execute();
}

export async function visibleCasesOfPerson(db: Executor, viewer: Viewer, personId: string) {
  return db
    .selectFrom('cases as k')
    .innerJoin('organizations as o', 'o.id', 'k.coordinating_organization_id')
    .select([
      'k.id',
      'k.case_number',
      'k.stage',
      'k.accepted_on',
      'o.id as coordinating_organization_id',
      'o.name as coordinating_organization_name',
      sql<boolean>`EXISTS (SELECT 1 FROM case_persons cp WHERE cp.case_id = k.id AND cp.person_id = ${personId} AND cp.is_target)`.as(
        'is_target',
      ),
    ])
    .where('k.tenant_id', '=', viewer.tenantId)
    .where((eb) =>
      eb.or([
        eb('k.id', 'in', eb.selectFrom('case_persons').select('case_id').where('person_id', '=', personId)),
        eb('k.household_id', 'in', householdsOf(db, personId)),
      ]),
    )
    .where(caseVisible(viewer, 'k.id'))
    .orderBy('k.accepted_on', 'desc')
    .orderBy('k.id', 'desc')
    .limit(100)
    .execute();
}
