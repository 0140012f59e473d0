import { describe, expect, it } from 'vitest';
import { keysetPagesOptions, withPage } from './keyset-pages.ts';

describe('withPage', () => {
  it('adds the limit after the list’s own parameters, and the cursor after the first page', () => {
    expect(withPage(new URLSearchParams({ status: 'pending' }), 20, undefined).toString()).toBe(
      'status=pending&limit=20',
    );
    expect(withPage(new URLSearchParams(), 50, 'abc').toString()).toBe('limit=50&cursor=abc');
  });
});

describe('keysetPagesOptions', () => {
  type Page = { items: string[]; nextCursor: string | null };
  const options = keysetPagesOptions(
    ['things'],
    async (cursor): Promise<Page> => ({ items: cursor ? [cursor] : [], nextCursor: null }),
  );

  it('starts without a cursor and asks for the next page only while the last one names it', () => {
    expect(options.initialPageParam).toBeUndefined();
    const next = options.getNextPageParam;
    expect(next({ items: [], nextCursor: 'n2' }, [], undefined, [])).toBe('n2');
    expect(next({ items: [], nextCursor: null }, [], undefined, [])).toBeUndefined();
  });
});
