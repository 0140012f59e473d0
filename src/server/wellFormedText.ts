import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problem.ts';

/**
 * An unpaired UTF-16 surrogate or a NUL: JSON and URLs can carry them (`"\ud800"`, `"\u0000"`,
 * `%00`), PostgreSQL text and jsonb cannot, and no person types them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const loneSurrogate = /[\p{Cs}\u0000]/u;

/** The path of the first string (or key) in a parsed JSON value that holds an unpaired surrogate or NUL. */
export function findMalformedText(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | undefined {
  if (typeof value === 'string') return loneSurrogate.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findMalformedText(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (loneSurrogate.test(key)) return [...path, key];
      const found = findMalformedText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Refuse, before any route sees it, a query or JSON body holding text PostgreSQL cannot store
 * (NUL, or Unicode that is not well-formed): a 400 naming the field instead of a database error.
 */
export function installWellFormedText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const inQuery = findMalformedText(request.query);
    const path = inQuery ? ['クエリ', ...inQuery] : findMalformedText(request.body);
    if (!path) return;
    const field = path.join('.');
    const message = '文字として扱えないデータ（NUL文字または不正なサロゲート）が含まれています';
    throw new HttpProblem(
      400,
      'validation.invalid',
      `入力内容に誤りがあります。${field || '(本文)'}: ${message}`,
      [{ field, code: 'malformedText', message }],
    );
  });
}
