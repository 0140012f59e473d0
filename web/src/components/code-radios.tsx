import type { UseFormRegisterReturn } from 'react-hook-form';
import { Radio } from './ui/radio.tsx';

/**
 * One radio button per entry of a code list (a method, a decision, a result), all bound to the same
 * form field; each button's id is `<idPrefix>-<code>`. Goes inside a `RadioGroup`.
 */
export function CodeRadios({
  codes,
  idPrefix,
  field,
}: {
  codes: readonly { code: string; label: string }[];
  idPrefix: string;
  field: UseFormRegisterReturn;
}) {
  return codes.map((item) => (
    <Radio key={item.code} id={`${idPrefix}-${item.code}`} value={item.code} label={item.label} {...field} />
  ));
}
