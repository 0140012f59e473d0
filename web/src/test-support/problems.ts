import type { Problem } from '../../../src/contract/problem.ts';
import { ApiError } from '../lib/api-client.ts';

/** The server's 400 refusing invalid input, with the given per-field errors (a test's stand-in for the API). */
export function validationRefusal(errors: NonNullable<Problem['errors']> = []): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    code: 'validation.invalid',
    detail: '入力内容に誤りがあります。',
    errors,
  });
}
