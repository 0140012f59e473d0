import type { z } from 'zod';
import { type Problem, problemSchema } from '../../../src/contract/problem.ts';

/**
 * The one way the web app talks to the API: same origin, cookie session, JSON in and out,
 * `application/problem+json` errors turned into `ApiError`.
 *
 * CSRF: the token from `Me.csrfToken` is kept in memory only (never in storage) and sent as
 * `x-csrf-token` on every state-changing request except signing in.
 * 401: any 401 outside `/api/session` means the session ended; the registered handler sends the
 * user back to the sign-in page.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** An API failure, carrying the problem document (or one made up for network / non-JSON failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }
}

/** Whether the value is an ApiError with the given problem code. */
export function isProblem(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.problem.code === code;
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;
const activityListeners = new Set<() => void>();

/** Remembers the CSRF token of the current session (from `Me`); `null` forgets it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when a non-session call answers 401 (the app returns to sign-in). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** Calls the listener after every answered request that the server counts as activity. */
export function onApiActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

function isSessionPath(path: string): boolean {
  // The sign-in second step answers 401 for a wrong code: that is not a lost session.
  return path === '/api/session' || path.startsWith('/api/session?') || path === '/api/session/totp';
}

function needsCsrf(method: Method, path: string): boolean {
  if (method === 'GET') return false;
  return !(method === 'POST' && isSessionPath(path));
}

function madeUpProblem(status: number, code: string, detail = ''): Problem {
  return { type: 'about:blank', title: code, status, code, detail };
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const parsed = problemSchema.safeParse(await response.json());
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: a proxy or gateway page. Fall through to a generic problem.
  }
  return madeUpProblem(response.status, response.status >= 500 ? 'server.error' : 'unexpected');
}

type RequestOptions<T> = {
  /** Parses the successful body; responses are checked against the shared contract. */
  schema?: z.ZodType<T>;
  body?: unknown;
  signal?: AbortSignal;
};

async function send(method: Method, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (signal) init.signal = signal;
  if (method !== 'GET') {
    // The server requires a JSON body on every state-changing request, even an empty one.
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  if (needsCsrf(method, path) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(madeUpProblem(0, 'network'));
  }
}

/** Fetches a fresh CSRF token after the server rejected ours (for example after a server restart). */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/api/session', undefined);
  if (!response.ok) return false;
  const data: unknown = await response.json();
  if (data && typeof data === 'object' && 'csrfToken' in data && typeof data.csrfToken === 'string') {
    csrfToken = data.csrfToken;
    return true;
  }
  return false;
}

/**
 * Sends one API request and returns the parsed body (`undefined` for 204).
 * Throws `ApiError` for every non-2xx answer.
 */
export async function apiRequest<T = undefined>(
  method: Method,
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  let response = await send(method, path, options.body, options.signal);

  if (response.status === 403 && needsCsrf(method, path)) {
    const problem = await readProblem(response.clone());
    if (problem.code === 'auth.csrf' && (await refreshCsrfToken())) {
      response = await send(method, path, options.body, options.signal);
    }
  }

  if (response.status === 401 && !isSessionPath(path)) {
    csrfToken = null;
    unauthorizedHandler?.();
    throw new ApiError(await readProblem(response));
  }

  if (response.status !== 401) for (const listener of activityListeners) listener();

  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204 || !options.schema) return undefined as T;
  return options.schema.parse(await response.json());
}

/** `GET path`: the answer, checked by `schema`; `signal` cancels the request (a query's signal). */
export function getJson<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  return apiRequest('GET', path, { schema, ...(signal ? { signal } : {}) });
}

/** `GET path` of a list (`{ items }`, checked by `schema`): its items. */
export async function getListItems<Schema extends z.ZodType<{ items: unknown[] }>>(
  path: string,
  schema: Schema,
  signal?: AbortSignal,
): Promise<z.output<Schema>['items']> {
  const list = await getJson(path, schema, signal);
  return list.items;
}
