import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../src/contract/session.ts';
import type { Permission, Role } from '../../../src/domain/permissions.ts';
import { Button } from '../components/ui/button.tsx';
import { MenuButton } from '../components/ui/menu-button.tsx';
import { useSession } from '../features/session/api/get-session.ts';
import { useSignOut } from '../features/session/api/sign-out.ts';
import type { Messages } from '../lib/i18n/ja.ts';
import { MeContext } from '../lib/me-context.tsx';
import { Brand } from './brand.tsx';
import { IdleTimeout } from './idle-timeout.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { SkipLink } from './skip-link.tsx';

type NavEntry = {
  to:
    | '/'
    | '/admin/organizations'
    | '/admin/users'
    | '/tasks'
    | '/consultations/new'
    | '/consultations'
    | '/referrals'
    | '/handovers'
    | '/persons'
    | '/cases'
    | '/meetings/calendar'
    | '/statistics'
    | '/plan-items'
    | '/audit'
    | '/audit/disclosure'
    | '/audit/disposals'
    | '/disposals'
    | '/admin/retention'
    | '/admin/reshuffle'
    | '/admin/settings'
    | '/account/sessions'
    | '/account/password'
    | '/account/totp'
    | '/resources'
    | '/placements'
    | '/community'
    | '/recidivism-plan'
    | '/programmes'
    | '/programmes/import'
    | '/programme-progress'
    | '/council'
    | '/council/opinions';
  label: `nav.${keyof Messages['nav']}`;
  /** The permission the entry needs, as listed in `Me.permissions`; none for Home. */
  permission?: Permission;
  /**
   * Roles for which the entry is noise although the permission is held for other screens (a
   * caseworker reads the plan's programmes when choosing one in a support plan, but does not run
   * the plan): hidden when every role of the user is listed here.
   */
  hiddenFor?: readonly Role[];
};

/** Only screens that exist; each shown when the session holds its permission. */
const navEntries: readonly NavEntry[] = [
  { to: '/', label: 'nav.home' },
  { to: '/tasks', label: 'nav.tasks', permission: 'task.read' },
  { to: '/consultations/new', label: 'nav.consultationNew', permission: 'consultation.create' },
  { to: '/consultations', label: 'nav.consultations', permission: 'consultation.read' },
  { to: '/referrals', label: 'nav.referrals', permission: 'referral.decide' },
  { to: '/handovers', label: 'nav.handovers', permission: 'handover.create' },
  { to: '/persons', label: 'nav.persons', permission: 'person.read' },
  { to: '/cases', label: 'nav.cases', permission: 'case.read' },
  { to: '/meetings/calendar', label: 'nav.meetingCalendar', permission: 'case.read' },
  { to: '/statistics', label: 'nav.statistics', permission: 'statistics.read' },
  { to: '/plan-items', label: 'nav.planItems', permission: 'supportReport.create' },
  { to: '/resources', label: 'nav.resources', permission: 'resource.read' },
  { to: '/community', label: 'nav.community', permission: 'resource.read' },
  {
    to: '/placements',
    label: 'nav.placements',
    permission: 'placement.manage',
    hiddenFor: ['caseworker'],
  },
  {
    to: '/recidivism-plan',
    label: 'nav.recidivismPlan',
    permission: 'plan.read',
    hiddenFor: ['caseworker'],
  },
  {
    to: '/programmes',
    label: 'nav.programmes',
    permission: 'plan.read',
    hiddenFor: ['caseworker'],
  },
  { to: '/programmes/import', label: 'nav.programmeImport', permission: 'plan.manage' },
  {
    to: '/programme-progress',
    label: 'nav.programmeProgress',
    permission: 'plan.read',
    hiddenFor: ['caseworker'],
  },
  { to: '/council', label: 'nav.council', permission: 'council.read' },
  { to: '/council/opinions', label: 'nav.opinions', permission: 'council.read' },
  {
    to: '/admin/organizations',
    label: 'nav.organizations',
    permission: 'organization.read',
    hiddenFor: ['caseworker'],
  },
  { to: '/admin/users', label: 'nav.users', permission: 'user.read' },
  { to: '/audit', label: 'nav.auditEvents', permission: 'audit.read' },
  { to: '/audit/disclosure', label: 'nav.disclosure', permission: 'disclosure.export' },
  { to: '/audit/disposals', label: 'nav.disposalRecords', permission: 'audit.read' },
  { to: '/disposals', label: 'nav.disposalCandidates', permission: 'disposal.approve' },
  { to: '/admin/retention', label: 'nav.retentionSettings', permission: 'retention.manage' },
  { to: '/admin/reshuffle', label: 'nav.reshuffle', permission: 'user.manage' },
  { to: '/admin/settings', label: 'nav.tenantSettings', permission: 'user.manage' },
  { to: '/account/sessions', label: 'nav.sessions' },
  { to: '/account/password', label: 'nav.password' },
  { to: '/account/totp', label: 'nav.totp' },
];

