// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n/i18n.ts';
import { DataTable } from './data-table.tsx';
import { Td, Th } from './table.tsx';

afterEach(cleanup);

type Row = { id: string; name: string; kind: string };

function table(rows: Row[]) {
  return (
    <DataTable
      caption="機関"
      captionDetail={`${rows.length}件`}
      columns={['名称', { label: '種別', className: 'min-w-36' }]}
      rows={rows}
      empty="登録されている機関はありません"
    >
      {(row) => (
        <tr key={row.id}>
          <Th scope="row">{row.name}</Th>
          <Td>{row.kind}</Td>
        </tr>
      )}
    </DataTable>
  );
}

describe('DataTable', () => {
  it('heads each column and draws one row per item', () => {
    render(
      table([
        { id: '1', name: '地域包括支援センター', kind: '委託' },
        { id: '2', name: '保護第一課', kind: '市' },
      ]),
    );
    const grid = screen.getByRole('table', { name: /機関/ });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['名称', '種別']);
    expect(within(grid).getByRole('columnheader', { name: '種別' }).className).toContain('min-w-36');
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['地域包括支援センター', '保護第一課']);
    expect(screen.queryByText('登録されている機関はありません')).toBeNull();
  });

  it('says the empty sentence in one cell spanning every column when there are no rows', () => {
    render(table([]));
    const cell = screen.getByText('登録されている機関はありません');
    expect(cell.tagName).toBe('TD');
    expect(cell.getAttribute('colspan')).toBe('2');
  });
});
