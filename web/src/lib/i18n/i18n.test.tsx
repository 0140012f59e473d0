// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { problemCodes } from '../../../../src/contract/problem.ts';
import { Checkbox } from '../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../components/ui/checkbox-group.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { accountJa } from './account.ja.ts';
import { adminJa } from './admin.ja.ts';
import { caseworkJa } from './casework.ja.ts';
import { codesJa } from './codes.ja.ts';
import { en } from './en.ts';
import { formsJa } from './forms.ja.ts';
import { i18n } from './i18n.ts';
import { ja as firstLoad, type Messages } from './ja.ts';
import { participationJa } from './participation.ja.ts';
import { recidivismJa } from './recidivism.ja.ts';
import { resourcesJa } from './resources.ja.ts';
import { retentionJa } from './retention.ja.ts';
import { statsJa } from './stats.ja.ts';

/**
 * Japanese as a signed-in user may need it: the first load and the page dictionaries that come
 * with their pages (typed `Messages`, so a dictionary left out here is a type error).
 */
const ja: Messages = {
  ...firstLoad,
  ...caseworkJa,
  ...adminJa,
  ...accountJa,
  codes: codesJa,
  forms: formsJa,
  participation: participationJa,
  recidivism: recidivismJa,
  resources: resourcesJa,
  retention: retentionJa,
  stats: statsJa,
};

/** Every leaf key as a dotted path, e.g. `problem.auth.locked`. */
function leafKeys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

function leafValues(messages: object): string[] {
  return Object.values(messages).flatMap((value) =>
    typeof value === 'string' ? [value] : leafValues(value as object),
  );
}

afterEach(() => {
  cleanup();
  void i18n.changeLanguage('ja');
});

describe('message catalogues', () => {
  it('have exactly the same keys in Japanese and English', () => {
    const jaKeys = leafKeys(ja).sort();
    const enKeys = leafKeys(en).sort();
    expect(jaKeys.length).toBeGreaterThan(50);
    expect(enKeys).toEqual(jaKeys);
  });

  it('have no empty messages', () => {
    expect(leafValues(ja).filter((value) => value.trim() === '')).toEqual([]);
    expect(leafValues(en).filter((value) => value.trim() === '')).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const flat = (messages: object, prefix = ''): [string, string][] =>
      Object.entries(messages).flatMap(([key, value]): [string, string][] =>
        typeof value === 'string' ? [[`${prefix}${key}`, value]] : flat(value as object, `${prefix}${key}.`),
      );
    const english = new Map(flat(en));
    for (const [key, text] of flat(ja))
      expect(variables(english.get(key) ?? ''), key).toEqual(variables(text));
  });

  it('have a message for every problem code the API sends, in both languages', () => {
    for (const code of problemCodes) {
      expect(i18n.exists(`problem.${code}`, { lng: 'ja' }), code).toBe(true);
      expect(i18n.exists(`problem.${code}`, { lng: 'en' }), code).toBe(true);
    }
  });

  it('resolve API problem codes as keys, Japanese first', () => {
    expect(i18n.language).toBe('ja');
    expect(i18n.exists('problem.auth.locked')).toBe(true);
    expect(i18n.t('problem.conflict.loginIdTaken')).toBe(ja.problem.conflict.loginIdTaken);
  });

  it('switches language and keeps <html lang> in step', async () => {
    await i18n.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('nav.organizations')).toBe('Organisations');
    await i18n.changeLanguage('ja');
    expect(document.documentElement.lang).toBe('ja');
    expect(i18n.t('nav.organizations')).toBe('組織管理');
  });
});

describe('TextField', () => {
  it('links its visible label to the input and marks it required in text', () => {
    render(<TextField label="ログインID" required supportText="半角英数字で入力してください" />);
    const input = screen.getByLabelText(/ログインID/);
    expect(input.tagName).toBe('INPUT');
    const label = document.querySelector(`label[for="${input.id}"]`);
    expect(label?.textContent).toContain('ログインID');
    expect(label?.textContent).toContain('※必須');
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(input.hasAttribute('placeholder')).toBe(false);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    const described = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(described).toHaveLength(1);
    expect(document.getElementById(described[0] ?? '')?.textContent).toBe('半角英数字で入力してください');
  });

  it('ties the error text to the input with aria-describedby and aria-invalid', () => {
    render(
      <TextField
        id="pw"
        label="パスワード"
        supportText="12文字以上"
        error="パスワードは12文字以上にしてください"
      />,
    );
    const input = screen.getByLabelText('パスワード');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = described.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['パスワードは12文字以上にしてください', '12文字以上']);
    expect(screen.getByText('パスワードは12文字以上にしてください').id).toBe('pw-error');
  });
});

describe('CheckboxGroup', () => {
  it('names the group with a legend and describes it with its error', () => {
    render(
      <CheckboxGroup legend="役割" required error="役割を1つ以上選んでください">
        <Checkbox label="管理者" value="admin" />
        <Checkbox label="監査担当" value="auditor" />
      </CheckboxGroup>,
    );
    const group = screen.getByRole('group', { name: /役割/ });
    const errorId = group.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe('役割を1つ以上選んでください');
    const box = screen.getByLabelText('管理者');
    expect(box.getAttribute('type')).toBe('checkbox');
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });
});
