import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
  useNavigate,
  useRouter,
} from '@tanstack/react-router';
import { useEffect } from 'react';
import { HomePage } from '../features/home/components/home-page.tsx';
import { OrganizationCreatePage } from '../features/organizations/components/organization-create-page.tsx';
import { OrganizationEditPage } from '../features/organizations/components/organization-edit-page.tsx';
import { OrganizationListPage } from '../features/organizations/components/organization-list-page.tsx';
import { sessionQueryKey, sessionQueryOptions } from '../features/session/api/get-session.ts';
import { signOut } from '../features/session/api/sign-out.ts';
import { SignInPage, type SignInReason } from '../features/session/components/sign-in-page.tsx';
import { UserCreatePage } from '../features/users/components/user-create-page.tsx';
import { UserEditPage } from '../features/users/components/user-edit-page.tsx';
import { UserListPage } from '../features/users/components/user-list-page.tsx';
import { setCsrfToken, setUnauthorizedHandler } from '../lib/api-client.ts';
import { releaseHeadingFocus, requestHeadingFocus } from '../lib/heading-focus.ts';
import { PublicLayout } from './public-layout.tsx';
import { RequirePermission } from './require-permission.tsx';
import { AppShell } from './shell.tsx';
import { ErrorPage, NotFoundPage } from './status-pages.tsx';

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

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: HomePage,
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

const organizationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/organizations/new',
  component: () => (
    <RequirePermission permission="organization.manage">
      <OrganizationCreatePage />
    </RequirePermission>
  ),
});

const organizationEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/organizations/$organizationId',
  component: function OrganizationEditRoute() {
    const { organizationId } = organizationEditRoute.useParams();
    return (
      <RequirePermission permission="organization.read">
        <OrganizationEditPage key={organizationId} organizationId={organizationId} />
      </RequirePermission>
    );
  },
});

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

const userNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users/new',
  component: () => (
    <RequirePermission permission="user.manage">
      <UserCreatePage />
    </RequirePermission>
  ),
});

const userEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users/$userId',
  component: function UserEditRoute() {
    const { userId } = userEditRoute.useParams();
    return (
      <RequirePermission permission="user.read">
        <UserEditPage key={userId} userId={userId} />
      </RequirePermission>
    );
  },
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
    appNotFoundRoute,
  ]),
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
