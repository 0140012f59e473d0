/**
 * 地域づくりに向けた支援 (docs/resources.md "地域づくり"): activity kinds and the state's indicators of a
 * 年度 — 拠点数, 参加者数, 参加機関数 — computed from sessions held, without I/O. The figures are
 * aggregate by construction (a session holds a count, never a person), so they are not suppressed.
 */

export const communityActivityKinds = [
  'salon',
  'childrenCafeteria',
  'ibasho',
  'kayoinoba',
  'learningSupport',
  'other',
] as const;
export type CommunityActivityKind = (typeof communityActivityKinds)[number];

/** How an activity's 拠点 is known: the directory resource when it is one, else its place name. */
export function baseKeyOf(activity: { resourceId: string | null; placeName: string }): string {
  return activity.resourceId
    ? `resource:${activity.resourceId}`
    : `place:${normalizeName(activity.placeName)}`;
}

/** Names compared as staff type them: NFKC, spaces dropped (「 ○○ 公民館」 = 「○○公民館」). */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** Participating organisations as typed: trimmed, empty dropped, duplicates (by normalised name) once. */
export function cleanOrganizationNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const key = normalizeName(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

export interface CommunitySessionFact {
  baseKey: string;
  participants: number;
  organizations: readonly string[];
}

export interface CommunityTotals {
  /** 拠点数: distinct 拠点 where at least one session was held */
  bases: number;
  /** 参加者数: participants summed over sessions (a person coming twice counts twice) */
  participants: number;
  /** 参加機関数: distinct participating organisations */
  organizations: number;
  sessions: number;
}

/** The 地域づくり indicators of some sessions (those of one 年度, or one activity's). */
export function communityTotals(sessions: readonly CommunitySessionFact[]): CommunityTotals {
  const bases = new Set<string>();
  const organizations = new Set<string>();
  let participants = 0;
  for (const s of sessions) {
    bases.add(s.baseKey);
    participants += s.participants;
    for (const o of s.organizations) {
      const key = normalizeName(o);
      if (key) organizations.add(key);
    }
  }
  return { bases: bases.size, participants, organizations: organizations.size, sessions: sessions.length };
}
