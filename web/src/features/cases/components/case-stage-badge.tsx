import { useTranslation } from 'react-i18next';
import type { CaseStage } from '../../../../../src/domain/caseStage.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import '../../../lib/i18n/codes.bundle.ts';

const tones: Record<CaseStage, BadgeTone> = {
  accepted: 'info',
  assessing: 'info',
  watching: 'warning',
  supporting: 'success',
  revising: 'warning',
  closed: 'muted',
  suspended: 'muted',
};

/** The case's 段階 as a chip, named in the UI language (the API sends the code only). */
export function CaseStageBadge({ stage }: { stage: CaseStage }) {
  const { t } = useTranslation();
  return <Badge tone={tones[stage]}>{t(`codes.caseStage.${stage}`)}</Badge>;
}
