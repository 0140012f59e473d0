import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  useNavigate,
  useRouter,
} from '@tanstack/react-router';
import { type ComponentType, useEffect } from 'react';
import { handoverStatuses } from '../../../src/contract/statuses.ts';
import type { Permission } from '../../../src/domain/permissions.ts';
import { Loading } from '../components/ui/loading.tsx';
import { type CaseListFilter, parseCaseFilter } from '../features/cases/case-filter.ts';
import { type CaseTab, caseTabs } from '../features/cases/case-tabs.ts';
import {
  type ConsultationListFilter,
  parseConsultationFilter,
} from '../features/consultations/consultation-filter.ts';
import type { CalendarView } from '../features/meetings/components/meeting-calendar-page.tsx';
import { sessionQueryKey, sessionQueryOptions } from '../features/session/api/get-session.ts';
import { signOut } from '../features/session/api/sign-out.ts';
import type { SignInReason } from '../features/session/components/sign-in-page.tsx';
import { setCsrfToken, setUnauthorizedHandler } from '../lib/api-client.ts';
import { releaseHeadingFocus, requestHeadingFocus } from '../lib/heading-focus.ts';
import { useCan } from '../lib/me-context.tsx';
import { PublicLayout } from './public-layout.tsx';
import { RequirePermission } from './require-permission.tsx';
import { AppShell } from './shell.tsx';
import { ErrorPage, NotFoundPage } from './status-pages.tsx';

/*
 * Every page is its own chunk, fetched when its route first renders (the router wraps
 * each route in a Suspense boundary, see `defaultPendingComponent`), so the first load carries the
 * shell and the page it shows only. A chunk missing after a new deployment reloads the page once.
 */
