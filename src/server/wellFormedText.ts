import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problem.ts';

/** An unpaired UTF-16 surrogate: JSON can carry one (`"\ud800"`), UTF-8 and PostgreSQL cannot. */
const loneSurrogate = /\p{Cs}/u;

/** The path of the first string (or key) in a parsed JSON value that holds an unpaired surrogate. */
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
 * Refuse, before any route sees it, a JSON body holding text that is not well-formed Unicode: it
 * cannot be stored (PostgreSQL rejects it in jsonb) and is never something a person typed.
 */
export function installWellFormedText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const path = findMalformedText(request.body);
    if (!path) return;
    const field = path.join('.');
    const message = '文字として読み取れないデータ（不正なサロゲート）が含まれています';
    throw new HttpProblem(
      400,
      'validation.invalid',
      `入力内容に誤りがあります。${field || '(本文)'}: ${message}`,
      [{ field, code: 'malformedText', message }],
    );
  });
}
