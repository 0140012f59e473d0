import type { CaseStage } from '../../../../../src/domain/caseStage.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

const tones: Record<CaseStage, BadgeTone> = {
  accepted: 'info',
  assessing: 'info',
  watching: 'warning',
  supporting: 'success',
  revising: 'warning',
  closed: 'muted',
  suspended: 'muted',
};

/** The case's 段階 as a chip; the label (from the server) carries the meaning. */
export function CaseStageBadge({ stage, label }: { stage: CaseStage; label: string }) {
  return <Badge tone={tones[stage]}>{label}</Badge>;
}
