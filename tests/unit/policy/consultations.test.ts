import { describe, expect, it } from 'vitest';
import {
  type ConsultationFacts,
  closeRefusal,
  consultationAbilities,
  type ReferralFacts,
} from '../../../src/domain/policy/consultations.ts';
import { actorOf, ELSEWHERE } from './support.ts';

const COUNTER = 'org-counter';
const counter = actorOf(['caseworker'], COUNTER);
const target = actorOf(['caseworker'], ELSEWHERE);
const planOfficer = actorOf(['planOfficer'], COUNTER);
const consultation = (status: ConsultationFacts['status'], consent = true): ConsultationFacts => ({
  organization_id: COUNTER,
  status,
  consent_to_share: consent,
});
const referral = (status: ReferralFacts['status']): ReferralFacts => ({
  to_organization_id: ELSEWHERE,
  status,
});

describe('closeRefusal: the counter or an organisation that accepted a referral, never after a handover or close', () => {
  it.each<[string, ReturnType<typeof actorOf>, ConsultationFacts, ReferralFacts[], number | null]>([
    ['the counter, open', counter, consultation('open'), [], null],
    ['the counter, referral declined', counter, consultation('open'), [referral('declined')], null],
    ['the counter, referral pending', counter, consultation('referred'), [referral('pending')], 409],
    ['the counter, referral accepted', counter, consultation('referred'), [referral('accepted')], null],
    ['the counter, closed', counter, consultation('closed'), [], 409],
    ['the counter, handed over', counter, consultation('handedOver'), [], 409],
    ['the target, referral accepted', target, consultation('referred'), [referral('accepted')], null],
    ['the target, referral pending', target, consultation('referred'), [referral('pending')], 403],
    ['the target, referral declined', target, consultation('open'), [referral('declined')], 403],
    ['without consultation.create', planOfficer, consultation('open'), [], 403],
  ])('%s → %s', (_name, actor, facts, referrals, status) => {
    const refusal = closeRefusal(actor, facts, referrals);
    expect(refusal?.status ?? null).toBe(status);
    expect(consultationAbilities(actor, facts, referrals).close).toBe(status === null);
  });
});

describe('consultationAbilities: hand over and refer are the counter’s, on an open consultation', () => {
  it.each<[string, ReturnType<typeof actorOf>, ConsultationFacts, { handOver: boolean; refer: boolean }]>([
    ['the counter, open, consent', counter, consultation('open'), { handOver: true, refer: true }],
    ['the counter, open, no consent', counter, consultation('open', false), { handOver: true, refer: false }],
    ['the counter, referred', counter, consultation('referred'), { handOver: false, refer: false }],
    ['the counter, closed', counter, consultation('closed'), { handOver: false, refer: false }],
    ['another organisation', target, consultation('open'), { handOver: false, refer: false }],
    ['a plan officer of the counter', planOfficer, consultation('open'), { handOver: false, refer: false }],
  ])('%s → %j', (_name, actor, facts, expected) => {
    expect(consultationAbilities(actor, facts, [])).toMatchObject(expected);
  });
});
