import { afterAll, beforeAll } from 'vitest';
import { type DemoDirectory, demoDirectory } from './factories.ts';
import { ApiClient, signedIn, startTestServer, type TestServer } from './testServer.ts';

/** A test file's server on the demo data, its directory, and a client per demo user signed in. */
export type DemoApi<L extends string> = {
  readonly server: TestServer;
  readonly dir: DemoDirectory;
} & { readonly [K in L]: ApiClient };

/**
 * The usual start of an API test file, declared once: before the file's tests a test server is
 * started on a fresh demo database, its directory read, and each of `logins` signed in; after
 * them the server is closed. The clients exist at once (destructure them at the top of the file)
 * and are signed in by the time any test or later `beforeAll` runs; `server` and `dir` are read
 * from the returned object then.
 */
export function demoApi<L extends string>(...logins: L[]): DemoApi<L> {
  return demoApiWith({}, ...logins);
}

/** demoApi, its server started with these environment settings (a lower lockout threshold, say). */
export function demoApiWith<L extends string>(env: Record<string, string>, ...logins: L[]): DemoApi<L> {
  let server: TestServer | undefined;
  let dir: DemoDirectory | undefined;
  const clients = Object.fromEntries(
    logins.map((login) => [login, new ApiClient('http://127.0.0.1/')]),
  ) as Record<L, ApiClient>;
  beforeAll(async () => {
    const started = await startTestServer(env);
    server = started;
    dir = await demoDirectory(started.database.db);
    await Promise.all(
      logins.map((login) => {
        const client = clients[login];
        client.baseUrl = started.url;
        return signedIn(client, login);
      }),
    );
  });
  afterAll(() => server?.close());
  return Object.assign(
    {
      get server(): TestServer {
        if (!server) throw new Error('demoApi: the server starts in beforeAll; read it from a test or hook');
        return server;
      },
      get dir(): DemoDirectory {
        if (!dir) throw new Error('demoApi: the directory is read in beforeAll; read it from a test or hook');
        return dir;
      },
    },
    clients,
  );
}
