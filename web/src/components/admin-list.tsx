import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './ui/alert.tsx';
import { buttonClassName } from './ui/button.tsx';
import { PageHeading } from './ui/page-heading.tsx';

/**
 * The frame of an administration list (組織管理, ユーザー管理): the heading and lead
 * (`<messages>.heading`, `.lead`), the `<messages>.create` button for those who may register, the
 * message of what was just done, the filters and table (`children`), and the confirmation dialog.
 */
export function AdminListPage({
  messages,
  createTo,
  canCreate,
  message,
  dialog,
  children,
}: {
  messages: 'organizations' | 'users';
  createTo: '/admin/organizations/new' | '/admin/users/new';
  canCreate: boolean;
  message: string | null;
  dialog: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading
        lead={t(`${messages}.lead`)}
        actions={
          canCreate ? (
            <Link to={createTo} className={buttonClassName('solid-fill', 'md')}>
              {t(`${messages}.create`)}
            </Link>
          ) : null
        }
      >
        {t(`${messages}.heading`)}
      </PageHeading>

      <div className="flex flex-col gap-6">
        {message ? <Alert tone="success" title={message} /> : null}
        {children}
      </div>

      {dialog}
    </>
  );
}
