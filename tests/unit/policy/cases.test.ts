import { describe, expect, it } from 'vitest';
import { type CaseStage, caseStages } from '../../../src/domain/caseStage.ts';
import {
  caseAbilities,
  coordinatesCase,
  mayAssess,
  mayEditHousehold,
  mayReportOnCase,
} from '../../../src/domain/policy/cases.ts';
import { actorOf, ELSEWHERE, HOME } from './support.ts';

const coordinator = actorOf(['coordinator'], HOME);
const coordinatorElsewhere = actorOf(['coordinator'], ELSEWHERE);
const caseworkerHome = actorOf(['caseworker'], HOME);
const partner = actorOf(['caseworker'], ELSEWHERE);
const planOfficer = actorOf(['planOfficer'], HOME);
const kase = (stage: CaseStage) => ({ stage, coordinating_organization_id: HOME });

describe('coordinatesCase: case.coordinate held in the case’s coordinating section', () => {
  it.each([
    ['a coordinator of the coordinating section', coordinator, true],
    ['a coordinator of another section', coordinatorElsewhere, false],
    ['a caseworker of the coordinating section', caseworkerHome, false],
    ['a partner caseworker', partner, false],
    ['a plan officer', planOfficer, false],
  ])('%s → %s', (_name, actor, expected) => {
    expect(coordinatesCase(actor, kase('supporting'))).toBe(expected);
  });
});

describe('mayAssess: the coordinator, in a stage that admits a new 課題整理', () => {
  it.each<[CaseStage, boolean]>([
    ['accepted', true],
    ['assessing', true],
    ['watching', true],
    ['supporting', true],
    ['revising', true],
    ['closed', false],
    ['suspended', false],
  ])('%s → %s', (stage, expected) => {
    expect(mayAssess(coordinator, kase(stage))).toBe(expected);
    expect(mayAssess(partner, kase(stage))).toBe(false);
  });
});

describe('mayEditHousehold: the coordinator, until the case is closed', () => {
  it.each(caseStages.map((stage) => [stage, stage !== 'closed'] as const))('%s → %s', (stage, expected) => {
    expect(mayEditHousehold(coordinator, kase(stage))).toBe(expected);
    expect(mayEditHousehold(coordinatorElsewhere, kase(stage))).toBe(false);
  });
});

describe('mayReportOnCase: supportReport.create, a plan item of one’s organisation, the case open', () => {
  it.each([
    ['partner with a plan item, open case', partner, 'supporting', ['planItem'], true],
    ['partner with a plan item, closed case', partner, 'closed', ['planItem'], false],
    ['partner with a plan item, suspended case', partner, 'suspended', ['planItem'], false],
    ['partner by referral only', partner, 'supporting', ['referral'], false],
    ['plan officer with a plan item (no permission)', planOfficer, 'supporting', ['planItem'], false],
  ] as const)('%s → %s', (_name, actor, stage, bases, expected) => {
    expect(mayReportOnCase(actor, { stage }, bases)).toBe(expected);
  });
});

describe('caseAbilities: coordinator actions only for the coordinator, stage changes as the state machine allows', () => {
  it('a non-coordinator may do nothing but report', () => {
    const abilities = caseAbilities(partner, kase('supporting'), {
      hasAssessment: true,
      myBases: ['planItem'],
    });
    expect(abilities).toEqual({
      assess: false,
      recordConsent: false,
      scheduleMeeting: false,
      createPlan: false,
      monitor: false,
      close: false,
      suspend: false,
      reopen: false,
      report: true,
      assign: false,
    });
  });
  it.each<[CaseStage, boolean, Record<string, boolean>]>([
    [
      'accepted',
      false,
      {
        assess: true,
        createPlan: false,
        monitor: false,
        close: false,
        suspend: false,
        reopen: false,
        assign: true,
      },
    ],
    [
      'assessing',
      true,
      {
        assess: true,
        createPlan: true,
        monitor: false,
        close: true,
        suspend: false,
        reopen: false,
        assign: true,
      },
    ],
    [
      'supporting',
      true,
      {
        assess: true,
        createPlan: false,
        monitor: true,
        close: true,
        suspend: true,
        reopen: false,
        assign: true,
      },
    ],
    [
      'closed',
      true,
      {
        assess: false,
        createPlan: false,
        monitor: false,
        close: false,
        suspend: false,
        reopen: true,
        assign: false,
      },
    ],
    [
      'suspended',
      true,
      {
        assess: false,
        createPlan: false,
        monitor: false,
        close: false,
        suspend: false,
        reopen: true,
        assign: true,
      },
    ],
  ])('the coordinator on a %s case (assessed: %s)', (stage, hasAssessment, expected) => {
    const abilities = caseAbilities(coordinator, kase(stage), { hasAssessment, myBases: ['coordinator'] });
    expect(abilities).toMatchObject(expected);
    expect(abilities.recordConsent).toBe(true);
    expect(abilities.scheduleMeeting).toBe(stage !== 'closed' && stage !== 'suspended');
    expect(abilities.report).toBe(false);
  });
});
