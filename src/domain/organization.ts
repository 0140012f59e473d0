/** Kinds of organisation taking part in Kasane (docs/domain.md "Who uses it"). */
export const organizationKinds = [
  'citySection', // 庁内の課
  'consultationAgency', // 相談支援機関
  'relatedAgency', // 関係機関
  'privateOrganization', // 民間団体
  'cooperatingEmployer', // 協力雇用主
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];
