/**
 * Names of the codes the API sends (a case's stage, a household flag, a closure reason …). The API
 * sends codes only; the screens name them here. Japanese comes from the code lists of src/domain, the
 * one place the forms' wording is kept; codes.en.ts must name every code of the same lists.
 */

import { relationKinds } from '../../../../src/contract/assessments.ts';
import { participationBases, sharingLegalBases } from '../../../../src/contract/cases.ts';
import { consentMethods } from '../../../../src/contract/consents.ts';
import { grantLegalBasisLabels } from '../../../../src/contract/sensitiveFacts.ts';
import { auditActionNames, auditResourceTypeNames } from '../../../../src/domain/auditActions.ts';
import { caseStageLabels } from '../../../../src/domain/caseStage.ts';
import {
  type Code,
  type CodeOf,
  closureReasons,
  consultationChannels,
  consultationTopics,
  householdFlags,
  issueAreas,
  itemProgress,
  legalBases,
  monitoringDecisions,
  offenceSubtypes,
  progressNoteKinds,
  relations,
  reportResults,
  sensitiveFactKinds,
  sexes,
} from '../../../../src/domain/codeLists.ts';

function names<T extends readonly Code[]>(list: T): Record<CodeOf<T>, string> {
  return Object.fromEntries(list.map((c) => [c.code, c.label])) as Record<CodeOf<T>, string>;
}

type IssueOf = (typeof issueAreas)[number]['issues'][number];
const issues: readonly IssueOf[] = issueAreas.flatMap((area): readonly IssueOf[] => area.issues);

export const codesJa = {
  caseStage: caseStageLabels,
  householdFlag: names(householdFlags),
  closureReason: names(closureReasons),
  issueArea: names(issueAreas),
  issue: names(issues),
  relation: names(relations),
  sex: names(sexes),
  consultationTopic: names(consultationTopics),
  consultationChannel: names(consultationChannels),
  itemProgress: names(itemProgress),
  monitoringDecision: names(monitoringDecisions),
  reportResult: names(reportResults),
  legalBasis: names(legalBases),
  sensitiveFactKind: names(sensitiveFactKinds),
  offenceSubtype: names(offenceSubtypes),
  progressNoteKind: names(progressNoteKinds),
  auditAction: auditActionNames,
  auditResourceType: auditResourceTypeNames,
  relationKind: names(relationKinds),
  participationBasis: names(participationBases),
  sharingLegalBasis: names(sharingLegalBases),
  consentMethod: names(consentMethods),
  grantLegalBasis: grantLegalBasisLabels,
};

export type CodeMessages = typeof codesJa;
