import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlash } from '../lib/flash.ts';
import type { EnableToggle, Toggleable } from './enable-toggle.tsx';
import { Alert } from './ui/alert.tsx';
import { ButtonLink } from './ui/button-link.tsx';
import { PageHeading } from './ui/page-heading.tsx';

/** The i18n namespace of an administration list's texts. */
export type AdminMessages = 'organizations' | 'users';

/** The register screen of each administration list. */
const createRoutes = {
  organizations: '/admin/organizations/new',
  users: '/admin/users/new',
} as const satisfies Record<AdminMessages, string>;

/**
 * The frame of an administration list (組織管理, ユーザー管理): the heading and lead
 * (`<messages>.heading`, `.lead`), the `<messages>.create` button for those who may register, the
 * message of what was just done (by the list's disable / enable, else left by the previous page), the
 * filters and table (`children`), and the disable / enable confirmation dialog.
 */
export function AdminListPage<T extends Toggleable>({
  messages,
  canCreate,
  toggle,
  children,
}: {
  messages: AdminMessages;
  canCreate: boolean;
  toggle: EnableToggle<T>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const flash = useFlash();
  const message = toggle.done ?? flash;
  return (
    <>
      <PageHeading
        lead={t(`${messages}.lead`)}
        actions={
          canCreate ? <ButtonLink to={createRoutes[messages]}>{t(`${messages}.create`)}</ButtonLink> : null
        }
      >
        {t(`${messages}.heading`)}
      </PageHeading>

      <div className="flex flex-col gap-6">
        {message ? <Alert tone="success" title={message} /> : null}
        {children}
      </div>

      {toggle.dialog}
    </>
  );
}
