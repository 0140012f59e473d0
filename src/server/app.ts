import zlib from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { startAuditSealer } from '../db/auditSealer.ts';
import type { Database } from '../db/database.ts';
import { startMaintenance } from '../db/maintenance.ts';
import type { Config } from './config.ts';
import './actor.ts';
import { installAuditGuard } from './auditGuard.ts';
import { installAuthentication } from './authentication.ts';
import { installDeniedAccessAudit } from './deniedAccess.ts';
import { installMetrics, loggingOptions } from './observability.ts';
import { installOpenApi } from './openapi.ts';
import { installProblemHandlers } from './problem.ts';
import { databaseRateLimitStore } from './rateLimitStore.ts';
import { registerRoutes } from './routes/index.ts';
import { createSecretBox } from './secretBox.ts';
import { installWeb } from './web.ts';
import { installWellFormedText } from './wellFormedText.ts';

// Validation messages in Japanese wherever a schema gives none of its own.
z.config(z.locales.ja());

/**
 * Every API route must name its operation and declare who may call it; a route that does not
 * stops the server from starting, so no route can slip past the access gate.
 */
function requireDeclaredAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    const operationId = (route.schema as { operationId?: string } | undefined)?.operationId;
    if (route.url !== '/api/openapi.json' && !operationId)
      throw new Error(`${route.method} ${route.url} has no operationId`);
    if (route.config?.access === undefined)
      throw new Error(`${route.method} ${route.url} declares no access`);
  });
}

export async function buildApp(config: Config, database: Database): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggingOptions(config.logLevel),
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  requireDeclaredAccess(app);
  installAuditGuard(app);
  installWellFormedText(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  // JSON answers over 2 KB go out compressed when the browser accepts it (brotli at a quick level,
  // else gzip). The web app's files are compressed at build time and sent as they are (src/server/web.ts).
  // Answers carrying the session's CSRF token are never compressed, so their length cannot be used
  // to guess the token (BREACH).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/session')) route.compress = false;
  });
  await app.register(compress, {
    global: true,
    threshold: 2048,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  // HSTS only means something over TLS; behind a TLS proxy (KASANE_TRUST_PROXY) it is sent.
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  // Counts in the database, so every app node on one PostgreSQL shares them (src/db/rateLimits.ts).
  app.decorate('rateLimitDb', database.db);
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(database.db) });

  installMetrics(app, database, { token: config.metricsToken });
  installAuthentication(app, database, config);
  installDeniedAccessAudit(app, database.db);
  await installOpenApi(app);

  // Accounts and sessions (issue 4): TOTP secrets are sealed with KASANE_SECRET_KEY.
  const secretBox = createSecretBox({
    secretKey: config.secretKey,
    dataDir: config.dataDir,
    production: config.production,
    warn: (message) => app.log.warn(message),
  });
  registerRoutes(app, { database, config, secretBox });

  // Requests append audit events without a lock; the sealer chains them shortly after commit
  // (docs/adr/0009). Closing the app seals what is left.
  const sealer = startAuditSealer(database.db, {
    onError: (error) => app.log.warn({ err: error }, 'audit sealing failed; retried on the next pass'),
  });
  app.addHook('onClose', () => sealer.stop());
  // The embedded database has no autovacuum: the server vacuums and analyses it (src/db/maintenance.ts).
  if (database.kind === 'pglite') {
    const maintenance = startMaintenance(database, {
      onError: (error) =>
        app.log.warn({ err: error }, 'vacuuming the embedded database failed; tried again tomorrow'),
    });
    app.addHook('onClose', () => maintenance.stop());
  }

  await installWeb(app, config.webRoot);
  return app;
}
