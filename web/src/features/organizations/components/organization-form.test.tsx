// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../lib/i18n/i18n.ts';
import { describedTexts } from '../../../test-support/described-texts.ts';
import { validationRefusal } from '../../../test-support/problems.ts';
import { emptyOrganizationValues, OrganizationForm } from './organization-form.tsx';

afterEach(cleanup);

describe('OrganizationForm', () => {
  it('validates in the browser with the shared schema and ties the messages to the fields', async () => {
    const onSubmit = vi.fn();
    render(
      <OrganizationForm
        defaultValues={emptyOrganizationValues}
        submitLabel="登録する"
        submitting={false}
        error={null}
        onSubmit={onSubmit}
        cancel={null}
      />,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '登録する' }));
    });
    const name = screen.getByLabelText(/^名称/);
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(name)).toEqual(['入力してください']);
    expect(describedTexts(screen.getByLabelText(/^種別/))).toEqual(['種別を選んでください']);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('places the server field errors of a 400 on the matching fields', async () => {
    const error = validationRefusal([
      { field: 'contact.email', code: 'invalid_format', message: 'メールアドレスの形式が正しくありません' },
      { field: 'somethingElse', code: 'custom', message: '別の問題があります' },
    ]);
    render(
      <OrganizationForm
        defaultValues={{ ...emptyOrganizationValues, name: '福祉課', kind: 'citySection' }}
        submitLabel="登録する"
        submitting={false}
        error={error}
        onSubmit={() => undefined}
        cancel={null}
      />,
    );
    const email = screen.getByLabelText('メールアドレス');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(email)).toEqual(['メールアドレスの形式が正しくありません']);
    expect(document.activeElement).toBe(email);
    // The summary carries the problem's sentence and the error that matches no field.
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('入力内容に誤りがあります。');
    expect(alert.textContent).toContain('別の問題があります');
  });
});
