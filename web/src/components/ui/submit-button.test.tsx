// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n/i18n.ts';
import { ApiError } from '../../lib/api-client.ts';
import { FormErrorSummary } from './error-summary.tsx';
import { SubmitButton } from './submit-button.tsx';

afterEach(cleanup);

describe('SubmitButton', () => {
  it('submits with its label, and says it is saving (refusing a second press) while busy', () => {
    const { rerender } = render(<SubmitButton busy={false}>記録する</SubmitButton>);
    const button = screen.getByRole('button', { name: '記録する' });
    expect(button.getAttribute('type')).toBe('submit');
    expect(button.getAttribute('aria-disabled')).toBeNull();
    rerender(<SubmitButton busy>記録する</SubmitButton>);
    expect(screen.getByRole('button').getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('button', { name: '記録する' })).toBeNull();
  });
});

describe('FormErrorSummary', () => {
  const refusal = new ApiError({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    code: 'validation.invalid',
    detail: '入力内容に誤りがあります。',
  });

  it('shows the refusal of the last attempt with the messages no field took', () => {
    render(<FormErrorSummary error={refusal} unplaced={['別の問題があります']} invalid />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('入力内容に誤りがあります。');
    expect(alert.textContent).toContain('別の問題があります');
  });

  it('asks to check the fields when only the fields are in error, and is absent otherwise', () => {
    const { rerender } = render(<FormErrorSummary error={null} invalid />);
    expect(screen.getByRole('alert')).toBeTruthy();
    rerender(<FormErrorSummary error={null} invalid={false} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
