import { currentLanguage } from '../../lib/i18n/i18n.ts';
import { formatFiscalYear } from '../../lib/wareki.ts';
import { Options, SelectField } from './select-field.tsx';

/** A choice of one 年度 within `period` (its `from` and `to` both included), each named in the chosen language. */
export function FiscalYearSelect({
  id,
  label,
  period: { from, to },
  value,
  onChange,
}: {
  id: string;
  label: string;
  /** The first and last 年度 to offer (a plan's period). */
  period: { from: number; to: number };
  value: number;
  onChange: (fiscalYear: number) => void;
}) {
  const language = currentLanguage();
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <SelectField
      id={id}
      label={label}
      value={String(value)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
    >
      <Options items={years} value={String} label={(y) => formatFiscalYear(y, language)} />
    </SelectField>
  );
}
