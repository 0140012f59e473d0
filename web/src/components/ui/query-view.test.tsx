// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n/i18n.ts';
import { QueryView } from './query-view.tsx';

afterEach(cleanup);

function Names({ load }: { load: () => Promise<string[]> }) {
  const names = useQuery({ queryKey: ['names'], queryFn: load, retry: false });
  return <QueryView query={names}>{(data) => <p>{data.join('、')}</p>}</QueryView>;
}

function show(load: () => Promise<string[]>) {
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <Names load={load} />
    </QueryClientProvider>,
  );
}

describe('QueryView', () => {
  it('says it is loading, then draws the data', async () => {
    let resolve: (names: string[]) => void = () => {};
    show(() => new Promise((r) => (resolve = r)));
    expect(screen.getByRole('status').textContent).toBe('読み込み中です…');
    await act(async () => resolve(['城山', '桜島']));
    expect(await screen.findByText('城山、桜島')).toBeTruthy();
  });

  it('shows a failed load with a retry button that loads again', async () => {
    let calls = 0;
    show(async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return ['天文館'];
    });
    const retry = await screen.findByRole('button', { name: '再読み込み' });
    await act(async () => fireEvent.click(retry));
    expect(await screen.findByText('天文館')).toBeTruthy();
    expect(calls).toBe(2);
  });
});
