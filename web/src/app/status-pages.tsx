import { useTranslation } from 'react-i18next';
import { Alert } from '../components/ui/alert.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { RouteLink } from '../components/ui/route-link.tsx';
import { problemMessage } from '../lib/problem-message.ts';

function HomeLink() {
  const { t } = useTranslation();
  return (
    <p>
      <RouteLink to="/">{t('page.backHome')}</RouteLink>
    </p>
  );
}

/** For addresses that match no screen. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('page.notFoundTitle')}</PageHeading>
      <div className="flex flex-col gap-6">
        <p>{t('page.notFoundBody')}</p>
        <HomeLink />
      </div>
    </>
  );
}

/** For screens the session's permissions do not cover. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('page.forbiddenTitle')}</PageHeading>
      <div className="flex flex-col gap-6">
        <p>{t('page.forbiddenBody')}</p>
        <HomeLink />
      </div>
    </>
  );
}

/** For errors nobody caught while loading or rendering a route. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('page.errorTitle')}</PageHeading>
      <div className="flex flex-col gap-6">
        <Alert tone="error" title={problemMessage(error, t)} />
        <HomeLink />
      </div>
    </>
  );
}
