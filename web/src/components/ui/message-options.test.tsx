// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n/i18n.ts';
import '../../lib/i18n/recidivism.bundle.ts';
import { MessageCheckboxes } from './message-checkboxes.tsx';
import { MessageOptions } from './message-options.tsx';

afterEach(cleanup);

describe('MessageOptions', () => {
  it('holds each code and shows its message, in the order given', () => {
    render(
      <select aria-label="対応状況">
        <MessageOptions codes={['done', 'open']} textPrefix="recidivism.opinions.followUpStatus" />
      </select>,
    );
    const options = screen.getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((option) => [option.value, option.textContent])).toEqual([
      ['done', '対応済み'],
      ['open', '未対応'],
    ]);
  });
});

describe('MessageCheckboxes', () => {
  it('names each checkbox by its code’s message, with the id and value of the code', () => {
    const registration = {
      name: 'status',
      onChange: async () => undefined,
      onBlur: async () => undefined,
      ref: () => undefined,
    };
    render(
      <MessageCheckboxes
        codes={['open', 'done']}
        textPrefix="recidivism.opinions.followUpStatus"
        idPrefix="status"
        registration={registration}
      />,
    );
    const done = screen.getByLabelText('対応済み') as HTMLInputElement;
    expect(done.id).toBe('status-done');
    expect(done.value).toBe('done');
    expect(done.name).toBe('status');
    expect(screen.getAllByRole('checkbox')).toHaveLength(2);
  });
});
