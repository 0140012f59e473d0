/**
 * 参加支援 placements (docs/resources.md "参加支援"): a person in a case placed with a resource, from
 * arranging (見学) through a trial (体験) to the start (利用開始・初日), followed up by the person and the
 * host, until it ends with a reason. A pure state machine: every event is checked against the stage.
 */

export const placementKinds = ['workExperience', 'ibasho', 'volunteering', 'employment', 'other'] as const;
export type PlacementKind = (typeof placementKinds)[number];

export const placementStages = ['arranging', 'trial', 'active', 'ended'] as const;
export type PlacementStage = (typeof placementStages)[number];

export const placementEventKinds = ['visit', 'trial', 'start', 'followUp', 'end'] as const;
export type PlacementEventKind = (typeof placementEventKinds)[number];

/** Who a follow-up heard from: the person, or the host (受入先). */
export const followUpParties = ['person', 'host'] as const;
export type FollowUpParty = (typeof followUpParties)[number];

export const placementEndReasons = [
  'goalReached',
  'movedOn',
  'employed',
  'personDeclined',
  'hostDeclined',
  'health',
  'other',
] as const;
export type PlacementEndReason = (typeof placementEndReasons)[number];

export interface PlacementEvent {
  kind: PlacementEventKind;
  party?: FollowUpParty | null;
  endReason?: PlacementEndReason | null;
}

export type PlacementTransition = { ok: true; stage: PlacementStage } | { ok: false; reason: string };

/** The stage after an event, or why the event cannot happen now. */
export function applyPlacementEvent(stage: PlacementStage, event: PlacementEvent): PlacementTransition {
  if (stage === 'ended')
    return { ok: false, reason: '終了した参加支援には記録できません。新しく登録してください。' };
  switch (event.kind) {
    case 'visit':
      return { ok: true, stage };
    case 'trial':
      return stage === 'active'
        ? { ok: false, reason: 'すでに利用が始まっています。体験は利用開始の前に記録してください。' }
        : { ok: true, stage: 'trial' };
    case 'start':
      return stage === 'active'
        ? { ok: false, reason: '利用開始（初日）はすでに記録されています。' }
        : { ok: true, stage: 'active' };
    case 'followUp':
      if (stage === 'arranging')
        return { ok: false, reason: 'フォローアップは体験または利用開始の後に記録してください。' };
      if (!event.party)
        return { ok: false, reason: 'フォローアップの相手（本人または受入先）を選んでください。' };
      return { ok: true, stage };
    case 'end':
      if (!event.endReason) return { ok: false, reason: '終了の理由を選んでください。' };
      return { ok: true, stage: 'ended' };
  }
}
