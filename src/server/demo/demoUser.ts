import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';

/**
 * A demo user signed in in-process: every call goes through the real API (`app.inject`) with the
 * user's session cookie and CSRF token, so what the demo makes is exactly what the app writes.
 */
export class DemoUser {
  private cookie = '';
  private csrf = '';

  constructor(
    private readonly app: FastifyInstance,
    readonly loginId: string,
  ) {}

  async signIn(): Promise<this> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { loginId: this.loginId, password: DEMO_PASSWORD },
    });
    if (response.statusCode !== 200) throw new Error(`demo: sign-in ${this.loginId}: ${response.body}`);
    this.cookie = String(response.cookies.find((c) => c.name === 'kasane_session')?.value ?? '');
    this.csrf = response.json().csrfToken;
    return this;
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<T> {
    const response = await this.app.inject({
      method,
      url,
      cookies: { kasane_session: this.cookie },
      headers: method === 'GET' ? {} : { 'x-csrf-token': this.csrf },
      ...(method === 'GET' ? {} : { payload: (payload ?? {}) as object }),
    });
    if (response.statusCode >= 300)
      throw new Error(`demo: ${this.loginId} ${method} ${url} → ${response.statusCode} ${response.body}`);
    return response.json() as T;
  }
}

/** The demo users the stories act as, by login id (see src/db/seed/demo.ts). */
export const demoLogins = ['coordinator', 'houkatsu', 'shogai', 'hogo', 'hogokansatsu'] as const;
export type DemoLogin = (typeof demoLogins)[number];

/** Sign each of `logins` in once. */
export async function signInAll<L extends string>(
  app: FastifyInstance,
  logins: readonly L[],
): Promise<Record<L, DemoUser>> {
  const users = await Promise.all(
    logins.map(async (id) => [id, await new DemoUser(app, id).signIn()] as const),
  );
  return Object.fromEntries(users) as Record<L, DemoUser>;
}
