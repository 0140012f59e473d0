import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { recordAudit } from '../../src/db/auditTrail.ts';
import type { Database } from '../../src/db/database.ts';
import type { AuditAction } from '../../src/domain/auditActions.ts';
import { buildApp } from '../../src/server/app.ts';
import { actorOf, auditContextOf } from '../../src/server/authentication.ts';
import { loadConfig } from '../../src/server/config.ts';
import { operations } from '../../src/server/operation.ts';
import { conflict } from '../../src/server/problem.ts';
import { freshDatabase } from '../support/testDatabase.ts';
import { ApiClient } from '../support/testServer.ts';

/**
 * Audit that cannot be forgotten (src/server/auditGuard.ts): a test app is the real Kasane app with
 * a few extra routes that each break the promise differently — one changes data and forgets its
 * audit call, one reads and forgets it, one records an event it did not declare — next to one that
 * keeps it. The forgetful ones answer 500 server.auditMissing and keep nothing; the faithful one
 * succeeds. A route that declares no audit stops the app from starting.
 */

let app: FastifyInstance;
let database: Database;
let admin: ApiClient;
let organizationId: string;

const nameOf = async () =>
  (
    await database.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow()
  ).name;

/** A route that renames the fixture organisation and records `records` (or nothing). */
function renaming(operationId: string, declared: AuditAction[], records: AuditAction | null): void {
  app.post(
    `/api/test/${operationId}`,
    {
      config: { access: { permission: 'organization.manage' }, audit: declared },
      schema: { operationId: `test.${operationId}` },
    },
    async (request) => {
      const actor = actorOf(request);
      const name = (request.body as { name: string }).name;
      await database.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('organizations')
          .set({ name })
          .where('id', '=', organizationId)
          .where('tenant_id', '=', actor.tenantId)
          .execute();
        if (records)
          await recordAudit(tx, auditContextOf(request), {
            action: records,
            resourceType: 'organization',
            resourceId: organizationId,
          });
      });
      return { name };
    },
  );
}

beforeAll(async () => {
  database = await freshDatabase();
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1' };
  app = await buildApp(config, database);
  renaming('faithful', ['organization.update'], 'organization.update');
  renaming('forgetful', ['organization.update'], null);
  renaming('mislabelled', ['organization.update'], 'organization.create');
  app.get(
    '/api/test/forgetful-read',
    {
      config: { access: { permission: 'organization.read' }, audit: ['person.read'] },
      schema: { operationId: 'test.forgetfulRead' },
    },
    async () => ({ read: true }),
  );
  // a builder route that sends its answer inside the transaction, then fails before the commit
  operations(app, database.db, { tags: ['test'] }).post(
    '/api/test/sends-then-fails',
    {
      operationId: 'test.sendsThenFails',
      access: { permission: 'organization.manage' },
      audit: ['organization.update'],
      summary: 'Sends an answer, then fails before its transaction commits',
      response: { 200: z.object({ name: z.string() }) },
    },
    async ({ reply, tx, actor, audit }) => {
      await tx
        .updateTable('organizations')
        .set({ name: '（試験）送信後に失敗' })
        .where('id', '=', organizationId)
        .where('tenant_id', '=', actor.tenantId)
        .execute();
      await audit({
        action: 'organization.update',
        resourceType: 'organization',
        resourceId: organizationId,
      });
      reply.send({ name: '（試験）送信後に失敗' });
      throw conflict('conflict.state', '（試験）コミットの前に失敗しました。');
    },
  );
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  admin = new ApiClient(url);
  expect((await admin.signIn('admin')).status).toBe(200);
  const organization = await database.db
    .selectFrom('organizations as o')
    .innerJoin('tenants as t', 't.id', 'o.tenant_id')
    .select('o.id')
    .where('t.code', '=', 'kagoshima')
    .orderBy('o.name')
    .executeTakeFirstOrThrow();
  organizationId = organization.id;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('audit that cannot be forgotten', () => {
  it('keeps a change that recorded its declared event', async () => {
    const response = await admin.post('/api/test/faithful', { name: '（試験）記録あり' });
    expect(response.status).toBe(200);
    expect(await nameOf()).toBe('（試験）記録あり');
  });

  it('answers 500 server.auditMissing to a change that forgot its audit call, and rolls it back', async () => {
    const before = await nameOf();
    const response = await admin.post('/api/test/forgetful', { name: '（試験）記録なし' });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((response.body as { code: string }).code).toBe('server.auditMissing');
    expect(await nameOf()).toBe(before);
  });

  it('counts only the declared actions: another event does not keep the promise', async () => {
    const before = await nameOf();
    const response = await admin.post('/api/test/mislabelled', { name: '（試験）別の記録' });
    expect(response.status).toBe(500);
    expect((response.body as { code: string }).code).toBe('server.auditMissing');
    expect(await nameOf()).toBe(before);
  });

  it('answers 500 server.auditMissing to a read that declared an event and recorded none', async () => {
    const response = await admin.get('/api/test/forgetful-read');
    expect(response.status).toBe(500);
    expect((response.body as { code: string }).code).toBe('server.auditMissing');
  });

  it('holds what a handler sends until its transaction commits: a failure after it answers the failure and keeps nothing', async () => {
    const before = await nameOf();
    const response = await admin.post('/api/test/sends-then-fails', {});
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'conflict.state' });
    expect(await nameOf()).toBe(before);
  });

  it('refuses to start with a route that declares no audit actions', async () => {
    const bare = await buildApp(
      { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1' },
      database,
    );
    expect(() =>
      bare.get(
        '/api/test/undeclared',
        { config: { access: 'signedIn' }, schema: { operationId: 'test.undeclared' } },
        async () => ({}),
      ),
    ).toThrow(/declares no audit actions/);
    await bare.close();
  });
});
