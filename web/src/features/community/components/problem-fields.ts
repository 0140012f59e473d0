import { ApiError } from '../../../lib/api-client.ts';

/** The field messages of a refused request (400), by field path, for the form to show under each field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) {
    const field = e.field.replace(/^(本文|body)\./, '');
    out[field] ??= e.message;
  }
  return out;
}
