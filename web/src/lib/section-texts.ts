import type { TFunction } from 'i18next';
import type { Messages } from './i18n/ja.ts';

/** The section of the UI dictionary at a dotted path (`a.b` is the section b of the section a). */
type SectionAt<Section, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof Section
    ? SectionAt<Section[Head], Rest>
    : never
  : Path extends keyof Section
    ? Section[Path]
    : never;

/** The messages of the UI dictionary under `Prefix.`, by their last key (`wishes` for plans.wishes). */
export type KeysUnder<Prefix extends string> = {
  [Key in keyof SectionAt<Messages, Prefix>]: SectionAt<Messages, Prefix>[Key] extends string ? Key : never;
}[keyof SectionAt<Messages, Prefix>] &
  string;

/**
 * The message at `<prefix>.<key>`. The key is checked where it is named (`KeysUnder`), so `t` takes
 * the joined key as a plain string.
 */
export function textUnder<Prefix extends string>(
  t: TFunction,
  prefix: Prefix,
  key: KeysUnder<Prefix>,
): string {
  return (t as unknown as (key: string) => string)(`${prefix}.${key}`);
}

/** The messages at `<prefix>.<key>` for each key, in order: a table's column headers, say. */
export function textsUnder<Prefix extends string>(
  t: TFunction,
  prefix: Prefix,
  keys: readonly KeysUnder<Prefix>[],
): string[] {
  return keys.map((key) => textUnder(t, prefix, key));
}