const navLinkClassName =
  'block rounded-6 border-l-4 border-transparent px-3 py-2 text-std-16N-170 text-blue-1000 underline-offset-[3px] hover:bg-blue-50 hover:underline data-[status=active]:border-blue-900 data-[status=active]:bg-blue-50 data-[status=active]:font-bold data-[status=active]:text-solid-gray-900 data-[status=active]:no-underline';

export type AppShellProps = {
  /** The session as loaded by the route guard; the live query wins once it has data. */
  initialMe: Me;
  /** Ends the local session as the server did (idle timeout). */
  onExpired: () => void;
};

/** The signed-in frame: skip link, header (app, organisation, user, language, sign-out), menu and main. */
export function AppShell({ initialMe, onExpired }: AppShellProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const signOut = useSignOut();
  const me = session.data ?? initialMe;
  // Below 1024 px the menu folds behind a button; it closes again when a page is chosen.
  const [menuOpen, setMenuOpen] = useState(false);
  const entries = navEntries.filter(
    (entry) =>
      (!entry.permission || me.permissions.includes(entry.permission)) &&
      !(
        entry.hiddenFor &&
        me.user.roles.length > 0 &&
        me.user.roles.every((role) => entry.hiddenFor?.includes(role))
      ),
  );

  const doSignOut = () => {
    if (signOut.isPending) return;
    signOut.mutate(undefined, {
      onSettled: () => void navigate({ to: '/signin', search: { reason: 'signedOut' } }),
    });
  };

  return (
    <MeContext value={me}>
      <div className="flex min-h-screen flex-col">
        <SkipLink />
        <header className="border-b border-solid-gray-420 bg-white print:hidden">
          <div className="flex flex-wrap items-center justify-between gap-x-8 gap-y-3 px-4 py-3 sm:px-8">
            <div className="flex w-full items-center justify-between gap-4 lg:w-auto">
              <Brand linkHome />
              <MenuButton
                className="lg:hidden"
                controls="main-nav"
                expanded={menuOpen}
                onToggle={() => setMenuOpen((open) => !open)}
                openLabel={t('ui.menu.open')}
                closeLabel={t('ui.menu.close')}
              />
            </div>
            <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
              <dl aria-label={t('shell.userArea')} className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                <div className="flex items-baseline gap-1">
                  <dt className="sr-only">{t('shell.organization')}</dt>
                  <dd className="text-std-16N-170 text-solid-gray-700">{me.organization.name}</dd>
                </div>
                <div className="flex items-baseline gap-1">
                  <dt className="sr-only">{t('shell.user')}</dt>
                  <dd className="break-keep text-std-16B-170 text-solid-gray-900">{me.user.displayName}</dd>
                </div>
              </dl>
              <LanguageSwitch />
              <Button
                variant="outline"
                size="sm"
                onClick={doSignOut}
                aria-disabled={signOut.isPending || undefined}
              >
                {signOut.isPending ? t('shell.signingOut') : t('shell.signOut')}
              </Button>
            </div>
          </div>
        </header>
        <div className="flex flex-1 flex-col lg:flex-row">
          <nav
            id="main-nav"
            aria-label={t('shell.navLabel')}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && menuOpen) {
                setMenuOpen(false);
                document.querySelector<HTMLButtonElement>('[aria-controls="main-nav"]')?.focus();
              }
            }}
            className={`${menuOpen ? 'block' : 'hidden'} border-b border-solid-gray-420 bg-solid-gray-50 p-4 lg:block lg:w-60 lg:shrink-0 lg:border-r lg:border-b-0 print:hidden`}
          >
            <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2 lg:flex lg:flex-col">
              {entries.map((entry) => (
                <li key={entry.to}>
                  <Link
                    to={entry.to}
                    activeOptions={{
                      exact:
                        entry.to === '/' ||
                        entry.to === '/consultations' ||
                        entry.to === '/programmes' ||
                        entry.to === '/resources' ||
                        entry.to === '/council' ||
                        entry.to === '/audit',
                    }}
                    className={navLinkClassName}
                    onClick={() => setMenuOpen(false)}
                  >
                    {t(entry.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-8 sm:px-8 print:p-0">
            <Outlet />
          </main>
        </div>
      </div>
      <IdleTimeout
        idleTimeoutSeconds={me.idleTimeoutSeconds}
        onContinue={() =>
          void session.refetch().then((result) => {
            if (result.data === null) onExpired();
          })
        }
        onExpire={onExpired}
        onSignOut={doSignOut}
      />
    </MeContext>
  );
}
