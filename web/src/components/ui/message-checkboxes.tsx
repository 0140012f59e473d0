import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type KeysUnder, textUnder } from '../../lib/section-texts.ts';
import { Checkbox } from './checkbox.tsx';

/**
 * One checkbox per code of a multiple choice, in the codes' order: the id `<idPrefix>-<code>`, the
 * code as its value, the message at `<textPrefix>.<code>` as its label, all bound to `registration`.
 */
export function MessageCheckboxes<Prefix extends string>({
  codes,
  textPrefix,
  idPrefix,
  registration,
}: {
  codes: readonly KeysUnder<Prefix>[];
  textPrefix: Prefix;
  idPrefix: string;
  registration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  return codes.map((code) => (
    <Checkbox
      key={code}
      id={`${idPrefix}-${code}`}
      value={code}
      label={textUnder(t, textPrefix, code)}
      {...registration}
    />
  ));
}
