import { z } from 'zod';

export const idSchema = z.uuid();
export const idParamsSchema = z.object({ id: idSchema });

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text typed by a person: trimmed, no control characters except newline and tab. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !controlCharacters.test(value), { message: '制御文字は使えません' });
}
export function requiredText(max: number) {
  return text(max).pipe(z.string().min(1, { message: '入力してください' }));
}

/** Something a record names, by id and name: an organisation, a person, a resource, a programme… */
export const namedRefSchema = z.object({ id: idSchema, name: z.string() });
/** A user a record names (who recorded, reported, uploaded, answered…), by id and display name. */
export const userRefSchema = z.object({ id: idSchema, displayName: z.string() });

/** Optional typed text: trimmed; empty, null or missing becomes null. */
export function optionalText(max: number) {
  return text(max)
    .nullable()
    .optional()
    .transform((value) => value || null);
}

/** An input field that may be left out or null: left out, it is null. */
export function nullWhenMissing<T extends z.ZodType>(schema: T) {
  return schema
    .nullable()
    .optional()
    .transform((value) => value ?? null);
}

/** Whether no item of the list comes twice (for `.refine`). */
export const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

/** The text encoding a CSV export is written in. */
export const exportEncodingSchema = z.enum(['utf-8', 'shift_jis'], {
  message: '文字コードは utf-8 か shift_jis です',
});

/** A `?flag=true|false` query parameter, as a boolean (missing is false). */
export const flagQuery = z
  .enum(['true', 'false'], { message: 'true か false を指定してください' })
  .optional()
  .transform((value) => value === 'true');
