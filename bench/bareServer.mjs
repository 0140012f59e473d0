// The cold-start anchor (bench/coldStart.ts): a bare Fastify process answering GET /api/ready, so the
// embedded app's start is read beside what starting any Node server costs on the same machine.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/api/ready', async () => ({ status: 'ready' }));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
