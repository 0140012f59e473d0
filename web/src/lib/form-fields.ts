import { useTranslation } from 'react-i18next';
import { type KeysUnder, textUnder } from './section-texts.ts';

/** What one field may say differently from the form's convention. */
export type FieldWiringOptions<Prefix extends string> = {
  /** The key of the label under the form's text prefix, when it is not the field's name. */
  text?: KeysUnder<Prefix>;
  /** The key of the support text under the form's text prefix; none when left out. */
  support?: KeysUnder<Prefix>;
  /** The control's id, when it is not `<idPrefix>-<label key in kebab case>`. */
  id?: string;
};

/** A form's field wiring: `name`, and what it says differently from the form's convention. */
export type FieldWiring<FieldName extends string, Registration extends object, Prefix extends string> = <
  Name extends FieldName,
>(
  name: Name,
  ...[options]: Name extends KeysUnder<Prefix>
    ? [options?: FieldWiringOptions<Prefix>]
    : [options: FieldWiringOptions<Prefix> & { text: KeysUnder<Prefix> }]
) => Registration & { id: string; label: string; supportText?: string };

/** `longTermGoal` → `long-term-goal`, the way the forms spell their controls' ids. */
function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The wiring of a form's fields by one convention: field `name` gets the label at
 * `<textPrefix>.<name>` (or at `<textPrefix>.<text>` when the name is not itself a label key), the id
 * `<idPrefix>-<that label key in kebab case>`, the support text named by `support`, and what `bind`
 * gives it: its registration with the error to show (`registerField`, `fieldRegistrar`), the control
 * of a calendar field (`bindField`, `fieldBinder`), a search's filter (`filterBinder`), or a value
 * and its change.
 */
export function useFieldWiring<FieldName extends string, Registration extends object, Prefix extends string>(
  bind: (name: FieldName) => Registration,
  { idPrefix, textPrefix }: { idPrefix: string; textPrefix: Prefix },
): FieldWiring<FieldName, Registration, Prefix> {
  const { t } = useTranslation();
  const text = (key: string) => textUnder(t, textPrefix, key as KeysUnder<Prefix>);
  return (name: FieldName, options: { text?: string; support?: string; id?: string } = {}) => {
    const labelKey = options.text ?? name;
    return {
      id: options.id ?? `${idPrefix}-${kebabCase(labelKey)}`,
      label: text(labelKey),
      ...(options.support ? { supportText: text(options.support) } : {}),
      ...bind(name),
    };
  };
}
