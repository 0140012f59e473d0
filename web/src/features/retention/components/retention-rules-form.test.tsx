// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../lib/i18n/i18n.ts';
import { describedTexts } from '../../../test-support/described-texts.ts';
import { validationRefusal } from '../../../test-support/problems.ts';
import { RetentionRulesForm, yearsOf } from './retention-rules-form.tsx';

afterEach(cleanup);

const rules = { caseYears: 5, consultationYears: 5, personYears: 5 };

const save = () =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '保存する' }));
  });

describe('RetentionRulesForm', () => {
  it('reads full-width digits and refuses what is not a whole number of years, in Japanese', () => {
    expect(yearsOf('１０')).toBe(10);
    expect(yearsOf(' 7 ')).toBe(7);
    expect(yearsOf('')).toBeNaN();
    expect(yearsOf('五')).toBeNaN();
  });

  it('shows the schema’s Japanese messages on the fields and sends nothing', async () => {
    const onSubmit = vi.fn();
    render(<RetentionRulesForm rules={rules} saving={false} error={null} onSubmit={onSubmit} />);
    const caseYears = screen.getByLabelText(/^支援ケースの保存期間/);
    const personYears = screen.getByLabelText(/^本人情報の保存期間/);
    expect((caseYears as HTMLInputElement).value).toBe('5');
    fireEvent.change(caseYears, { target: { value: '0' } });
    fireEvent.change(personYears, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(/^相談記録の保存期間/), { target: { value: '2.5' } });
    await save();
    await waitFor(() => expect(caseYears.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(caseYears)).toContain('支援ケースの保存期間は1年以上にしてください');
    expect(describedTexts(personYears)).toContain('本人情報の保存期間を年数で入力してください');
    expect(describedTexts(screen.getByLabelText(/^相談記録の保存期間/))).toContain(
      '相談記録の保存期間は整数の年数で入力してください',
    );
    expect(screen.getByRole('alert').textContent).toContain('入力内容を確認してください');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the periods as numbers, full-width digits included', async () => {
    const onSubmit = vi.fn();
    render(<RetentionRulesForm rules={rules} saving={false} error={null} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText(/^本人情報の保存期間/), { target: { value: '１０' } });
    await save();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ caseYears: 5, consultationYears: 5, personYears: 10 });
  });

  it('places the server’s field errors of a 400 on the fields', async () => {
    const error = validationRefusal([
      { field: 'body.caseYears', code: 'too_big', message: '支援ケースの保存期間は100年以下にしてください' },
    ]);
    render(<RetentionRulesForm rules={rules} saving={false} error={error} onSubmit={() => undefined} />);
    const caseYears = screen.getByLabelText(/^支援ケースの保存期間/);
    await waitFor(() => expect(caseYears.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(caseYears)).toContain('支援ケースの保存期間は100年以下にしてください');
  });
});
