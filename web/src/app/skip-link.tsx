import { useTranslation } from 'react-i18next';

/** 「本文へスキップ」: the first focusable element; jumps to `<main id="main" tabindex="-1">`. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-6 focus:bg-white focus:px-4 focus:py-2 focus:text-std-16B-170 focus:text-blue-1000 focus:underline"
    >
      {t('common.skipToMain')}
    </a>
  );
}
