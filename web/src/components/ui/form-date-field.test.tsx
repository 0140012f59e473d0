// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n/i18n.ts';
import { FormDateField } from './form-date-field.tsx';

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
});