const CommunityActivityPage = lazyRouteComponent(
  () => import('../features/community/components/community-activity-page.tsx'),
  'CommunityActivityPage',
);
const CommunityCreatePage = lazyRouteComponent(
  () => import('../features/community/components/community-form-page.tsx'),
  'CommunityCreatePage',
);
const CommunityEditPage = lazyRouteComponent(
  () => import('../features/community/components/community-form-page.tsx'),
  'CommunityEditPage',
);
const CommunityListPage = lazyRouteComponent(
  () => import('../features/community/components/community-list-page.tsx'),
  'CommunityListPage',
);
const ResourceImportPage = lazyRouteComponent(
  () => import('../features/resources/components/resource-import-page.tsx'),
  'ResourceImportPage',
);
const PlacementListPage = lazyRouteComponent(
  () => import('../features/participation/components/placement-list-page.tsx'),
  'PlacementListPage',
);
const PasswordPage = lazyRouteComponent(
  () => import('../features/account/components/password-page.tsx'),
  'PasswordPage',
);
const SignInPage = lazyRouteComponent(
  () => import('../features/session/components/sign-in-page.tsx'),
  'SignInPage',
);
const SessionsPage = lazyRouteComponent(
  () => import('../features/account/components/sessions-page.tsx'),
  'SessionsPage',
);
const TotpPage = lazyRouteComponent(() => import('../features/account/components/totp-page.tsx'), 'TotpPage');
const ReshufflePage = lazyRouteComponent(
  () => import('../features/account-admin/components/reshuffle-page.tsx'),
  'ReshufflePage',
);
const TenantSettingsPage = lazyRouteComponent(
  () => import('../features/account-admin/components/tenant-settings-page.tsx'),
  'TenantSettingsPage',
);
const UserSecurityPage = lazyRouteComponent(
  () => import('../features/account-admin/components/user-security-page.tsx'),
  'UserSecurityPage',
);
const RetentionSettingsPage = lazyRouteComponent(
  () => import('../features/retention/components/retention-settings-page.tsx'),
  'RetentionSettingsPage',
);
const DisposalCandidatesPage = lazyRouteComponent(
  () => import('../features/retention/components/disposal-candidates-page.tsx'),
  'DisposalCandidatesPage',
);
const DisposalRecordsPage = lazyRouteComponent(
  () => import('../features/retention/components/disposal-records-page.tsx'),
  'DisposalRecordsPage',
);
const AuditEventsPage = lazyRouteComponent(
  () => import('../features/audit/components/audit-events-page.tsx'),
  'AuditEventsPage',
);
const DisclosurePage = lazyRouteComponent(
  () => import('../features/audit/components/disclosure-page.tsx'),
  'DisclosurePage',
);
const CaseDetailPage = lazyRouteComponent(
  () => import('../features/cases/components/case-detail-page.tsx'),
  'CaseDetailPage',
);
const CaseListPage = lazyRouteComponent(
  () => import('../features/cases/components/case-list-page.tsx'),
  'CaseListPage',
);
const ConsultationDetailPage = lazyRouteComponent(
  () => import('../features/consultations/components/consultation-detail-page.tsx'),
  'ConsultationDetailPage',
);
const ConsultationListPage = lazyRouteComponent(
  () => import('../features/consultations/components/consultation-list-page.tsx'),
  'ConsultationListPage',
);
const ConsultationNewPage = lazyRouteComponent(
  () => import('../features/consultations/components/consultation-new-page.tsx'),
  'ConsultationNewPage',
);
const CouncilPage = lazyRouteComponent(
  () => import('../features/council/components/council-page.tsx'),
  'CouncilPage',
);
const CouncilMeetingDetailPage = lazyRouteComponent(
  () => import('../features/council/components/meeting-detail-page.tsx'),
  'MeetingDetailPage',
);
const CouncilMeetingNewPage = lazyRouteComponent(
  () => import('../features/council/components/meeting-new-page.tsx'),
  'MeetingNewPage',
);
const OpinionsPage = lazyRouteComponent(
  () => import('../features/council/components/opinions-page.tsx'),
  'OpinionsPage',
);
const EasyReadPage = lazyRouteComponent(
  () => import('../features/forms/components/easy-read-page.tsx'),
  'EasyReadPage',
);
const HandoverListPage = lazyRouteComponent(
  () => import('../features/handovers/components/handover-list-page.tsx'),
  'HandoverListPage',
);
const HomePage = lazyRouteComponent(() => import('../features/home/components/home-page.tsx'), 'HomePage');
const RoleHome = lazyRouteComponent(() => import('../features/home/components/role-home.tsx'), 'RoleHome');
const MeetingCalendarPage = lazyRouteComponent(
  () => import('../features/meetings/components/meeting-calendar-page.tsx'),
  'MeetingCalendarPage',
);
const MeetingPage = lazyRouteComponent(
  () => import('../features/meetings/components/meeting-page.tsx'),
  'MeetingPage',
);
const OrganizationCreatePage = lazyRouteComponent(
  () => import('../features/organizations/components/organization-create-page.tsx'),
  'OrganizationCreatePage',
);
const OrganizationEditPage = lazyRouteComponent(
  () => import('../features/organizations/components/organization-edit-page.tsx'),
  'OrganizationEditPage',
);
const OrganizationListPage = lazyRouteComponent(
  () => import('../features/organizations/components/organization-list-page.tsx'),
  'OrganizationListPage',
);
const PersonDetailPage = lazyRouteComponent(
  () => import('../features/persons/components/person-detail-page.tsx'),
  'PersonDetailPage',
);
const PersonSearchPage = lazyRouteComponent(
  () => import('../features/persons/components/person-search-page.tsx'),
  'PersonSearchPage',
);
const PlanItemsPage = lazyRouteComponent(
  () => import('../features/plan-items/components/plan-items-page.tsx'),
  'PlanItemsPage',
);
const ProgressPage = lazyRouteComponent(
  () => import('../features/programme-progress/components/progress-page.tsx'),
  'ProgressPage',
);
const ProgrammeCreatePage = lazyRouteComponent(
  () => import('../features/programmes/components/programme-create-page.tsx'),
  'ProgrammeCreatePage',
);
const ProgrammeDetailPage = lazyRouteComponent(
  () => import('../features/programmes/components/programme-detail-page.tsx'),
  'ProgrammeDetailPage',
);
const ProgrammeEditPage = lazyRouteComponent(
  () => import('../features/programmes/components/programme-edit-page.tsx'),
  'ProgrammeEditPage',
);
const ProgrammeImportPage = lazyRouteComponent(
  () => import('../features/programmes/components/programme-import-page.tsx'),
  'ProgrammeImportPage',
);
const ProgrammeListPage = lazyRouteComponent(
  () => import('../features/programmes/components/programme-list-page.tsx'),
  'ProgrammeListPage',
);
const PublicCataloguePage = lazyRouteComponent(
  () => import('../features/programmes/components/public-catalogue-page.tsx'),
  'PublicCataloguePage',
);
const RecidivismPlanPage = lazyRouteComponent(
  () => import('../features/recidivism-plan/components/recidivism-plan-page.tsx'),
  'RecidivismPlanPage',
);
const ReferralInboxPage = lazyRouteComponent(
  () => import('../features/referrals/components/referral-inbox-page.tsx'),
  'ReferralInboxPage',
);
const ResourceDetailPage = lazyRouteComponent(
  () => import('../features/resources/components/resource-detail-page.tsx'),
  'ResourceDetailPage',
);
const ResourceCreatePage = lazyRouteComponent(
  () => import('../features/resources/components/resource-edit-pages.tsx'),
  'ResourceCreatePage',
);
const ResourceEditPage = lazyRouteComponent(
  () => import('../features/resources/components/resource-edit-pages.tsx'),
  'ResourceEditPage',
);
const ResourceListPage = lazyRouteComponent(
  () => import('../features/resources/components/resource-list-page.tsx'),
  'ResourceListPage',
);
const StatisticsPage = lazyRouteComponent(
  () => import('../features/statistics/components/statistics-page.tsx'),
  'StatisticsPage',
);
const HomeTasks = lazyRouteComponent(
  () => import('../features/tasks/components/home-tasks.tsx'),
  'HomeTasks',
);
const MyTasksPage = lazyRouteComponent(
  () => import('../features/tasks/components/my-tasks-page.tsx'),
  'MyTasksPage',
);
const UserCreatePage = lazyRouteComponent(
  () => import('../features/users/components/user-create-page.tsx'),
  'UserCreatePage',
);
const UserEditPage = lazyRouteComponent(
  () => import('../features/users/components/user-edit-page.tsx'),
  'UserEditPage',
);
const UserListPage = lazyRouteComponent(
  () => import('../features/users/components/user-list-page.tsx'),
  'UserListPage',
);

