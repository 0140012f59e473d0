import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { type E2eDatabase, removeTemplates, seedTemplate } from './server.ts';

/** Seed the demo template of every database the run's projects use, side by side; remove them after. */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  process.env.KASANE_E2E_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-e2e-'));
  const databases = new Set(config.projects.map((p) => (p.metadata.database ?? 'embedded') as E2eDatabase));
  await Promise.all([...databases].map((database) => seedTemplate(database)));
  return removeTemplates;
}
