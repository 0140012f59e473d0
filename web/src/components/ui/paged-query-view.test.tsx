// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n/i18n.ts';
import { type PagedListQuery, PagedQueryView } from './paged-query-view.tsx';

afterEach(cleanup);

function query(overrides: Partial<PagedListQuery<string>>): PagedListQuery<string> {
  return {
    data: undefined,
    isPending: false,
    isError: false,
    error: null,
    refetch: () => undefined,
    hasNextPage: false,
    isFetchingNextPage: false,
    fetchNextPage: () => undefined,
    ...overrides,
  };
}

function show(q: PagedListQuery<string>) {
  render(
    <PagedQueryView query={q} moreLabel="さらに表示">
      {(items) => <p>{items.join('、')}</p>}
    </PagedQueryView>,
  );
}

describe('PagedQueryView', () => {
  it('says it is loading until the first page comes', () => {
    show(query({ isPending: true }));
    expect(screen.getByRole('status').textContent).toBe('読み込み中です…');
  });

  it('shows a failed first page with a retry button', () => {
    show(query({ isError: true, error: new Error('offline') }));
    expect(screen.getByRole('button', { name: '再読み込み' })).toBeTruthy();
  });

  it('draws the items of every page loaded, and 「さらに表示」 while there is a next page', () => {
    show(query({ data: { pages: [{ items: ['城山'] }, { items: ['桜島'] }] }, hasNextPage: true }));
    expect(screen.getByText('城山、桜島')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'さらに表示' })).toBeTruthy();
  });

  it('keeps the loaded rows when a next page fails', () => {
    show(query({ data: { pages: [{ items: ['天文館'] }] }, isError: true, error: new Error('offline') }));
    expect(screen.getByText('天文館')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '再読み込み' })).toBeNull();
  });
});
