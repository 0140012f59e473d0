// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n/i18n.ts';
import { CalendarDateField, CalendarDateTimeField } from './calendar-date-field.tsx';

afterEach(cleanup);

function DateHarness({ notAfter, initial }: { notAfter?: string; initial?: string }) {
  const [value, setValue] = useState<string | undefined>(initial);
  return (
    <>
      <CalendarDateField id="d" label="実施日" value={value} onChange={setValue} notAfter={notAfter} />
      <output data-testid="value">{value ?? '(none)'}</output>
    </>
  );
}

function DateTimeHarness() {
  const [value, setValue] = useState<string | undefined>();
  return (
    <>
      <CalendarDateTimeField id="dt" legend="開催日時" value={value} onChange={setValue} />
      <output data-testid="value">{value ?? '(none)'}</output>
    </>
  );
}

describe('CalendarDateField', () => {
  it('shows a stored date in 和暦 and hands the form YYYY-MM-DD for 和暦 or 西暦 input', () => {
    render(<DateHarness initial="2026-11-27" />);
    const input = screen.getByLabelText('実施日');
    expect(input).toHaveProperty('value', '令和8年11月27日');
    fireEvent.change(input, { target: { value: 'R7.4.1' } });
    expect(screen.getByTestId('value').textContent).toBe('2025-04-01');
    expect(document.getElementById('d-echo')?.textContent).toContain('令和7年4月1日〔2025年〕');
    fireEvent.change(input, { target: { value: '' } });
    expect(screen.getByTestId('value').textContent).toBe('(none)');
  });

  it('says why a date cannot be read once the field is left, and passes the text on unparsed', () => {
    render(<DateHarness />);
    const input = screen.getByLabelText('実施日');
    fireEvent.change(input, { target: { value: '平成31年5月1日' } });
    expect(screen.getByTestId('value').textContent).toBe('平成31年5月1日');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('d-error')?.textContent).toContain('令和元年5月1日');
    expect(input.getAttribute('aria-describedby')).toContain('d-error');
  });

  it('refuses a date after notAfter', () => {
    render(<DateHarness notAfter="2026-11-27" />);
    const input = screen.getByLabelText('実施日');
    fireEvent.change(input, { target: { value: '2026-11-28' } });
    fireEvent.blur(input);
    expect(screen.getByTestId('value').textContent).toBe('2026-11-28');
    expect(document.getElementById('d-error')?.textContent).toBe('未来の日付は入力できません。');
  });
});

describe('CalendarDateTimeField', () => {
  it('combines the date and a 24-hour time into one Japan-time instant', () => {
    render(<DateTimeHarness />);
    fireEvent.change(screen.getByLabelText('日付'), { target: { value: '令和8年12月1日' } });
    expect(screen.getByTestId('value').textContent).toBe('2026-12-01T');
    fireEvent.change(screen.getByLabelText('時刻'), { target: { value: '14時30分' } });
    expect(screen.getByTestId('value').textContent).toBe('2026-12-01T14:30:00+09:00');
    fireEvent.change(screen.getByLabelText('時刻'), { target: { value: '９：０５' } });
    expect(screen.getByTestId('value').textContent).toBe('2026-12-01T09:05:00+09:00');
    fireEvent.change(screen.getByLabelText('時刻'), { target: { value: '25:00' } });
    fireEvent.blur(screen.getByLabelText('時刻'));
    expect(screen.getByText('時刻は24時間制で入力してください（例：14:00）。')).toBeTruthy();
  });
});
