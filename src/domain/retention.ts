import type { CaseStage } from './caseStage.ts';
import { fiscalYearOf } from './fiscalYear.ts';

/**
 * 保存期間・廃棄 (docs/retention.md), without I/O: which records have passed the retention period
 * the city set, on a given day, and so may be put on the disposal list.
 *
 * The period is counted as Japanese public records count it (公文書管理の「翌年度起算」): from 1 April
 * of the 年度 after the one in which the record ended (a case's 終結, a consultation's closing), for
 * the city's number of years. A case closed on 2020-06-01 (令和2年度) with 5 years starts counting on
 * 2021-04-01 and may be disposed from 2026-04-01.
 *
 * Business rules:
 * - a case not closed (still in support, suspended, or closed and reopened) is never expired;
 * - a closed case under a hold (訴訟・開示請求 in progress…) is not expired until the hold is lifted;
 * - a consultation that became a case follows its case; one still open, referred or awaiting a
 *   handover is not expired; a closed one expires `consultationYears` after its closing;
 * - a person is disposed with their last record: when every case and consultation that names them
 *   (as the person supported, a member of its household, the person consulting) is disposed or
 *   disposed now; a person named by no record at all expires `personYears` after their last change.
 */

export interface RetentionRules {
  /** Years after the 年度 of a case's 終結. */
  caseYears: number;
  /** Years after the 年度 a consultation that never became a case was closed. */
  consultationYears: number;
  /** Years after the last change of a person no record names. */
  personYears: number;
}

export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 100;

/** Until the city sets its own: 5 years, the period most cities give 相談記録 and ケース記録. */
export const defaultRetentionRules: RetentionRules = { caseYears: 5, consultationYears: 5, personYears: 5 };

/** 起算日: 1 April of the 年度 after the one `endedOn` falls in. */
export function retentionStartsOn(endedOn: string): string {
  return `${fiscalYearOf(endedOn) + 1}-04-01`;
}

/** The first day a record that ended on `endedOn` may be disposed, `years` after its 起算日. */
export function disposableFrom(endedOn: string, years: number): string {
  return `${fiscalYearOf(endedOn) + 1 + years}-04-01`;
}

export type RetentionStatus =
  | { kind: 'expired'; disposableFrom: string }
  | { kind: 'retained'; disposableFrom: string }
  | { kind: 'open' }
  | { kind: 'held'; reason: string }
  | { kind: 'followsCase'; caseId: string }
  | { kind: 'disposed' };

export interface CaseForRetention {
  id: string;
  stage: CaseStage;
  /** The day of 終結 (null until closed, and again once reopened). */
  closedOn: string | null;
  holdReason: string | null;
  disposed: boolean;
}

/** Where a case stands on `today` under the rules. */
export function caseRetention(kase: CaseForRetention, rules: RetentionRules, today: string): RetentionStatus {
  if (kase.disposed) return { kind: 'disposed' };
  if (kase.stage !== 'closed' || kase.closedOn === null) return { kind: 'open' };
  if (kase.holdReason !== null) return { kind: 'held', reason: kase.holdReason };
  const from = disposableFrom(kase.closedOn, rules.caseYears);
  return from <= today
    ? { kind: 'expired', disposableFrom: from }
    : { kind: 'retained', disposableFrom: from };
}

export type ConsultationStatusForRetention = 'open' | 'referred' | 'handedOver' | 'closed';

export interface ConsultationForRetention {
  id: string;
  status: ConsultationStatusForRetention;
  /** The Tokyo day it was closed, if it was. */
  closedOn: string | null;
  /** The case its handover opened, if any. */
  caseId: string | null;
  disposed: boolean;
}

/** Where a consultation stands on `today`: one that became a case follows the case. */
export function consultationRetention(
  consultation: ConsultationForRetention,
  rules: RetentionRules,
  today: string,
): RetentionStatus {
  if (consultation.disposed) return { kind: 'disposed' };
  if (consultation.caseId !== null) return { kind: 'followsCase', caseId: consultation.caseId };
  if (consultation.status !== 'closed' || consultation.closedOn === null) return { kind: 'open' };
  const from = disposableFrom(consultation.closedOn, rules.consultationYears);
  return from <= today
    ? { kind: 'expired', disposableFrom: from }
    : { kind: 'retained', disposableFrom: from };
}

export interface PersonForRetention {
  id: string;
  /** The Tokyo day of the person's last change. */
  lastChangedOn: string;
  /** Every case that names the person (supported, case member, household member). */
  caseIds: readonly string[];
  /** Every consultation that names the person (the person consulting, household member). */
  consultationIds: readonly string[];
}

export interface DisposalInput {
  cases: readonly CaseForRetention[];
  consultations: readonly ConsultationForRetention[];
  persons: readonly PersonForRetention[];
}

