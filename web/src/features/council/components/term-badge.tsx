import { useTranslation } from 'react-i18next';
import * as clock from '../../../../../src/domain/clock.ts';
import { type TermStanding, termStanding } from '../../../../../src/domain/councilTerms.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { Td } from '../../../components/ui/table.tsx';
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

/**
 * A member's term in a table row: its dates (「from〜to」, or only the end when `from` is not
 * given) and, beside them, how it stands today.
 */
export function TermCell({ from, to }: { from?: string; to: string | null }) {
  return (
    <Td>
      <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="whitespace-nowrap">
          {from === undefined ? null : (
            <>
              <DateText value={from} />〜
            </>
          )}
          {to ? <DateText value={to} /> : null}
        </span>
        <TermBadge standing={termStanding(to, clock.today())} />
      </span>
    </Td>
  );
}