export type RouterContext = { queryClient: QueryClient };

/** Only same-app paths may be returned to after sign-in (no `//evil.example`, no loops). */
function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return undefined;
  if (value.startsWith('/signin')) return undefined;
  return value;
}

function flag(value: unknown): boolean | undefined {
  return value === true || value === 'true' ? true : undefined;
}

/**
 * After a client-side navigation to another path, focus moves to the new page's `<h1>` so screen
 * readers announce it. The first load keeps the browser's default so the skip link stays first.
 */
function RootLayout() {
  const router = useRouter();
  useEffect(() => {
    const stopRouter = router.subscribe('onResolved', (event) => {
      if (event.pathChanged && event.fromLocation) requestAnimationFrame(requestHeadingFocus);
    });
    const release = () => releaseHeadingFocus();
    window.addEventListener('keydown', release, true);
    window.addEventListener('pointerdown', release, true);
    return () => {
      stopRouter();
      window.removeEventListener('keydown', release, true);
      window.removeEventListener('pointerdown', release, true);
    };
  }, [router]);
  return <Outlet />;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: () => (
    <PublicLayout>
      <NotFoundPage />
    </PublicLayout>
  ),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signin',
  validateSearch: (search: Record<string, unknown>): { reason?: SignInReason; redirect?: string } => {
    const reason = search.reason === 'expired' || search.reason === 'signedOut' ? search.reason : undefined;
    const returnTo = safeReturnPath(search.redirect);
    return { ...(reason ? { reason } : {}), ...(returnTo ? { redirect: returnTo } : {}) };
  },
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (me) throw redirect({ to: '/' });
  },
  component: function SignInRoute() {
    const search = signInRoute.useSearch();
    const navigate = useNavigate();
    return (
      <PublicLayout>
        <SignInPage
          reason={search.reason}
          onSignedIn={() => {
            const returnTo = safeReturnPath(search.redirect);
            void (returnTo
              ? navigate({ href: returnTo, replace: true })
              : navigate({ to: '/', replace: true }));
          }}
        />
      </PublicLayout>
    );
  },
});

