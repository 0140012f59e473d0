import { useTranslation } from 'react-i18next';
import { Options } from '../../../components/ui/select-field.tsx';
import '../../../lib/i18n/stats.bundle.ts';

/** The periods without a record offered by default, in days. */
const noContactDayChoices = [14, 30, 60, 90];

/**
 * The options of 「記録のない期間」 (「14日以上」…): the periods offered by default, and the one in use
 * (`current`, from the address bar) where it is none of them, shortest first.
 */
export function NoContactDaysOptions({ current }: { current?: number | undefined }) {
  const { t } = useTranslation();
  const days = [...new Set([...noContactDayChoices, ...(current ? [current] : [])])].sort((a, b) => a - b);
  return (
    <Options
      items={days}
      value={String}
      label={(count) => t('stats.caseFilters.noContactOption', { days: count })}
    />
  );
}
