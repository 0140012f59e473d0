// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiGet, apiRequest, setCsrfToken, setUnauthorizedHandler } from './api-client.ts';
import { getListItems } from './list-items.ts';

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': type },
  });
}

function problem(status: number, code: string, detail = '') {
  return json(status, { type: 'about:blank', title: code, status, code, detail }, 'application/problem+json');
}

function headerOf(call: Call | undefined, name: string): string | undefined {
  return (call?.init.headers as Record<string, string> | undefined)?.[name];
}

let calls: Call[];
let answers: Response[];

beforeEach(() => {
  calls = [];
  answers = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${init.method} ${url}`);
    return next;
  });
  setCsrfToken('token-1');
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('apiRequest', () => {
  it('sends the CSRF token and a JSON body on state-changing requests', async () => {
    answers.push(json(200, { id: 'x' }));
    const result = await apiRequest('POST', '/api/organizations/x/disable', {
      schema: z.object({ id: z.string() }),
    });
    expect(result).toEqual({ id: 'x' });
    expect(headerOf(calls[0], 'x-csrf-token')).toBe('token-1');
    expect(headerOf(calls[0], 'content-type')).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{}');
  });

  it('sends no CSRF token on GET or when signing in', async () => {
    answers.push(json(200, { items: [] }), json(200, {}));
    await apiRequest('GET', '/api/organizations');
    await apiRequest('POST', '/api/session', { body: { loginId: 'a', password: 'b' } });
    expect(headerOf(calls[0], 'x-csrf-token')).toBeUndefined();
    expect(calls[0]?.init.body).toBeUndefined();
    expect(headerOf(calls[1], 'x-csrf-token')).toBeUndefined();
    expect(calls[1]?.init.body).toBe('{"loginId":"a","password":"b"}');
  });

  it('sends DELETE /api/session with the token and an empty JSON body', async () => {
    answers.push(new Response(null, { status: 204 }));
    await expect(apiRequest('DELETE', '/api/session')).resolves.toBeUndefined();
    expect(headerOf(calls[0], 'x-csrf-token')).toBe('token-1');
    expect(calls[0]?.init.body).toBe('{}');
  });

  it('turns a problem document into an ApiError with its code and field errors', async () => {
    answers.push(
      json(
        400,
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          code: 'validation.invalid',
          detail: '入力内容に誤りがあります',
          errors: [
            {
              field: 'contact.email',
              code: 'invalid_format',
              message: 'メールアドレスの形式が正しくありません',
            },
          ],
        },
        'application/problem+json',
      ),
    );
    const error = await apiRequest('POST', '/api/organizations', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation.invalid');
    expect((error as ApiError).problem.errors?.[0]?.field).toBe('contact.email');
  });

  it('calls the unauthorized handler on a 401 from a non-session call, and forgets the token', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    answers.push(problem(401, 'auth.required'), json(200, {}));
    await expect(apiRequest('GET', '/api/users')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
    await apiRequest('PATCH', '/api/users/x', { body: {} });
    expect(headerOf(calls[1], 'x-csrf-token')).toBeUndefined();
  });

  it('does not treat a 401 from /api/session as an expired session', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    answers.push(problem(401, 'auth.invalidCredentials', 'ログインIDまたはパスワードが正しくありません'));
    await expect(apiRequest('POST', '/api/session', { body: {} })).rejects.toMatchObject({ status: 401 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refreshes the CSRF token once after auth.csrf and retries', async () => {
    answers.push(problem(403, 'auth.csrf'), json(200, { csrfToken: 'token-2' }), json(200, { ok: true }));
    await apiRequest('POST', '/api/users/x/enable');
    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'POST /api/users/x/enable',
      'GET /api/session',
      'POST /api/users/x/enable',
    ]);
    expect(headerOf(calls[2], 'x-csrf-token')).toBe('token-2');
  });

  it('reports a network failure as the "network" problem', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiRequest('GET', '/api/health')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

describe('getListItems', () => {
  it('reads a list with GET and returns its items, as the schema parses them', async () => {
    answers.push(json(200, { items: [{ id: 'a', extra: 1 }], nextCursor: null }));
    const signal = new AbortController().signal;
    const items = await getListItems(
      '/api/things',
      z.object({ items: z.array(z.object({ id: z.string() })) }),
      signal,
    );
    expect(items).toEqual([{ id: 'a' }]);
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.signal).toBe(signal);
  });
});

describe('apiGet', () => {
  it('reads with GET, without a CSRF token, and parses the answer with the schema', async () => {
    answers.push(json(200, { id: 'x', extra: true }));
    const result = await apiGet('/api/things/x', z.object({ id: z.string() }));
    expect(result).toEqual({ id: 'x' });
    expect(calls[0]?.init.method).toBe('GET');
    expect(headerOf(calls[0], 'x-csrf-token')).toBeUndefined();
    expect(calls[0]?.init.signal).toBeUndefined();
  });
});
