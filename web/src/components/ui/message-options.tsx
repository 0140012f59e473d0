import { useTranslation } from 'react-i18next';
import { type KeysUnder, textUnder } from '../../lib/section-texts.ts';
import { Options } from './select-field.tsx';

/**
 * One `<option>` per code, in the codes' order: the code held, the message at
 * `<textPrefix>.<code>` shown (a status, a kind, a method… named in the UI dictionary).
 */
export function MessageOptions<Prefix extends string>({
  codes,
  textPrefix,
}: {
  codes: readonly KeysUnder<Prefix>[];
  textPrefix: Prefix;
}) {
  const { t } = useTranslation();
  return <Options items={codes} value={(code) => code} label={(code) => textUnder(t, textPrefix, code)} />;
}
