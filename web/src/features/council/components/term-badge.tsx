import { useTranslation } from 'react-i18next';
import type { TermStanding } from '../../../../../src/domain/councilTerms.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import '../../../lib/i18n/recidivism.bundle.ts';

/** 「任期満了間近（あと12日）」 or 「任期満了」 beside a member's term (src/domain/councilTerms.ts). */
export function TermBadge({ standing }: { standing: TermStanding }) {
  const { t } = useTranslation();
  if (standing.status === 'ended') return <Badge tone="muted">{t('recidivism.council.termEnded')}</Badge>;
  if (standing.status === 'endingSoon')
    return (
      <Badge tone="warning">
        {t('recidivism.council.termEndingSoon')}（
        {t('recidivism.council.termDaysLeft', {
          count: standing.daysLeft ?? 0,
        })}
        ）
      </Badge>
    );
  return null;
}