export interface DisposalPlan {
  /** Expired cases, with the day they became disposable. */
  cases: { id: string; disposableFrom: string }[];
  /** Expired consultations: closed ones past their period, and those of the expired cases. */
  consultations: { id: string; disposableFrom: string; caseId: string | null }[];
  /** Persons no kept record names any more (or, named by none, past their period). */
  persons: { id: string; reason: 'lastRecord' | 'noRecord' }[];
}

/** What a selection asked for that is not on the list (the list changed, or the id is not expired). */
export interface SelectionRefusal {
  caseIds: string[];
  consultationIds: string[];
  personIds: string[];
}

/** What the coordinating section approved: cases, standalone consultations, persons named by no record. */
export interface DisposalSelection {
  caseIds: readonly string[];
  consultationIds: readonly string[];
  personIds: readonly string[];
}

/**
 * The disposal list on `today`: the expired cases and consultations, and the persons who go with
 * them. With `selection`, only the selected cases, standalone consultations and record-less persons
 * are disposed (a consultation that became a case goes with its case; the persons its records
 * named go with their last record).
 */
export function planDisposal(
  input: DisposalInput,
  rules: RetentionRules,
  today: string,
  selection?: DisposalSelection,
): DisposalPlan {
  const selectedCases = selection ? new Set(selection.caseIds) : null;
  const selectedConsultations = selection ? new Set(selection.consultationIds) : null;
  const selectedPersons = selection ? new Set(selection.personIds) : null;

  const cases: DisposalPlan['cases'] = [];
  const disposed = new Set<string>();
  const going = new Set<string>();
  for (const kase of input.cases) {
    const status = caseRetention(kase, rules, today);
    if (status.kind === 'disposed') disposed.add(`case:${kase.id}`);
    if (status.kind !== 'expired') continue;
    if (selectedCases && !selectedCases.has(kase.id)) continue;
    cases.push({ id: kase.id, disposableFrom: status.disposableFrom });
    going.add(`case:${kase.id}`);
  }
  const caseGoing = new Map(cases.map((c) => [c.id, c.disposableFrom]));

  const consultations: DisposalPlan['consultations'] = [];
  for (const consultation of input.consultations) {
    const status = consultationRetention(consultation, rules, today);
    if (status.kind === 'disposed') disposed.add(`consultation:${consultation.id}`);
    let from: string | undefined;
    if (status.kind === 'followsCase') from = caseGoing.get(status.caseId);
    else if (status.kind === 'expired') {
      if (selectedConsultations && !selectedConsultations.has(consultation.id)) continue;
      from = status.disposableFrom;
    }
    if (from === undefined) continue;
    consultations.push({ id: consultation.id, disposableFrom: from, caseId: consultation.caseId });
    going.add(`consultation:${consultation.id}`);
  }

  const gone = (key: string) => going.has(key) || disposed.has(key);
  const persons: DisposalPlan['persons'] = [];
  for (const person of input.persons) {
    const keys = [
      ...person.caseIds.map((id) => `case:${id}`),
      ...person.consultationIds.map((id) => `consultation:${id}`),
    ];
    if (keys.length === 0) {
      if (
        disposableFrom(person.lastChangedOn, rules.personYears) <= today &&
        (!selectedPersons || selectedPersons.has(person.id))
      )
        persons.push({ id: person.id, reason: 'noRecord' });
      continue;
    }
    if (keys.every(gone)) persons.push({ id: person.id, reason: 'lastRecord' });
  }
  return { cases, consultations, persons };
}

/** The selected ids that are not on the disposal list of `today` (empty lists: the selection holds). */
export function refusedSelection(plan: DisposalPlan, selection: DisposalSelection): SelectionRefusal {
  const cases = new Set(plan.cases.map((c) => c.id));
  const consultations = new Set(plan.consultations.map((c) => c.id));
  const persons = new Set(plan.persons.filter((p) => p.reason === 'noRecord').map((p) => p.id));
  return {
    caseIds: selection.caseIds.filter((id) => !cases.has(id)),
    consultationIds: selection.consultationIds.filter((id) => !consultations.has(id)),
    personIds: selection.personIds.filter((id) => !persons.has(id)),
  };
}

/** Whether nothing was selected. */
export function emptySelection(selection: DisposalSelection): boolean {
  return selection.caseIds.length + selection.consultationIds.length + selection.personIds.length === 0;
}

/** Whether the rules are whole years within the allowed range. */
export function validRetentionRules(rules: RetentionRules): boolean {
  return [rules.caseYears, rules.consultationYears, rules.personYears].every(
    (n) => Number.isInteger(n) && n >= MIN_RETENTION_YEARS && n <= MAX_RETENTION_YEARS,
  );
}
