import { test as base } from '@playwright/test';
import { type E2eDatabase, startWorkerServer } from './server.ts';

export { type Browser, expect, type Locator, type Page } from '@playwright/test';

/**
 * `test` for every browser spec: each worker has a Kasane server of its own (on the database its
 * project names), and `baseURL` points at it. Import `test` and `expect` from here, not from
 * '@playwright/test'.
 */
export const test = base.extend<object, { kasane: { url: string } }>({
  kasane: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use, workerInfo) => {
      const database = (workerInfo.project.metadata.database ?? 'embedded') as E2eDatabase;
      const server = await startWorkerServer(database, workerInfo.workerIndex);
      try {
        await use({ url: server.url });
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ kasane }, use) => {
    await use(kasane.url);
  },
});