/** Everything behind sign-in hangs under this pathless route, which loads the session first. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (!me) {
      const returnTo = safeReturnPath(location.href);
      throw redirect({ to: '/signin', search: returnTo && returnTo !== '/' ? { redirect: returnTo } : {} });
    }
    // The administrator requires a new password: the change-password page is the only open page.
    if (me.passwordChangeRequired) {
      if (location.pathname !== '/account/password') throw redirect({ to: '/account/password' });
      return { me };
    }
    // The city requires TOTP for this role and it is not on: enrolment is the only open page.
    if (me.totpEnrolmentRequired && location.pathname !== '/account/totp')
      throw redirect({ to: '/account/totp' });
    return { me };
  },
  component: function AppRoute() {
    const { me } = appRoute.useRouteContext();
    return <AppShell initialMe={me} onExpired={expireIdleSession} />;
  },
  // Reached only when the session itself cannot be loaded (server down): no shell to show.
  errorComponent: ({ error }) => (
    <PublicLayout>
      <ErrorPage error={error} />
    </PublicLayout>
  ),
});

/** A screen of the signed-in app with no parameters of its own, shown to those who hold `permission`. */
function permittedRoute<TPath extends string>(path: TPath, permission: Permission, Page: ComponentType) {
  return createRoute({
    getParentRoute: () => appRoute,
    path,
    component: () => (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    ),
  });
}

/** The name of a path's one parameter: `'/resources/$resourceId/edit'` → `'resourceId'`. */
type PathParam<TPath extends string> = TPath extends `${string}/$${infer Name}/${string}`
  ? Name
  : TPath extends `${string}/$${infer Name}`
    ? Name
    : never;

/**
 * A screen of one record (`/resources/$resourceId`…), shown to those who hold `permission`: the page
 * gets the record's id under the parameter's name, and is made anew when another record is opened.
 */
function permittedRecordRoute<TPath extends string>(
  path: TPath,
  permission: Permission,
  Page: ComponentType<Record<PathParam<TPath>, string>>,
) {
  const param = path.match(/\$(\w+)/)?.[1] ?? '';
  const route = createRoute({
    getParentRoute: () => appRoute,
    path,
    component: function RecordRoute() {
      const id = (route.useParams() as Record<string, string>)[param] ?? '';
      const props = { [param]: id } as Record<PathParam<TPath>, string>;
      return (
        <RequirePermission permission={permission}>
          <Page key={id} {...props} />
        </RequirePermission>
      );
    },
  });
  return route;
}

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  // マイタスク is the landing content for whoever has tasks, under the welcome block.
  component: function HomeRoute() {
    const canReadTasks = useCan('task.read');
    return (
      <>
        <HomePage />
        <RoleHome />
        {canReadTasks ? <HomeTasks /> : null}
      </>
    );
  },
});

const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/organizations',
  validateSearch: (search: Record<string, unknown>): { includeDisabled?: boolean } => {
    const includeDisabled = flag(search.includeDisabled);
    return includeDisabled ? { includeDisabled } : {};
  },
  component: function OrganizationsRoute() {
    const search = organizationsRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="organization.read">
        <OrganizationListPage
          includeDisabled={search.includeDisabled ?? false}
          onIncludeDisabledChange={(includeDisabled) =>
            void navigate({
              to: '/admin/organizations',
              search: includeDisabled ? { includeDisabled } : {},
              replace: true,
            })
          }
        />
      </RequirePermission>
    );
  },
});

