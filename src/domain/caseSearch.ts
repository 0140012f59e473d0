import { issueAreas } from './codeLists.ts';
import { normalizeKana } from './kana.ts';
import { nameKey } from './nameKey.ts';
import { parseWareki } from './wareki.ts';

/**
 * What a search box on 事例一覧 may mean, worked out without I/O. One box takes a 氏名 in kanji
 * (異体字 alike), a フリガナ in any width or script, a 事例番号 (R8-0001), a 宛名番号 (digits) or a
 * birth date (和暦 or 西暦); each interpretation that fits is tried, and a case matches if any does.
 */
export interface CaseSearchTerms {
  /** nameKey of the input: matched anywhere in persons.name_key. */
  name: string;
  /** normalizeKana of the input: matched anywhere in persons.kana_key (empty when it is not kana). */
  kana: string;
  /** Upper-cased input without spaces: matched anywhere in the case number. */
  caseNumber: string;
  /** The input if it is 4–15 digits: equal to persons.addressee_number. */
  addresseeNumber: string | null;
  /** The input as a date if it parses as one (和暦 or 西暦): equal to persons.birth_date. */
  birthDate: string | null;
}

const kanaOnly = /^[\u30A1-\u30FA\u30FC-\u30FE]+$/;

export function caseSearchTerms(input: string): CaseSearchTerms {
  const name = nameKey(input);
  const kana = normalizeKana(input);
  const compact = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const date = /\d/.test(compact) ? parseWareki(input) : null;
  return {
    name,
    kana: kanaOnly.test(kana) ? kana : '',
    caseNumber: compact,
    addresseeNumber: /^\d{4,15}$/.test(compact) ? compact : null,
    birthDate: date?.ok ? date.date : null,
  };
}

/** The issue codes of an issue area (分野), for filtering by area. */
export function issueCodesOfArea(area: string): string[] {
  return issueAreas.find((a) => a.code === area)?.issues.map((i) => i.code) ?? [];
}

/**
 * Timeline entries that count as contact with the person or household: the case was taken on or
 * reopened, a meeting was held, an organisation reported support or wrote a 支援経過 (visit, call …),
 * a monitoring took place. 「N日以上記録なし」 looks at the latest of these.
 */
export const contactEventKinds = [
  'caseAccepted',
  'reopened',
  'meetingHeld',
  'supportReported',
  'progressNoted',
  'monitored',
] as const;

/** How many days ahead a monitoring counts as 「今週」 due on the coordinator's home. */
export const MONITORING_DUE_SOON_DAYS = 7;

/** The default for 「記録なし N日」 on the coordinator's home when the city has not set one. */
export const DEFAULT_NO_CONTACT_DAYS = 30;

/** Calendar arithmetic on 'YYYY-MM-DD' (no business-day rules). */
export function addCalendarDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
