// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../lib/i18n/i18n.ts';
import {
  type ConsultationListFilter,
  consultationFilterParams,
  parseConsultationFilter,
} from '../consultation-filter.ts';
import { ConsultationFilterForm } from './consultation-filter-form.tsx';

afterEach(cleanup);

const counters = [
  { id: '0b9c5f0e-6a55-4b8e-9d0e-3f1f6a2b7c01', name: '地域包括支援センター' },
  { id: '0b9c5f0e-6a55-4b8e-9d0e-3f1f6a2b7c02', name: '障害者相談支援事業所' },
];

const select = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const type = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const search = () =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '検索する' }));
  });

describe('ConsultationFilterForm', () => {
  it('reads the period in 和暦 or 西暦 and hands the whole filter on, which round-trips through the address', async () => {
    const onFilterChange = vi.fn();
    render(<ConsultationFilterForm filter={{}} counters={counters} onFilterChange={onFilterChange} />);
    type(/^受付日（開始）/, '令和8年4月1日');
    // what the date was read as is said under the box
    expect(screen.getByText('西暦 2026年4月1日')).toBeTruthy();
    type(/^受付日（終了）/, '2026-09-30');
    select(/^受付機関/, counters[1]?.id ?? '');
    select(/^相談経路/, 'phone');
    select(/^相談内容/, 'debt');
    select(/^対応/, 'referral');
    select(/^状態で絞り込む/, 'referred');
    await search();
    const filter: ConsultationListFilter = {
      from: '2026-04-01',
      to: '2026-09-30',
      organizationId: counters[1]?.id,
      channel: 'phone',
      topic: 'debt',
      outcome: 'referral',
      status: 'referred',
    };
    expect(onFilterChange).toHaveBeenCalledWith(filter);
    // the same filter is what the address keeps and what the API is asked
    expect(parseConsultationFilter(Object.fromEntries(consultationFilterParams(filter)))).toEqual(filter);
  });

  it('refuses a period it cannot read or that ends before it starts, on the field and in a summary', async () => {
    const onFilterChange = vi.fn();
    render(<ConsultationFilterForm filter={{}} counters={counters} onFilterChange={onFilterChange} />);
    type(/^受付日（開始）/, '令和8年10月1日');
    type(/^受付日（終了）/, '令和8年9月1日');
    await search();
    expect(onFilterChange).not.toHaveBeenCalled();
    const to = screen.getByLabelText(/^受付日（終了）/);
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(to);
    expect(
      screen.getAllByText(/受付日（終了）は受付日（開始）と同じかそれより後の日付にしてください/).length,
    ).toBeGreaterThan(0);

    type(/^受付日（終了）/, 'きのう');
    await search();
    expect(onFilterChange).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^受付日（終了）/).getAttribute('aria-invalid')).toBe('true');
  });

  it('starts from the filter in the address, dates shown in 和暦, and clears it', async () => {
    const onFilterChange = vi.fn();
    render(
      <ConsultationFilterForm
        filter={{ from: '2026-04-01', channel: 'visit', organizationId: counters[0]?.id }}
        counters={counters}
        onFilterChange={onFilterChange}
      />,
    );
    expect((screen.getByLabelText(/^受付日（開始）/) as HTMLInputElement).value).toBe('令和8年4月1日');
    expect((screen.getByLabelText(/^相談経路/) as HTMLSelectElement).value).toBe('visit');
    expect((screen.getByLabelText(/^受付機関/) as HTMLSelectElement).value).toBe(counters[0]?.id);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '条件をクリア' }));
    });
    expect(onFilterChange).toHaveBeenCalledWith({});
  });

  it('keeps only the address fields the API would accept', () => {
    expect(
      parseConsultationFilter({ from: '2026-13-01', channel: 'fax', topic: 'care', outcome: 'handover' }),
    ).toEqual({ topic: 'care', outcome: 'handover' });
    // a period ending before it starts keeps its start
    expect(parseConsultationFilter({ from: '2026-10-01', to: '2026-09-01' })).toEqual({ from: '2026-10-01' });
  });
});
