import { ApiError } from './api-client.ts';

/** What a refused request (400) says about its fields: each field's message (the last, where it gives several). */
export function problemFieldMessages(error: unknown): Map<string, string> {
  return new Map(
    error instanceof ApiError ? (error.problem.errors ?? []).map((e) => [e.field, e.message] as const) : [],
  );
}

/** The first message a refused request (400) gives for `field`, if any. */
export function problemFieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError
    ? error.problem.errors?.find((e) => e.field === field)?.message
    : undefined;
}
