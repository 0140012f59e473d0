import { knownOrganizationIds } from '../db/cases.ts';
import type { Executor } from '../db/executor.ts';
import { refuseFieldErrors, unknownEntries } from './problem.ts';

/** An organisation a request body refers to, and the field that names it. */
export interface OrganizationReference {
  field: string;
  id: string;
}

/** How a refusal of unknown organisations reads: the detail, each field's message and code. */
export interface OrganizationRefusal {
  detail: string;
  message: string;
  code: string;
}

/**
 * 400 `validation.invalid` naming each referenced organisation that is not one of the
 * municipality's (an active one, unless `includeDisabled`).
 */
export async function requireKnownOrganizations(
  db: Executor,
  tenantId: string,
  references: OrganizationReference[],
  refusal: OrganizationRefusal,
  options: { includeDisabled?: boolean } = {},
): Promise<void> {
  const known = await knownOrganizationIds(
    db,
    tenantId,
    references.map((r) => r.id),
    options,
  );
  refuseFieldErrors(
    refusal.detail,
    unknownEntries(references, {
      isKnown: (r) => known.has(r.id),
      field: (r) => r.field,
      code: refusal.code,
      message: refusal.message,
    }),
  );
}