const organizationNewRoute = permittedRoute(
  '/admin/organizations/new',
  'organization.manage',
  OrganizationCreatePage,
);

const organizationEditRoute = permittedRecordRoute(
  '/admin/organizations/$organizationId',
  'organization.read',
  OrganizationEditPage,
);

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users',
  validateSearch: (
    search: Record<string, unknown>,
  ): { organizationId?: string; includeDisabled?: boolean } => {
    const includeDisabled = flag(search.includeDisabled);
    const organizationId =
      typeof search.organizationId === 'string' && search.organizationId ? search.organizationId : undefined;
    return { ...(organizationId ? { organizationId } : {}), ...(includeDisabled ? { includeDisabled } : {}) };
  },
  component: function UsersRoute() {
    const search = usersRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="user.read">
        <UserListPage
          organizationId={search.organizationId}
          includeDisabled={search.includeDisabled ?? false}
          onFilterChange={({ organizationId, includeDisabled }) =>
            void navigate({
              to: '/admin/users',
              search: {
                ...(organizationId ? { organizationId } : {}),
                ...(includeDisabled ? { includeDisabled } : {}),
              },
              replace: true,
            })
          }
        />
      </RequirePermission>
    );
  },
});

const userNewRoute = permittedRoute('/admin/users/new', 'user.manage', UserCreatePage);

const userEditRoute = permittedRecordRoute('/admin/users/$userId', 'user.read', UserEditPage);

// Accounts and sessions (issue 4): my devices, password, two-step verification; admin tools.
const accountSessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/sessions',
  component: SessionsPage,
});

const accountPasswordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/password',
  component: PasswordPage,
});

const accountTotpRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/totp',
  component: TotpPage,
});

const tenantSettingsRoute = permittedRoute('/admin/settings', 'user.manage', TenantSettingsPage);

const reshuffleRoute = permittedRoute('/admin/reshuffle', 'user.manage', ReshufflePage);

const userSecurityRoute = permittedRecordRoute(
  '/admin/users/$userId/security',
  'user.manage',
  UserSecurityPage,
);

// Intake and entry points: my tasks, consultations, referrals, handovers, persons.

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

const tasksRoute = permittedRoute('/tasks', 'task.read', MyTasksPage);

const consultationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/consultations',
  validateSearch: (search: Record<string, unknown>): ConsultationListFilter =>
    parseConsultationFilter(search),
  component: function ConsultationsRoute() {
    const search = consultationsRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="consultation.read">
        <ConsultationListPage
          filter={search}
          onFilterChange={(filter) =>
            void navigate({ to: '/consultations', search: parseConsultationFilter(filter), replace: true })
          }
        />
      </RequirePermission>
    );
  },
});

const consultationNewRoute = permittedRoute('/consultations/new', 'consultation.create', ConsultationNewPage);

const consultationDetailRoute = permittedRecordRoute(
  '/consultations/$consultationId',
  'consultation.read',
  ConsultationDetailPage,
);

const referralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals',
  validateSearch: (search: Record<string, unknown>): { status?: 'accepted' } =>
    search.status === 'accepted' ? { status: 'accepted' } : {},
  component: function ReferralsRoute() {
    const search = referralsRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="referral.decide">
        <ReferralInboxPage
          status={search.status ?? 'pending'}
          onStatusChange={(status) =>
            void navigate({
              to: '/referrals',
              search: status === 'accepted' ? { status } : {},
              replace: true,
            })
          }
        />
      </RequirePermission>
    );
  },
});

const handoversRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/handovers',
  validateSearch: (search: Record<string, unknown>): { status?: (typeof handoverStatuses)[number] } => {
    const status = oneOf(handoverStatuses, search.status);
    return status ? { status } : {};
  },
  component: function HandoversRoute() {
    const search = handoversRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="handover.create">
        <HandoverListPage
          status={search.status}
          onStatusChange={(status) =>
            void navigate({ to: '/handovers', search: status ? { status } : {}, replace: true })
          }
        />
      </RequirePermission>
    );
  },
});

