import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/ui/alert.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { RouteLink } from '../components/ui/route-link.tsx';
import { problemMessage } from '../lib/problem-message.ts';

/** The frame of a page saying why the screen cannot be shown: its title, what happened, the way home. */
function StatusPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <div className="flex flex-col gap-6">
        {children}
        <p>
          <RouteLink to="/">{t('page.backHome')}</RouteLink>
        </p>
      </div>
    </>
  );
}

/** For addresses that match no screen. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusPage title={t('page.notFoundTitle')}>
      <p>{t('page.notFoundBody')}</p>
    </StatusPage>
  );
}

/** For screens the session's permissions do not cover. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <StatusPage title={t('page.forbiddenTitle')}>
      <p>{t('page.forbiddenBody')}</p>
    </StatusPage>
  );
}

/** For errors nobody caught while loading or rendering a route. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <StatusPage title={t('page.errorTitle')}>
      <Alert tone="error" title={problemMessage(error, t)} />
    </StatusPage>
  );
}
