import { describe, expect, it } from 'vitest';
import type { CaseStage } from '../../../src/domain/caseStage.ts';
import {
  mayDraftPlan,
  mayEditPlan,
  mayReportOnPlanItems,
  planAbilities,
} from '../../../src/domain/policy/plans.ts';
import { actorOf, ELSEWHERE, HOME } from './support.ts';

const coordinator = actorOf(['coordinator'], HOME);
const others = [
  actorOf(['coordinator'], ELSEWHERE),
  actorOf(['caseworker'], HOME),
  actorOf(['planOfficer'], HOME),
];
const plan = (status: string, case_stage: CaseStage) => ({
  status,
  case_stage,
  coordinating_organization_id: HOME,
});

describe('plan abilities: a draft of an open case, by its coordinator; approval where the stage admits it', () => {
  it.each<[string, CaseStage, { update: boolean; approve: boolean }]>([
    ['draft', 'assessing', { update: true, approve: true }],
    ['draft', 'watching', { update: true, approve: true }],
    ['draft', 'revising', { update: true, approve: true }],
    ['draft', 'accepted', { update: true, approve: true }],
    ['draft', 'supporting', { update: true, approve: false }],
    ['draft', 'closed', { update: false, approve: false }],
    ['draft', 'suspended', { update: false, approve: false }],
    ['approved', 'supporting', { update: false, approve: false }],
    ['superseded', 'revising', { update: false, approve: false }],
  ])('%s plan of a %s case → %j', (status, stage, expected) => {
    expect(planAbilities(coordinator, plan(status, stage))).toEqual(expected);
    expect(mayEditPlan(coordinator, plan(status, stage))).toBe(expected.update);
    for (const other of others)
      expect(planAbilities(other, plan(status, stage))).toEqual({ update: false, approve: false });
  });

  it('only the case’s coordinator drafts a plan', () => {
    expect(mayDraftPlan(coordinator, { coordinating_organization_id: HOME })).toBe(true);
    for (const other of others)
      expect(mayDraftPlan(other, { coordinating_organization_id: HOME })).toBe(false);
  });

  it.each([
    [['caseworker'], true],
    [['coordinator'], true],
    [['planOfficer'], false],
    [['councilMember'], false],
    [['admin'], false],
  ] as const)('support reports on plan items: %j → %s', (roles, expected) => {
    expect(mayReportOnPlanItems(actorOf([...roles], ELSEWHERE))).toBe(expected);
  });
});
