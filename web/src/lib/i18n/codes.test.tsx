// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { caseStages } from '../../../../src/domain/caseStage.ts';
import { householdFlags, issueCodes } from '../../../../src/domain/codeLists.ts';
import { CaseStageBadge } from '../../features/cases/components/case-stage-badge.tsx';
import { useCodeName } from '../code-names.ts';
import { codesEn } from './codes.en.ts';
import { codesJa } from './codes.ja.ts';
import { i18n } from './i18n.ts';

afterEach(() => {
  cleanup();
  void i18n.changeLanguage('ja');
});

function Sex({ code }: { code: string }) {
  const codeName = useCodeName();
  return <span>{codeName('sex', code)}</span>;
}

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('names of codes', () => {
  it('names every code of every list in both languages, the English without Japanese', () => {
    for (const [list, names] of Object.entries(codesJa)) {
      const english = codesEn[list as keyof typeof codesEn] as Record<string, string>;
      expect(Object.keys(english).sort(), list).toEqual(Object.keys(names).sort());
      for (const [code, name] of Object.entries(english)) {
        expect(name, `${list}.${code}`).not.toBe('');
        expect(japanese.test(name), `${list}.${code}: ${name}`).toBe(false);
      }
    }
  });

  it('takes the Japanese names from the code lists of src/domain', () => {
    expect(Object.keys(codesJa.caseStage)).toEqual([...caseStages]);
    expect(codesJa.householdFlag.doubleCare).toBe(householdFlags.find((f) => f.code === 'doubleCare')?.label);
    expect(Object.keys(codesJa.issue)).toHaveLength(issueCodes.length);
  });

  it('shows a case stage sent as a code in the language chosen', async () => {
    render(<CaseStageBadge stage="watching" />);
    expect(screen.getByText('見守り（同意待ち）')).toBeTruthy();
    cleanup();
    await i18n.changeLanguage('en');
    render(<CaseStageBadge stage="watching" />);
    expect(screen.getByText('Watching (awaiting consent)')).toBeTruthy();
  });

  it('names a code typed as a string, and shows an unknown code as itself', async () => {
    render(<Sex code="female" />);
    expect(screen.getByText('女性')).toBeTruthy();
    cleanup();
    await i18n.changeLanguage('en');
    render(<Sex code="female" />);
    expect(screen.getByText('Female')).toBeTruthy();
    cleanup();
    render(<Sex code="notACode" />);
    expect(screen.getByText('notACode')).toBeTruthy();
  });
});