const personsRoute = permittedRoute('/persons', 'person.read', PersonSearchPage);

const personDetailRoute = permittedRecordRoute('/persons/$personId', 'person.read', PersonDetailPage);

// Case screens: the cases my organisation takes part in, one case with its records, a meeting, my plan items.

const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases',
  validateSearch: (search: Record<string, unknown>): CaseListFilter => parseCaseFilter(search),
  component: function CasesRoute() {
    const search = casesRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="case.read">
        <CaseListPage
          filter={search}
          onFilterChange={(filter) =>
            void navigate({ to: '/cases', search: parseCaseFilter(filter), replace: true })
          }
        />
      </RequirePermission>
    );
  },
});

const caseDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId',
  validateSearch: (search: Record<string, unknown>): { tab?: CaseTab } => {
    const tab = oneOf(caseTabs, search.tab);
    return tab && tab !== 'overview' ? { tab } : {};
  },
  component: function CaseDetailRoute() {
    const { caseId } = caseDetailRoute.useParams();
    const search = caseDetailRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="case.read">
        <CaseDetailPage
          key={caseId}
          caseId={caseId}
          tab={search.tab ?? 'overview'}
          onTabChange={(tab) =>
            void navigate({
              to: '/cases/$caseId',
              params: { caseId },
              search: tab === 'overview' ? {} : { tab },
              replace: true,
              resetScroll: false,
            })
          }
        />
      </RequirePermission>
    );
  },
});

const caseEasyReadRoute = permittedRecordRoute('/cases/$caseId/easy-read', 'case.read', EasyReadPage);

const statisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics',
  validateSearch: (search: Record<string, unknown>): { fiscalYear?: number; from?: string; to?: string } => {
    const year = Number(search.fiscalYear);
    const month = (value: unknown) =>
      typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : undefined;
    const from = month(search.from);
    const to = month(search.to);
    return {
      ...(Number.isInteger(year) && year >= 1989 && year <= 2100 ? { fiscalYear: year } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
  },
  component: function StatisticsRoute() {
    const search = statisticsRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="statistics.read">
        <StatisticsPage
          fiscalYear={search.fiscalYear}
          from={search.from}
          to={search.to}
          onPeriodChange={({ fiscalYear, from, to }) =>
            void navigate({
              to: '/statistics',
              search: { fiscalYear, ...(from ? { from } : {}), ...(to ? { to } : {}) },
              replace: true,
            })
          }
        />
      </RequirePermission>
    );
  },
});

const meetingCalendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/calendar',
  validateSearch: (search: Record<string, unknown>): { view?: CalendarView; date?: string } => ({
    ...(search.view === 'week' || search.view === 'month' ? { view: search.view } : {}),
    ...(typeof search.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search.date)
      ? { date: search.date }
      : {}),
  }),
  component: function MeetingCalendarRoute() {
    const search = meetingCalendarRoute.useSearch();
    return (
      <RequirePermission permission="case.read">
        <MeetingCalendarPage view={search.view ?? 'week'} date={search.date} />
      </RequirePermission>
    );
  },
});

const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/$meetingId',
  validateSearch: (search: Record<string, unknown>): { fromCase?: string } =>
    typeof search.fromCase === 'string' && /^[0-9a-f-]{36}$/i.test(search.fromCase)
      ? { fromCase: search.fromCase }
      : {},
  component: function MeetingRoute() {
    const { meetingId } = meetingRoute.useParams();
    const search = meetingRoute.useSearch();
    return (
      <RequirePermission permission="case.read">
        <MeetingPage key={meetingId} meetingId={meetingId} fromCase={search.fromCase} />
      </RequirePermission>
    );
  },
});

const planItemsRoute = permittedRoute('/plan-items', 'supportReport.create', PlanItemsPage);

