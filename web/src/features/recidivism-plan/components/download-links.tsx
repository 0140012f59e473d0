import { useTranslation } from 'react-i18next';
import { textLinkClassName } from '../../../components/ui/text-link.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

/** PDF / xlsx / CSV links to one document; each link names the document for screen readers. */
export function DownloadLinks({
  what,
  urlOf,
}: {
  what: string;
  urlOf: (format: 'pdf' | 'xlsx' | 'csv') => string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-2 print:hidden">
      {(['pdf', 'xlsx', 'csv'] as const).map((format) => (
        <li key={format}>
          <a
            href={urlOf(format)}
            download
            className={textLinkClassName}
            aria-label={t('recidivism.download.label', { what, format: t(`recidivism.download.${format}`) })}
          >
            {t(`recidivism.download.${format}`)}
          </a>
        </li>
      ))}
    </ul>
  );
}
