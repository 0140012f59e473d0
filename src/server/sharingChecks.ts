import { type CaseRow, personBelongsToCase } from '../db/cases.ts';
import type { Executor } from '../db/executor.ts';
import { type OrganizationReference, requireKnownOrganizations } from './organizationReferences.ts';
import { invalidField } from './problem.ts';

/**
 * The checks of what a record of sharing names (a consent to share, a grant of a sensitive fact):
 * the person it is about and the organisations it is shared with.
 */

/** 400 unless the person is one of the case's household. */
export async function requirePersonInCase(db: Executor, kase: CaseRow, personId: string): Promise<void> {
  if (!(await personBelongsToCase(db, kase, personId))) {
    throw invalidField(
      'personId',
      'notInCase',
      'この事例の世帯員から選んでください',
      'この人はこの事例の世帯員ではありません。',
    );
  }
}

/** 400 naming each organisation to share with that is not an active one of the municipality. */
export function requireSharingOrganizations(
  db: Executor,
  tenantId: string,
  organizations: OrganizationReference[],
): Promise<void> {
  return requireKnownOrganizations(db, tenantId, organizations, {
    detail: '共有先の機関が見つからないか、無効になっています。',
    message: '共有先の機関が見つからないか、無効になっています',
    code: 'unknownOrganization',
  });
}
