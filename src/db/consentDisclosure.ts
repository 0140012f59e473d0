import {
  type ConsentContext,
  type ConsentScope,
  type ConsentViewer,
  disclosedConsentScope,
} from '../domain/consentDisclosure.ts';
import type { Viewer } from './access.ts';
import { consentCategoryOfKind } from './consents.ts';
import type { Executor } from './executor.ts';

/** A consent as far as its disclosure is concerned. */
export interface ConsentForDisclosure {
  id: string;
  person_id: string;
  case_id: string | null;
  recorded_by: string;
  categories: readonly string[];
  organization_ids: readonly string[];
}

/**
 * Load what the disclosure rule (src/domain/consentDisclosure.ts) needs for these consents and this
 * viewer, in three queries whatever their number, and return a function giving each consent's
 * disclosed scope.
 */
export async function consentScopeDiscloser(
  db: Executor,
  viewer: Viewer,
  consents: readonly ConsentForDisclosure[],
): Promise<(consent: ConsentForDisclosure) => ConsentScope> {
  if (consents.length === 0)
    return (consent) => ({ categories: consent.categories, organizationIds: consent.organization_ids });
  const organization = await db
    .selectFrom('organizations')
    .select('is_coordinating_section')
    .where('tenant_id', '=', viewer.tenantId)
    .where('id', '=', viewer.organizationId)
    .executeTakeFirst();
  const who: ConsentViewer = {
    organizationId: viewer.organizationId,
    isCoordinatingSection: organization?.is_coordinating_section ?? false,
  };
  const recorders = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'organization_id'])
        .where('tenant_id', '=', viewer.tenantId)
        .where('id', 'in', [...new Set(consents.map((c) => c.recorded_by))])
        .execute()
    ).map((u) => [u.id, u.organization_id]),
  );
  const personIds = [...new Set(consents.map((c) => c.person_id))];
  const granted = new Map<string, Set<string>>();
  for (const row of await db
    .selectFrom('sensitive_fact_grants as g')
    .innerJoin('sensitive_facts as sf', 'sf.id', 'g.fact_id')
    .select(['sf.person_id', 'sf.kind'])
    .distinct()
    .where('g.tenant_id', '=', viewer.tenantId)
    .where('sf.tenant_id', '=', viewer.tenantId)
    .where('g.organization_id', '=', viewer.organizationId)
    .where('g.revoked_at', 'is', null)
    .where('sf.person_id', 'in', personIds)
    .execute()) {
    const set = granted.get(row.person_id) ?? new Set<string>();
    set.add(consentCategoryOfKind(row.kind));
    granted.set(row.person_id, set);
  }
  return (consent) => {
    const context: ConsentContext = {
      recordedByOrganizationId: recorders.get(consent.recorded_by) ?? null,
      grantedCategories: granted.get(consent.person_id) ?? new Set(),
    };
    return disclosedConsentScope(
      { categories: consent.categories, organizationIds: consent.organization_ids },
      who,
      context,
    );
  };
}
