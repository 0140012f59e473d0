import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';

/**
 * An image of an empty embedded-database cluster, as initdb leaves it, made once by `npm run build`.
 *
 * A new embedded database (the first start, `kasane init`, `kasane restore` into a new directory)
 * is loaded from it instead of running initdb: on a 2-core machine a new process with a new cluster
 * ready took 4.3 s and 6 CPU-seconds through initdb, and 1.7 s and 2 CPU-seconds from the image.
 * An image is used only by the PGlite version that made it (initdb's output belongs to its
 * PostgreSQL); with none, or another version's, a new cluster runs initdb as before.
 */

/** Where `npm run build` keeps the image: dist/pglite/ (two levels above this module, as above the bundle). */
export const EMPTY_CLUSTER_DIRECTORY = fileURLToPath(new URL('../../dist/pglite/', import.meta.url));

const IMAGE = 'empty-cluster.tar.gz';
const MADE_BY = 'empty-cluster.json';

/** The installed PGlite's version (from its package.json, above the module Node resolves). */
export function installedPGliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The contents of a file, or undefined when there is no such file. */
function readIfThere(file: string) {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The image in `directory`, when the installed PGlite made it; undefined otherwise. */
export function emptyClusterImage(directory = EMPTY_CLUSTER_DIRECTORY): Blob | undefined {
  const madeBy = readIfThere(path.join(directory, MADE_BY));
  if (
    !madeBy ||
    (JSON.parse(madeBy.toString('utf8')) as { pglite?: unknown }).pglite !== installedPGliteVersion()
  )
    return undefined;
  const image = readIfThere(path.join(directory, IMAGE));
  return image ? new Blob([image]) : undefined;
}

/**
 * Write an image of the cluster `newCluster` opens (as initdb leaves one: nothing created in it yet)
 * to `directory`, unless an image of the installed PGlite is there already. Returns whether it wrote.
 */
export async function writeEmptyClusterImage(
  directory: string,
  newCluster: () => Promise<PGlite>,
): Promise<boolean> {
  if (emptyClusterImage(directory)) return false;
  fs.mkdirSync(directory, { recursive: true });
  const cluster = await newCluster();
  try {
    const image = await cluster.dumpDataDir('gzip');
    // written whole, then renamed: a process starting meanwhile sees the old image or the new one
    const partial = path.join(directory, `${IMAGE}.${process.pid}.tmp`);
    fs.writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    fs.renameSync(partial, path.join(directory, IMAGE));
    fs.writeFileSync(
      path.join(directory, MADE_BY),
      `${JSON.stringify({ pglite: installedPGliteVersion() })}\n`,
    );
    return true;
  } finally {
    await cluster.close();
  }
}
