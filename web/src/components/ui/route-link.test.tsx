// @vitest-environment happy-dom
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RouteLink } from './route-link.tsx';
import { textLinkClassName } from './text-link.ts';

afterEach(cleanup);

function renderAt(element: () => ReactNode) {
  const root = createRootRoute();
  const page = createRoute({ getParentRoute: () => root, path: '/', component: element });
  const router = createRouter({
    routeTree: root.addChildren([page]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  render(<RouterProvider router={router} />);
}

describe('RouteLink', () => {
  it('is a plain link to the route, drawn as DADS link text', async () => {
    renderAt(() => <RouteLink to="/cases">事例一覧</RouteLink>);
    const link = await screen.findByRole('link', { name: '事例一覧' });
    expect(link.getAttribute('href')).toBe('/cases');
    expect(link.getAttribute('class')).toBe(textLinkClassName);
  });

  it('adds a class given to the look, as the router adds `active` to a link to the page shown', async () => {
    renderAt(() => (
      <RouteLink to="/cases" className="text-std-16B-170">
        事例一覧
      </RouteLink>
    ));
    expect((await screen.findByRole('link', { name: '事例一覧' })).getAttribute('class')).toBe(
      `${textLinkClassName} text-std-16B-170`,
    );
    cleanup();
    renderAt(() => <RouteLink to="/">ホーム</RouteLink>);
    const home = await screen.findByRole('link', { name: 'ホーム' });
    expect(home.getAttribute('class')).toBe(`${textLinkClassName} active`);
    expect(home.getAttribute('aria-current')).toBe('page');
  });
});
