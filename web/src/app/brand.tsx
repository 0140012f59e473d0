import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../lib/i18n/i18n.ts';

/** The app name in the header: かさね with its other-script name beside it; a link home when signed in. */
export function Brand({ linkHome }: { linkHome: boolean }) {
  const { t } = useTranslation();
  const otherLanguage = currentLanguage() === 'ja' ? 'en' : 'ja';
  const content = (
    <>
      <span className="text-std-24B-150">{t('app.name')}</span>
      <span lang={otherLanguage} className="text-std-16N-170 text-solid-gray-700">
        {t('app.nameLatin')}
      </span>
    </>
  );
  return linkHome ? (
    <Link
      to="/"
      className="flex items-baseline gap-2 rounded-4 text-solid-gray-900 no-underline hover:underline"
    >
      {content}
    </Link>
  ) : (
    <p className="flex items-baseline gap-2 text-solid-gray-900">{content}</p>
  );
}
