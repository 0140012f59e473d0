import type { DemoStory } from '../story.ts';
import { doubleCare } from './doubleCare.ts';
import { handledAtCounter } from './handledAtCounter.ts';
import { handoverWaiting } from './handoverWaiting.ts';
import { household8050 } from './household8050.ts';
import { household9060 } from './household9060.ts';
import { leadContinues } from './leadContinues.ts';
import { leavingPrison } from './leavingPrison.ts';
import { newlyAccepted } from './newlyAccepted.ts';
import { pastRetention } from './pastRetention.ts';
import { referralWaiting } from './referralWaiting.ts';
import { reopened } from './reopened.ts';
import { resolvedCase } from './resolvedCase.ts';
import { returnedHandover } from './returnedHandover.ts';
import { revising } from './revising.ts';
import { suspended } from './suspended.ts';
import { watching } from './watching.ts';
import { youngCarer } from './youngCarer.ts';

/**
 * The demo municipality's casework, one story a file, told in this order (case numbers and the
 * timeline follow it): every stage of a case, a returned handover, a referral and a consultation
 * handled at the counter, and one closed years ago that is past its retention period.
 */
export const demoStories: readonly DemoStory[] = [
  household8050,
  doubleCare,
  leavingPrison,
  returnedHandover,
  resolvedCase,
  watching,
  revising,
  suspended,
  household9060,
  leadContinues,
  youngCarer,
  reopened,
  newlyAccepted,
  handoverWaiting,
  referralWaiting,
  handledAtCounter,
  pastRetention,
];
