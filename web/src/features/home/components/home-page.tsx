import { useTranslation } from 'react-i18next';
import { now } from '../../../../../src/domain/clock.ts';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { useMe } from '../../../lib/me-context.tsx';
import { fiscalYearOf, formatDate, formatFiscalYear } from '../../../lib/wareki.ts';

/** ホーム: who is signed in, for which organisation, and today's date in 和暦 with the 年度. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const language = currentLanguage();
  const today = now();

  const rows: { term: string; value: string }[] = [
    { term: t('home.organization'), value: me.organization.name },
    { term: t('home.today'), value: formatDate(today, language, { withWeekday: true }) },
    { term: t('home.fiscalYear'), value: formatFiscalYear(fiscalYearOf(today), language) },
    {
      term: t('home.roles'),
      value:
        me.user.roles.map((role) => t(`role.${role}`)).join(t('common.listSeparator')) || t('common.none'),
    },
  ];

  return (
    <>
      <PageHeading documentTitle={t('home.pageTitle')} lead={me.tenant.name}>
        {t('home.heading', { name: me.user.displayName })}
      </PageHeading>
      <section
        aria-labelledby="home-summary"
        className="max-w-[48rem] rounded-12 border border-solid-gray-420 p-6"
      >
        <h2 id="home-summary" className="mb-4 text-std-20B-150 text-solid-gray-900">
          {t('home.summary')}
        </h2>
        <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-[10rem_1fr]">
          {rows.map((row) => (
            <div key={row.term} className="contents">
              <dt className="text-std-16B-170 text-solid-gray-800">{row.term}</dt>
              <dd className="text-std-16N-170 text-solid-gray-800">{row.value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
