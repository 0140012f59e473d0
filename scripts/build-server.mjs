#!/usr/bin/env node
// The server and command line in one ES module, dist/server/kasane.mjs (part of `npm run build`).
// bin/kasane.mjs runs it when it is newer than every file under src/, and the TypeScript sources
// through tsx otherwise, so a stale build is never run. The bundle starts in a fraction of the time
// tsx takes to load the sources: a quicker cold start for the app, and for every test that starts a
// real Kasane process.
//
// The packages Kasane loads at every start (Fastify and its plugins, pg, Kysely, zod, ajv, …) are
// bundled too: resolving and loading a few hundred files of node_modules one by one cost a restart of
// the embedded app about 0.3 s (docs/performance.md, *How long the embedded app takes to start*).
// Those listed in `external` stay in node_modules, each for its reason below.
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
  external: [
    // read files of their own package at run time: PGlite its WebAssembly and data files, kuromoji its
    // dictionary, the font package its font files, pino its transports (worker threads by file name)
    '@electric-sql/pglite',
    '@electric-sql/pglite/*',
    'kuromoji',
    '@expo-google-fonts/*',
    'pino',
    // a native addon (a .node file per platform)
    '@node-rs/argon2',
    // large, and loaded on first use only (exports, printables, password strength): bundled, every
    // start would parse them
    'exceljs',
    'pdfmake',
    'pdfmake/*',
    '@zxcvbn-ts/*',
    // runs the sources when the bundle is stale (bin/kasane.mjs)
    'tsx',
    'tsx/*',
  ],
  // the bundled CommonJS packages call require(): give the module one
  banner: {
    js: "import { createRequire as kasaneCreateRequire } from 'node:module'; const require = kasaneCreateRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The image of an empty embedded-database cluster that a new embedded database is loaded from instead
// of running initdb (src/db/emptyCluster.ts): made once per installed PGlite version, kept after.
const { register } = await import('tsx/esm/api');
register();
const cluster = await import('../src/db/emptyCluster.ts');
if (!cluster.emptyClusterImage()) {
  const { createPGlite } = await import('../src/db/database.ts');
  await cluster.writeEmptyClusterImage(cluster.EMPTY_CLUSTER_DIRECTORY, () =>
    createPGlite({ emptyCluster: false }),
  );
  console.log(
    `kasane: wrote the empty-cluster image to ${path.relative(root, cluster.EMPTY_CLUSTER_DIRECTORY)}`,
  );
}
