// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n/i18n.ts';
import { type PagedQuery, ShowMore } from './show-more.tsx';

afterEach(cleanup);

function query(overrides: Partial<PagedQuery>): PagedQuery & { fetched: number } {
  const state = {
    hasNextPage: true,
    isFetchingNextPage: false,
    fetched: 0,
    fetchNextPage: () => {
      state.fetched += 1;
    },
    ...overrides,
  };
  return state;
}

describe('ShowMore', () => {
  it('loads the next page when pressed', () => {
    const q = query({});
    render(<ShowMore query={q} label="さらに表示" />);
    fireEvent.click(screen.getByRole('button', { name: 'さらに表示' }));
    expect(q.fetched).toBe(1);
  });

  it('says it is loading (marked busy) while the next page is on its way', () => {
    render(
      <ShowMore
        query={query({ isFetchingNextPage: true })}
        label="さらに表示"
        loadingLabel="読み込んでいます…"
      />,
    );
    const button = screen.getByRole('button', { name: '読み込んでいます…' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
  });

  it('is absent when there is no next page', () => {
    render(<ShowMore query={query({ hasNextPage: false })} label="さらに表示" />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
