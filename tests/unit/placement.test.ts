import { describe, expect, it } from 'vitest';
import {
  applyPlacementEvent,
  type PlacementEvent,
  type PlacementStage,
  placementEventKinds,
  placementStages,
} from '../../src/domain/resources/placement.ts';

const event = (kind: PlacementEvent['kind']): PlacementEvent => ({
  kind,
  party: 'person',
  endReason: 'goalReached',
});

/** Every stage × event: the expected next stage, or null for a refusal. */
const table: Record<PlacementStage, Record<PlacementEvent['kind'], PlacementStage | null>> = {
  arranging: { visit: 'arranging', trial: 'trial', start: 'active', followUp: null, end: 'ended' },
  trial: { visit: 'trial', trial: 'trial', start: 'active', followUp: 'trial', end: 'ended' },
  active: { visit: 'active', trial: null, start: null, followUp: 'active', end: 'ended' },
  ended: { visit: null, trial: null, start: null, followUp: null, end: null },
};

describe('参加支援 placement stages', () => {
  for (const stage of placementStages) {
    for (const kind of placementEventKinds) {
      const expected = table[stage][kind];
      it(`${stage} × ${kind} → ${expected ?? 'refused'}`, () => {
        const result = applyPlacementEvent(stage, event(kind));
        if (expected === null) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reason).toMatch(/[ぁ-んァ-ン一-龥]/);
        } else expect(result).toEqual({ ok: true, stage: expected });
      });
    }
  }

  it('needs the party of a follow-up and the reason of an end', () => {
    expect(applyPlacementEvent('active', { kind: 'followUp' }).ok).toBe(false);
    expect(applyPlacementEvent('active', { kind: 'followUp', party: 'host' })).toEqual({
      ok: true,
      stage: 'active',
    });
    expect(applyPlacementEvent('active', { kind: 'end' }).ok).toBe(false);
    expect(applyPlacementEvent('active', { kind: 'end', endReason: 'employed' })).toEqual({
      ok: true,
      stage: 'ended',
    });
  });
});
