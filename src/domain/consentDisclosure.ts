/**
 * What of a consent's scope (同意の範囲: organisations × categories) a viewing organisation may
 * see. The 要配慮個人情報 categories (心身の状況・病歴, 犯罪歴等, 犯罪被害) say by their mere presence that
 * such a fact exists, and the organisations named in a consent with 犯罪歴等 (a probation office, a
 * 地域生活定着センター) say the same. So they are shown in full only to the organisation that recorded
 * the consent, to the coordinating section, and — category by category — to an organisation granted
 * a fact of that category; everyone else sees the consent with its other categories and, of the
 * organisations, only itself — with no mark that anything was left out. (Who takes part in a case
 * is shown apart, as its participants; the consent adds nothing to that.)
 * Pure: tested in tests/unit/consentDisclosure.test.ts.
 */

/** The consent categories that are 要配慮個人情報 (src/contract/consents.ts). */
export const sensitiveConsentCategories: ReadonlySet<string> = new Set([
  'health',
  'offence',
  'victimisation',
]);

export interface ConsentScope {
  categories: readonly string[];
  organizationIds: readonly string[];
}

export interface ConsentViewer {
  organizationId: string;
  /** The viewer's organisation is the coordinating section (重層事業担当). */
  isCoordinatingSection: boolean;
}

export interface ConsentContext {
  /** The organisation of the user who recorded the consent. */
  recordedByOrganizationId: string | null;
  /** Sensitive categories the viewer's organisation is granted a fact of, for this consent's person. */
  grantedCategories: ReadonlySet<string>;
}

/** The part of `scope` the viewer may see, in the scope's own order. */
export function disclosedConsentScope(
  scope: ConsentScope,
  viewer: ConsentViewer,
  context: ConsentContext,
): ConsentScope {
  if (viewer.isCoordinatingSection || viewer.organizationId === context.recordedByOrganizationId)
    return { categories: [...scope.categories], organizationIds: [...scope.organizationIds] };
  const hidden = scope.categories.filter(
    (category) => sensitiveConsentCategories.has(category) && !context.grantedCategories.has(category),
  );
  if (hidden.length === 0)
    return { categories: [...scope.categories], organizationIds: [...scope.organizationIds] };
  return {
    categories: scope.categories.filter((category) => !hidden.includes(category)),
    organizationIds: scope.organizationIds.filter((id) => id === viewer.organizationId),
  };
}
