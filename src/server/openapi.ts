import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { AuditAction } from '../domain/auditActions.ts';
import type { Access } from './actor.ts';

/**
 * OpenAPI 3.1 generated from the routes' zod schemas. Each operation carries its declared access
 * as `x-kasane-access` and the audit actions it promises as `x-kasane-audit`, which the
 * authorization matrix test reads.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kasane API',
        version: '0.1.0',
        description:
          '重層的支援体制整備事業・再犯防止推進計画のための支援管理システム Kasane の API。エラーは application/problem+json (RFC 9457)。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kasane_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      const config = input.route.config as { access?: Access; audit?: readonly AuditAction[] } | undefined;
      return {
        ...transformed,
        schema: { ...transformed.schema, 'x-kasane-access': config?.access, 'x-kasane-audit': config?.audit },
      };
    },
    transformObject: jsonSchemaTransformObject,
  });

  app.get(
    '/api/openapi.json',
    { schema: { hide: true }, config: { access: 'public', audit: [] } },
    async () => app.swagger(),
  );
}
