import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serve the built SPA; any non-API GET that is not a file gets index.html (client-side routes). */
export async function installWeb(app: FastifyInstance, webRoot: string): Promise<boolean> {
  const index = path.join(webRoot, 'index.html');
  if (!fs.existsSync(index)) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    // the build writes .br and .gz beside each text file (web/vite.config.ts): sent when accepted
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      // Vite names every file under assets/ by a hash of its content: it never changes under that
      // name, so browsers keep it for a year without asking again. Anything else is revalidated.
      const hashed = /[\\/]assets[\\/]/.test(file);
      const page = /index\.html$/.test(file);
      reply.header(
        'cache-control',
        hashed ? 'public, max-age=31536000, immutable' : page ? 'no-cache' : 'public, max-age=3600',
      );
    },
  });
  const sendIndex = (reply: import('fastify').FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .sendFile('index.html', { maxAge: 0 });
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    return sendIndex(reply);
  });
  return true;
}
