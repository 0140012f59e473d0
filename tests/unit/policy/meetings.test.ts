import { describe, expect, it } from 'vitest';
import type { CaseStage } from '../../../src/domain/caseStage.ts';
import {
  type MeetingFacts,
  mayRecordMinutes,
  mayScheduleMeeting,
  meetingAbilities,
  meetingPapersWithheld,
} from '../../../src/domain/policy/meetings.ts';
import { actorOf, ELSEWHERE, HOME } from './support.ts';

const coordinator = actorOf(['coordinator'], HOME);
const invitee = actorOf(['caseworker'], ELSEWHERE);
const meeting = (
  legal_basis: MeetingFacts['legal_basis'],
  status: MeetingFacts['status'] = 'scheduled',
  case_stage: CaseStage = 'assessing',
): MeetingFacts => ({ legal_basis, status, case_stage, coordinating_organization_id: HOME });

describe('minutes: the coordinator, of a scheduled meeting, when the stage allows holding a 支援会議', () => {
  it.each<[string, MeetingFacts, boolean]>([
    ['支援会議, assessing', meeting('article106_6'), true],
    ['支援会議, held already', meeting('article106_6', 'held'), false],
    ['支援会議, closed case', meeting('article106_6', 'scheduled', 'closed'), false],
    ['重層的支援会議, accepted case', meeting('consent', 'scheduled', 'accepted'), true],
    ['重層的支援会議, held already', meeting('consent', 'held'), false],
  ])('%s → %s', (_name, facts, expected) => {
    expect(mayRecordMinutes(coordinator, facts)).toBe(expected);
    expect(mayRecordMinutes(invitee, facts)).toBe(false);
    expect(mayRecordMinutes(actorOf(['coordinator'], ELSEWHERE), facts)).toBe(false);
  });

  it('only the case’s coordinator schedules a meeting', () => {
    expect(mayScheduleMeeting(coordinator, { coordinating_organization_id: HOME })).toBe(true);
    expect(mayScheduleMeeting(invitee, { coordinating_organization_id: HOME })).toBe(false);
  });
});

describe('papers of a 支援会議 go to the organiser and invitees that acknowledged confidentiality', () => {
  it.each([
    ['the organiser', coordinator, meeting('article106_6'), undefined, null, false],
    [
      'an invitee that acknowledged',
      invitee,
      meeting('article106_6'),
      { acknowledged_at: new Date() },
      null,
      false,
    ],
    [
      'an invitee that has not acknowledged',
      invitee,
      meeting('article106_6'),
      { acknowledged_at: null },
      'acknowledgementRequired',
      true,
    ],
    ['a participant not invited', invitee, meeting('article106_6'), undefined, 'notMember', false],
    ['anyone taking part, 重層的支援会議', invitee, meeting('consent'), undefined, null, false],
  ] as const)('%s → withheld %s, may acknowledge %s', (_name, actor, facts, mine, withheld, acknowledge) => {
    expect(meetingPapersWithheld(actor, facts, mine)).toBe(withheld);
    expect(meetingAbilities(actor, facts, mine).acknowledge).toBe(acknowledge);
  });
});
