import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installWeb } from '../../src/server/web.ts';

/**
 * How the built web app is served (issue 15): hashed assets cached for a year as immutable, the rest
 * revalidated; the build's .br/.gz siblings sent to browsers that accept them.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-web-'));
const script = `console.log(${JSON.stringify('かさね'.repeat(500))});\n`;
let app: FastifyInstance;

beforeAll(async () => {
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kasane</title>');
  fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const file = path.join(root, 'assets', 'index-AbC123.js');
  fs.writeFileSync(file, script);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
  app = Fastify();
  expect(await installWeb(app, root)).toBe(true);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the built web app as served', () => {
  it('caches a hashed asset for a year as immutable', async () => {
    const response = await app.inject({ url: '/assets/index-AbC123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe(script);
  });

  it('sends the brotli or gzip sibling to a browser that accepts it', async () => {
    const br = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);
    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
  });

  it('revalidates what is not hashed: index.html always, other files after an hour', async () => {
    const page = await app.inject({ url: '/cases' });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<title>Kasane</title>');
    const icon = await app.inject({ url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });
});
