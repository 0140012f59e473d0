import { useTranslation } from 'react-i18next';

/** A polite "loading" line for screen readers and sighted users alike. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="py-6 text-std-16N-170 text-solid-gray-700">
      {t('common.loading')}
    </p>
  );
}
