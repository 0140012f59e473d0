import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';

/** The part of a paged (infinite) query that the "show more" button reads. */
export type PagedQuery = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/**
 * The button under a paged list that loads the next page; shown only while there is one, and saying
 * `loadingLabel` (by default the common "loading") while that page is on its way.
 */
export function ShowMore({
  query,
  label,
  loadingLabel,
  className,
}: {
  query: PagedQuery;
  label: string;
  loadingLabel?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <div className={className}>
      <Button
        variant="outline"
        onClick={() => void query.fetchNextPage()}
        aria-disabled={query.isFetchingNextPage || undefined}
      >
        {query.isFetchingNextPage ? (loadingLabel ?? t('common.loading')) : label}
      </Button>
    </div>
  );
}
