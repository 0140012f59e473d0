/** The filters of a search that hold text (a code, an id, a name), which a select may choose. */
type TextKeys<Values> = {
  [Key in keyof Values]-?: Values[Key] extends string | undefined ? Key : never;
}[keyof Values] &
  string;

/**
 * `bind(key)` for the selects of a search (`FilterSelectField`): the filter's value in `values`, a
 * choice sent to `onChange` as `{ [key]: value }` (undefined for 「指定なし」), whose text is `anyLabel`.
 * With `useFieldWiring` it gives each select its id and label too.
 */
export function filterBinder<Values extends object>(
  values: Values,
  onChange: (patch: Partial<Values>) => void,
  anyLabel: string,
) {
  return (key: TextKeys<Values>) => ({
    anyLabel,
    value: values[key] as string | undefined,
    // the select offers only the filter's own values, so its choice is one of them
    onValueChange: (value: string | undefined) => onChange({ [key]: value } as Partial<Values>),
  });
}
