#!/usr/bin/env node
// Kasane's command line. Runs the server bundle that `npm run build` makes (dist/server/kasane.mjs)
// when it is newer than every source file, and otherwise the TypeScript sources through tsx, so that
// a change to src/ is never shadowed by an older build.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

// A command that runs once and exits (seed, init, backup, restore, audit verify, …) keeps the embedded
// database's WebAssembly on V8's baseline compiler: by default V8 also recompiles its busiest
// functions with the optimising compiler on background threads, work that a process living a few
// seconds pays for and hardly uses (`kasane seed` 10–11 → 8 CPU-s, `kasane audit verify` 2.6–2.8 →
// 1.7–1.8 CPU-s; docs/performance.md, *The command line's WebAssembly*). `kasane start`, which runs
// for as long as the city does, keeps the optimising tier for its queries.
if (process.argv[2] !== 'start') v8.setFlagsFromString('--liftoff-only');

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'dist/server/kasane.mjs');

/** The newest modification time of a file under `dir`, in ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
if (built > 0 && built >= newest(path.join(root, 'src'))) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/kasane.ts');
}
