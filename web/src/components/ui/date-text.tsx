import { Trans, useTranslation } from 'react-i18next';
import { formatWareki, toIsoDate } from '../../../../src/domain/wareki.ts';
import { currentLanguage } from '../../lib/i18n/i18n.ts';
import { formatDate } from '../../lib/wareki.ts';

function isoOrNull(value: string | Date): string | null {
  try {
    return toIsoDate(value);
  } catch {
    return null;
  }
}

export type DateTextProps = {
  /** A calendar date 'YYYY-MM-DD' or an instant (read in Asia/Tokyo). */
  value: string | Date;
  /** 西暦 beside the 和暦 (detail pages): 令和8年4月1日〔2026年〕. */
  withGregorian?: boolean;
  withWeekday?: boolean;
};

/**
 * A date as staff read it: 和暦 in Japanese (令和8年4月1日), optionally with 西暦 and weekday;
 * Gregorian in English. Wrapped in `<time>` so the machine-readable date travels with it.
 */
export function DateText({ value, withGregorian, withWeekday }: DateTextProps) {
  useTranslation(); // re-render when the language changes
  const language = currentLanguage();
  const iso = isoOrNull(value);
  if (!iso) return null;
  let text: string;
  if (language !== 'ja' || withGregorian)
    text = formatDate(value, language, { withWeekday: Boolean(withWeekday) });
  else {
    try {
      text = formatWareki(value, { withWeekday: Boolean(withWeekday) });
    } catch {
      text = '';
    }
  }
  return <time dateTime={iso}>{text}</time>;
}

/** A birth date with the age: 昭和46年5月1日生（55歳）; "not recorded" when unknown. */
export function BirthDateText({
  birthDate,
  age,
  withGregorian,
}: {
  birthDate: string | null;
  age: number | null;
  withGregorian?: boolean;
}) {
  const { t } = useTranslation();
  if (!birthDate) return <>{t('dateText.birthDateUnknown')}</>;
  return (
    <>
      <Trans
        i18nKey="dateText.born"
        components={{ date: <DateText value={birthDate} withGregorian={withGregorian} /> }}
      />
      {age !== null ? t('dateText.age', { age }) : null}
    </>
  );
}