// Privacy (issue 4): the audit trail and 開示請求 for the auditor (個人情報保護担当).
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  // The auditor's home links here with an action and the first day of its count.
  validateSearch: (search: Record<string, unknown>): { action?: string; from?: string } => ({
    ...(typeof search.action === 'string' && /^[a-zA-Z.]{1,60}$/.test(search.action)
      ? { action: search.action }
      : {}),
    ...(typeof search.from === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search.from)
      ? { from: search.from }
      : {}),
  }),
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    return (
      <RequirePermission permission="audit.read">
        <AuditEventsPage key={`${search.action ?? ''}${search.from ?? ''}`} initial={search} />
      </RequirePermission>
    );
  },
});

const disclosureRoute = permittedRoute('/audit/disclosure', 'disclosure.export', DisclosurePage);

// 保存期間・廃棄 (issue 13): the periods (IT or the coordinating section), the disposal list
// (the coordinating section) and the record of disposals (the auditor).
const retentionSettingsRoute = permittedRoute('/admin/retention', 'retention.manage', RetentionSettingsPage);

const disposalCandidatesRoute = permittedRoute('/disposals', 'disposal.approve', DisposalCandidatesPage);

const disposalRecordsRoute = permittedRoute('/audit/disposals', 'audit.read', DisposalRecordsPage);

// 社会資源, 参加支援, アウトリーチ, 地域づくり (issue 12).

const resourcesRoute = permittedRoute('/resources', 'resource.read', ResourceListPage);

const placementsRoute = permittedRoute('/placements', 'case.read', PlacementListPage);

const resourceNewRoute = permittedRoute('/resources/new', 'resource.manage', ResourceCreatePage);

const resourceDetailRoute = permittedRecordRoute(
  '/resources/$resourceId',
  'resource.read',
  ResourceDetailPage,
);

const resourceEditRoute = permittedRecordRoute(
  '/resources/$resourceId/edit',
  'resource.manage',
  ResourceEditPage,
);

const resourceImportRoute = permittedRoute('/resources/import', 'resource.manage', ResourceImportPage);

const communityRoute = permittedRoute('/community', 'resource.read', CommunityListPage);

const communityNewRoute = permittedRoute('/community/new', 'resource.manage', CommunityCreatePage);

const communityActivityRoute = permittedRecordRoute(
  '/community/$activityId',
  'resource.read',
  CommunityActivityPage,
);

const communityEditRoute = permittedRecordRoute(
  '/community/$activityId/edit',
  'resource.manage',
  CommunityEditPage,
);

// The recidivism plan (再犯防止推進計画), its programmes, annual progress and the liaison council.

const recidivismPlanRoute = permittedRoute('/recidivism-plan', 'plan.read', RecidivismPlanPage);

const programmesRoute = permittedRoute('/programmes', 'plan.read', ProgrammeListPage);

const programmeNewRoute = permittedRoute('/programmes/new', 'plan.manage', ProgrammeCreatePage);

const programmeImportRoute = permittedRoute('/programmes/import', 'plan.manage', ProgrammeImportPage);

const programmeDetailRoute = permittedRecordRoute(
  '/programmes/$programmeId',
  'plan.read',
  ProgrammeDetailPage,
);

const programmeEditRoute = permittedRecordRoute(
  '/programmes/$programmeId/edit',
  'plan.manage',
  ProgrammeEditPage,
);

const programmeProgressRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programme-progress',
  validateSearch: (search: Record<string, unknown>): { fiscalYear?: number } => {
    const year = Number(search.fiscalYear);
    return Number.isInteger(year) && year >= 1989 && year <= 2100 ? { fiscalYear: year } : {};
  },
  component: function ProgrammeProgressRoute() {
    const search = programmeProgressRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="plan.read">
        <ProgressPage
          fiscalYear={search.fiscalYear}
          onFiscalYearChange={(fiscalYear) =>
            void navigate({ to: '/programme-progress', search: { fiscalYear }, replace: true })
          }
        />
      </RequirePermission>
    );
  },
});

const councilRoute = permittedRoute('/council', 'council.read', CouncilPage);

