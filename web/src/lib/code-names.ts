import { useTranslation } from 'react-i18next';
import { codesEn } from './i18n/codes.en.ts';
import { type CodeMessages, codesJa } from './i18n/codes.ja.ts';

export type CodeList = keyof CodeMessages;

/**
 * Names a code the API sent (a sex, a relation, a consultation channel …) in the UI language, from
 * the `codes` catalogues. For codes typed as plain strings; where the type is the code union,
 * `t(\`codes.<list>.${code}\`)` says the same. An unknown code is shown as itself.
 */
export function useCodeName(): (list: CodeList, code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const names = i18n.resolvedLanguage === 'en' ? codesEn : codesJa;
  return (list, code) => (code ? ((names[list] as Record<string, string>)[code] ?? code) : '');
}
