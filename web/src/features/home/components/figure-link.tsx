import { Link, type LinkProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/ui/section.tsx';
import type { CaseListFilter } from '../../cases/case-filter.ts';
import '../../../lib/i18n/stats.bundle.ts';

export type FigureLinkProps = {
  label: string;
  count: number;
  /** Drawn in the warning colour when above zero (overdue, waiting). */
  alert?: boolean;
  to: LinkProps['to'];
  search?: LinkProps['search'];
  params?: LinkProps['params'];
  /** A list on the same page (the home's own table of the counted records). */
  hash?: string;
};

/**
 * One figure of a home dashboard: the count and what it counts, the whole tile a link to the
 * filtered list behind it (the list shows exactly the counted records).
 */
export function FigureLink({ label, count, alert, to, search, params, hash }: FigureLinkProps) {
  const { t } = useTranslation();
  const warn = alert && count > 0;
  return (
    <li className="list-none">
      <Link
        to={to}
        {...(search ? { search } : {})}
        {...(params ? { params } : {})}
        {...(hash ? { hash } : {})}
        className={`flex h-full min-w-[10rem] flex-col gap-1 rounded-8 border px-4 py-3 text-blue-1000 underline-offset-[3px] hover:bg-blue-50 hover:underline focus-visible:outline-4 focus-visible:outline-black ${
          warn ? 'border-error-1 border-2' : 'border-solid-gray-420'
        }`}
      >
        <span className="text-std-16N-170 text-solid-gray-800">{label}</span>
        <span className={`text-std-28B-150 ${warn ? 'text-error-1' : 'text-solid-gray-900'}`}>
          {t('stats.home.count', { count })}
        </span>
      </Link>
    </li>
  );
}

/** A figure counting cases: the tile links to the case list filtered to exactly those cases. */
export function CaseFigureLink({
  filter,
  ...figure
}: Pick<FigureLinkProps, 'label' | 'count' | 'alert'> & { filter: CaseListFilter }) {
  return <FigureLink {...figure} to="/cases" search={filter} />;
}

/** A row of figures under a heading. */
export function FigureGroup({
  heading,
  id,
  children,
}: {
  heading: string;
  id: string;
  children: React.ReactNode;
}) {
  return (
    <Section id={id} title={heading} level={3} className="flex flex-col gap-3">
      <ul className="flex flex-wrap gap-4 p-0">{children}</ul>
    </Section>
  );
}