const councilMeetingNewRoute = permittedRoute(
  '/council/meetings/new',
  'council.manage',
  CouncilMeetingNewPage,
);

const councilMeetingRoute = permittedRecordRoute(
  '/council/meetings/$meetingId',
  'council.read',
  CouncilMeetingDetailPage,
);

const councilOpinionsRoute = permittedRoute('/council/opinions', 'council.read', OpinionsPage);

/** The programme catalogue without sign-in (the plan is public); the server may switch it off. */
const publicProgrammesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/programmes',
  component: () => (
    <PublicLayout>
      <PublicCataloguePage />
    </PublicLayout>
  ),
});

/** Any other address, signed in: "page not found" inside the shell. */
const appNotFoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    homeRoute,
    organizationsRoute,
    organizationNewRoute,
    organizationEditRoute,
    usersRoute,
    userNewRoute,
    userEditRoute,
    tasksRoute,
    consultationsRoute,
    consultationNewRoute,
    consultationDetailRoute,
    referralsRoute,
    handoversRoute,
    personsRoute,
    personDetailRoute,
    casesRoute,
    caseDetailRoute,
    caseEasyReadRoute,
    meetingCalendarRoute,
    statisticsRoute,
    meetingRoute,
    planItemsRoute,
    auditRoute,
    disclosureRoute,
    retentionSettingsRoute,
    disposalCandidatesRoute,
    disposalRecordsRoute,
    accountSessionsRoute,
    accountPasswordRoute,
    accountTotpRoute,
    tenantSettingsRoute,
    reshuffleRoute,
    userSecurityRoute,
    resourcesRoute,
    placementsRoute,
    resourceNewRoute,
    resourceDetailRoute,
    resourceEditRoute,
    resourceImportRoute,
    communityRoute,
    communityNewRoute,
    communityActivityRoute,
    communityEditRoute,
    recidivismPlanRoute,
    programmesRoute,
    programmeNewRoute,
    programmeImportRoute,
    programmeDetailRoute,
    programmeEditRoute,
    programmeProgressRoute,
    councilRoute,
    councilMeetingNewRoute,
    councilMeetingRoute,
    councilOpinionsRoute,
    appNotFoundRoute,
  ]),
  publicProgrammesRoute,
]);

let activeRouter: ReturnType<typeof buildRouter> | null = null;
let activeQueryClient: QueryClient | null = null;

/**
 * The session ended on the server (a 401 from any call but `/api/session`, or the idle
 * clock ran out): forget it, drop every cached record and show sign-in with the reason.
 */
function expireSession(): void {
  const router = activeRouter;
  const queryClient = activeQueryClient;
  if (!router || !queryClient) return;
  setCsrfToken(null);
  // Mark "no session" first so the sign-in route does not bounce back to the app.
  queryClient.setQueryData(sessionQueryKey, null);
  const { pathname, href } = router.state.location;
  if (pathname === '/signin') return;
  const returnTo = safeReturnPath(href);
  void router
    .navigate({
      to: '/signin',
      search: { reason: 'expired', ...(returnTo && returnTo !== '/' ? { redirect: returnTo } : {}) },
      replace: true,
    })
    .finally(() =>
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] }),
    );
}

/**
 * The idle clock ran out in the browser. The server ends the session by the same rule, but say
 * so explicitly (best effort) so a reload cannot resume it in the seconds between the two clocks.
 */
function expireIdleSession(): void {
  signOut().catch(() => undefined);
  expireSession();
}

function buildRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
    defaultErrorComponent: ({ error }) => <ErrorPage error={error} />,
    // Also the Suspense fallback of every route while its page's chunk arrives.
    defaultPendingComponent: Loading,
  });
}

/** Creates the router and wires the API client's 401 handling to it. */
export function createAppRouter(queryClient: QueryClient) {
  const router = buildRouter(queryClient);
  activeRouter = router;
  activeQueryClient = queryClient;
  setUnauthorizedHandler(expireSession);
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof buildRouter>;
  }
}
