import { useTranslation } from 'react-i18next';

/** 「本文へスキップ」: the first focusable element; moves focus to `<main id="main">`. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      onClick={(event) => {
        // Focus main directly: a hash change would be picked up by the client-side router.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
      className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-6 focus:bg-white focus:px-4 focus:py-2 focus:text-std-16B-170 focus:text-blue-1000 focus:underline"
    >
      {t('common.skipToMain')}
    </a>
  );
}
