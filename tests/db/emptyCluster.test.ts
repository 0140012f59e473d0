import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPGlite } from '../../src/db/database.ts';
import {
  emptyClusterImage,
  installedPGliteVersion,
  writeEmptyClusterImage,
} from '../../src/db/emptyCluster.ts';
import { testBackend } from '../support/backend.ts';

/**
 * A new embedded database starts from the empty-cluster image the build made, instead of initdb. Here
 * the image is made from a cluster with a table of its own, so that a cluster can tell where it came from.
 */
describe.runIf(testBackend() === 'pglite')('the empty-cluster image', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-empty-cluster-'));
  const images = path.join(dir, 'images');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const marked = async () => {
    const cluster = await createPGlite({ loadDataDir: new Blob([fs.readFileSync(inject('emptyCluster'))]) });
    await cluster.exec('CREATE TABLE made_from_the_image ()');
    return cluster;
  };
  const tables = async (cluster: PGlite) =>
    (
      await cluster.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
      )
    ).rows.map((r) => r.name);

  it('is written once per PGlite version, and kept after', async () => {
    expect(emptyClusterImage(images)).toBeUndefined();
    expect(await writeEmptyClusterImage(images, marked)).toBe(true);
    expect(emptyClusterImage(images)?.size).toBeGreaterThan(0);
    expect(JSON.parse(fs.readFileSync(path.join(images, 'empty-cluster.json'), 'utf8'))).toEqual({
      pglite: installedPGliteVersion(),
    });
    expect(await writeEmptyClusterImage(images, marked)).toBe(false);
  });

  it('is what a new data directory starts from; an existing one is opened as it is', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await createPGlite({ dataDir, emptyCluster: images });
    expect(await tables(first)).toEqual(['made_from_the_image']);
    await first.exec('CREATE TABLE written_later ()');
    await first.close();

    const again = await createPGlite({ dataDir, emptyCluster: images });
    expect(await tables(again)).toEqual(['made_from_the_image', 'written_later']);
    await again.close();

    const inMemory = await createPGlite({ emptyCluster: images });
    expect(await tables(inMemory)).toEqual(['made_from_the_image']);
    await inMemory.close();
  });

  it('is not used when another PGlite version made it, nor where there is none', () => {
    fs.writeFileSync(path.join(images, 'empty-cluster.json'), JSON.stringify({ pglite: '0.0.0' }));
    expect(emptyClusterImage(images)).toBeUndefined();
    expect(emptyClusterImage(path.join(dir, 'nowhere'))).toBeUndefined();
    // a version file without its image (a copy cut short) is no image either
    fs.writeFileSync(
      path.join(images, 'empty-cluster.json'),
      JSON.stringify({ pglite: installedPGliteVersion() }),
    );
    expect(emptyClusterImage(images)).toBeDefined();
    fs.rmSync(path.join(images, 'empty-cluster.tar.gz'));
    expect(emptyClusterImage(images)).toBeUndefined();
  });
});
