import type { CaseStage } from '../domain/caseStage.ts';

/**
 * The minimal header of its case that a record of a case (a plan, a meeting) is read with, so that
 * a route can check the stage and who coordinates without loading the case again. Of `cases as c`.
 */
export const caseHeaderColumns = [
  'c.case_number',
  'c.stage as case_stage',
  'c.coordinating_organization_id',
  'c.primary_person_id',
] as const;

/** The row of {@link caseHeaderColumns}. */
export interface CaseHeader {
  case_number: string;
  case_stage: CaseStage;
  coordinating_organization_id: string;
  primary_person_id: string;
}
