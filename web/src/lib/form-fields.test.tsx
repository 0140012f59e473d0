// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TextField } from '../components/ui/text-field.tsx';
import { TextareaField } from '../components/ui/textarea-field.tsx';
import { useServerCheckedForm } from './form-errors.ts';
import { useFieldWiring } from './form-fields.ts';
import './i18n/casework.bundle.ts';

afterEach(cleanup);

type Values = { evaluation: string; leadOrganizationId: string };

const errors = { evaluation: { type: 'server', message: '評価を入力してください' } };

function CloseForm() {
  const { registerField } = useServerCheckedForm<Values>({
    defaultValues: { evaluation: '', leadOrganizationId: '' },
    errors,
    serverError: null,
    serverFields: ['evaluation', 'leadOrganizationId'],
  });
  const field = useFieldWiring(registerField, { idPrefix: 'case-close', textPrefix: 'cases.actions' });
  return (
    <form>
      <TextareaField {...field('evaluation', { support: 'evaluationSupport' })} required />
      <TextField {...field('leadOrganizationId', { text: 'lead' })} />
    </form>
  );
}

describe('useFieldWiring', () => {
  it('names each control, its label, support text and error by the form convention', () => {
    render(<CloseForm />);
    const evaluation = screen.getByLabelText(/評価/);
    expect(evaluation.id).toBe('case-close-evaluation');
    expect(evaluation.getAttribute('name')).toBe('evaluation');
    expect(evaluation.getAttribute('aria-invalid')).toBe('true');
    const described = (evaluation.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = described.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['評価を入力してください', '支援の経過と成果、残った課題を記入してください。']);
  });

  it('takes the label key, and the id with it, from `text` when the name is not a key', () => {
    render(<CloseForm />);
    const lead = screen.getByLabelText('主担当機関');
    expect(lead.id).toBe('case-close-lead');
    expect(lead.getAttribute('name')).toBe('leadOrganizationId');
    expect(lead.getAttribute('aria-describedby')).toBeNull();
  });
});
