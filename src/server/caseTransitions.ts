import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  type CaseEvent,
  type CaseFacts,
  type CaseStage,
  caseStageLabels,
  noFacts,
  transition,
} from '../domain/caseStage.ts';
import { now } from '../domain/clock.ts';
import type { Actor } from './actor.ts';
import { recordOnTimeline } from './caseTimeline.ts';
import { HttpProblem } from './problem.ts';

/**
 * Apply a case event through the pure state machine: refuse an illegal one with its specific
 * message (409, code = the refusal), else store the new stage and, when it changed, put the
 * change on the timeline. Returns the new stage.
 */
export async function advanceCase(
  tx: Transaction<DB>,
  actor: Actor,
  current: { id: string; stage: CaseStage },
  event: CaseEvent,
  facts: Partial<CaseFacts> = {},
): Promise<CaseStage> {
  const result = transition(current.stage, event, { ...noFacts, ...facts });
  if (!result.ok) throw new HttpProblem(409, result.code, result.reason);
  if (result.next !== current.stage) {
    await tx
      .updateTable('cases')
      .set({ stage: result.next, updated_at: now() })
      .where('id', '=', current.id)
      .execute();
    await recordOnTimeline(tx, actor, current.id, {
      kind: 'stageChanged',
      summary: `段階：${caseStageLabels[current.stage]} → ${caseStageLabels[result.next]}`,
      details: { from: current.stage, to: result.next, event },
    });
  } else {
    await tx.updateTable('cases').set({ updated_at: now() }).where('id', '=', current.id).execute();
  }
  return result.next;
}
