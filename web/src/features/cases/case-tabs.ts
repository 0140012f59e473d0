/** The tabs of a case's page, in order; the router validates `?tab=` against them without loading the page. */
export const caseTabs = [
  'overview',
  'assessment',
  'consents',
  'sensitive',
  'meetings',
  'plans',
  'reports',
  'monitoring',
  'participation',
  'outreach',
  'timeline',
] as const;
export type CaseTab = (typeof caseTabs)[number];
