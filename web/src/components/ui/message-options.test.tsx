// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n/i18n.ts';
import '../../lib/i18n/recidivism.bundle.ts';
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
