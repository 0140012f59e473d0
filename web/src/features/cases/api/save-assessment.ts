import {
  type Assessment,
  type AssessmentInput,
  assessmentSchema,
} from '../../../../../src/contract/assessments.ts';
import { caseChangeRequest, useCaseMutation } from './case-mutation.ts';

/** `PUT /api/cases/:id/assessment` (assessments.save): a new version of the 課題整理. */
export const saveAssessment = caseChangeRequest<AssessmentInput, Assessment>(
  'PUT',
  'assessment',
  assessmentSchema,
);

export function useSaveAssessment() {
  return useCaseMutation(saveAssessment);
}
