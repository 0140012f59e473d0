import type { ComponentProps } from 'react';
import type { Code } from '../../../../src/domain/codeLists.ts';
import { Field, type FieldTexts, splitFieldProps } from './form-control.tsx';

export type SelectFieldProps = Omit<ComponentProps<'select'>, 'id' | 'required'> &
  FieldTexts & { id?: string };

/** A DADS select: native `<select>` (keyboard and screen-reader friendly) with label, support and error text. */
export function SelectField({ className, children, ...props }: SelectFieldProps) {
  const { field, control: rest } = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <div className="relative w-full max-w-[40rem]">
          <select
            {...control}
            className={`h-14 w-full appearance-none rounded-8 border border-solid-gray-600 bg-white py-3 pr-12 pl-4 text-oln-16N-100 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1 ${className ?? ''}`}
            {...rest}
          >
            {children}
          </select>
          <svg
            aria-hidden="true"
            focusable="false"
            className="pointer-events-none absolute top-1/2 right-4 size-4 -translate-y-1/2 text-solid-gray-800"
            viewBox="0 0 16 16"
          >
            <path fill="currentColor" d="M8 11.5 2.5 6l1.1-1.1L8 9.3l4.4-4.4L13.5 6z" />
          </svg>
        </div>
      )}
    </Field>
  );
}

/** One `<option>` per item, in the items' order: `value` is what the select holds, `label` what it shows. */
export function Options<Item>({
  items,
  value,
  label,
}: {
  items: readonly Item[];
  value: (item: Item) => string;
  label: (item: Item) => string;
}) {
  return items.map((item) => (
    <option key={value(item)} value={value(item)}>
      {label(item)}
    </option>
  ));
}

/** One `<option>` per record (an organisation, a person, a resource…): its id held, its name shown. */
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] }) {
  return <Options items={items} value={(item) => item.id} label={(item) => item.name} />;
}

/** The options of a code list (`src/domain/codeLists.ts`), each named by its label. */
export function CodeOptions({ codes }: { codes: readonly Code[] }) {
  return <Options items={codes} value={(c) => c.code} label={(c) => c.label} />;
}

/**
 * A search filter's select: its first choice (the empty value) is 「指定なし」-like `anyLabel`, and
 * choosing it answers `undefined` (no filter).
 */
export function FilterSelectField({
  anyLabel,
  value,
  onValueChange,
  children,
  ...rest
}: Omit<SelectFieldProps, 'value' | 'onChange'> & {
  anyLabel: string;
  value: string | undefined;
  onValueChange: (value: string | undefined) => void;
}) {
  return (
    <SelectField
      {...rest}
      value={value ?? ''}
      onChange={(event) => onValueChange(event.currentTarget.value || undefined)}
    >
      <option value="">{anyLabel}</option>
      {children}
    </SelectField>
  );
}
