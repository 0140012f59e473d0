#!/usr/bin/env node
// The server and command line in one ES module, dist/server/kasane.mjs (part of `npm run build`).
// bin/kasane.mjs runs it when it is newer than every file under src/, and the TypeScript sources
// through tsx otherwise, so a stale build is never run. The bundle starts in a fraction of the time
// tsx takes to load the sources: a quicker cold start for the app, and for every test that starts a
// real Kasane process. Packages stay in node_modules (imported at run time, not bundled).
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
await build({
  entryPoints: [path.join(root, 'src/cli/kasane.ts')],
  outfile: path.join(root, 'dist/server/kasane.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
