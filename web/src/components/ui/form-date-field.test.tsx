// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n/i18n.ts';
import { FormDateField, FormDoneOnField } from './form-date-field.tsx';

afterEach(cleanup);

function Harness() {
  const form = useForm<{ conductedOn: string }>({ defaultValues: { conductedOn: '2026-11-27' } });
  const value = form.watch('conductedOn');
  return (
    <>
      <FormDateField control={form.control} name="conductedOn" id="d" label="実施日" />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  );
}

let doneOnForm: UseFormReturn<{ supportedOn: string }> | undefined;

function DoneOn() {
  const form = useForm<{ supportedOn: string }>({ defaultValues: { supportedOn: '2026-11-27' } });
  doneOnForm = form;
  return <FormDoneOnField control={form.control} name="supportedOn" id="s" label="支援日" />;
}

describe('FormDateField', () => {
  it('shows the form’s date in 和暦, writes what is typed back as YYYY-MM-DD, and an empty box as ""', () => {
    render(<Harness />);
    const input = screen.getByLabelText('実施日');
    expect(input).toHaveProperty('value', '令和8年11月27日');
    fireEvent.change(input, { target: { value: 'R7.4.1' } });
    expect(screen.getByTestId('value').textContent).toBe('"2025-04-01"');
    fireEvent.change(input, { target: { value: '' } });
    expect(screen.getByTestId('value').textContent).toBe('""');
  });

  it('shows the error the form holds for its field, and a done-on date is required and not in the future', () => {
    render(<DoneOn />);
    const input = screen.getByLabelText(/^支援日/);
    expect(input.getAttribute('aria-required')).toBe('true');
    act(() => doneOnForm?.setError('supportedOn', { type: 'server', message: '支援日を確認してください' }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('s-error')?.textContent).toBe('支援日を確認してください');
  });
});
