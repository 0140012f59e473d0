// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import { TextField } from '../components/ui/text-field.tsx';
import { validationRefusal } from '../test-support/problems.ts';
import { useServerFieldErrors } from './form-errors.ts';
import './i18n/i18n.ts';

afterEach(cleanup);

type Values = { reason: string; rows: { note: string }[] };

function ReasonForm({ error, rowCount }: { error: unknown; rowCount: number }) {
  const form = useForm<Values>({
    defaultValues: { reason: '', rows: Array.from({ length: rowCount }, () => ({ note: '' })) },
  });
  const unplaced = useServerFieldErrors<Values>(error, form, () => [
    'reason',
    ...Array.from({ length: rowCount }, (_row, index) => `rows.${index}.note` as const),
  ]);
  const errors = form.formState.errors;
  return (
    <form>
      <TextField id="reason" label="理由" error={errors.reason?.message} {...form.register('reason')} />
      {Array.from({ length: rowCount }, (_row, index) => (
        <TextField
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions in this test form
          key={index}
          id={`note-${index}`}
          label={`備考${index + 1}`}
          error={errors.rows?.[index]?.note?.message}
          {...form.register(`rows.${index}.note`)}
        />
      ))}
      <ul aria-label="その他の誤り">
        {unplaced.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </form>
  );
}

const problem = validationRefusal([
  { field: '/rows/1/note', code: 'too_big', message: '備考は200文字以内です' },
  { field: 'reason', code: 'too_small', message: '理由を入力してください' },
  { field: 'elsewhere', code: 'custom', message: '別の問題があります' },
]);

describe('useServerFieldErrors', () => {
  it('puts the field errors on their fields (rows read when the error comes), focuses one, returns the rest', async () => {
    const { rerender } = render(<ReasonForm error={null} rowCount={2} />);
    expect(screen.getByRole('list', { name: 'その他の誤り' }).children).toHaveLength(0);
    rerender(<ReasonForm error={problem} rowCount={2} />);
    const note = screen.getByLabelText('備考2');
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('理由').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(note);
    expect(screen.getByRole('list', { name: 'その他の誤り' }).textContent).toBe('別の問題があります');
  });

  it('forgets the unplaced errors when the error goes (a new attempt)', async () => {
    const { rerender } = render(<ReasonForm error={problem} rowCount={1} />);
    await waitFor(() => expect(screen.getByRole('list', { name: 'その他の誤り' }).children).toHaveLength(2));
    rerender(<ReasonForm error={null} rowCount={1} />);
    await waitFor(() => expect(screen.getByRole('list', { name: 'その他の誤り' }).children).toHaveLength(0));
  });
});
