import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { now } from '../domain/clock.ts';
import { recordAudit } from './auditTrail.ts';
import type { DB } from './schema.ts';

/** The SHA-256 of an HSDS API token, as stored (the token itself is shown once, never kept). */
export const hsdsTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issue a read-only token for a city's HSDS export (`kasane hsds-token issue`), on behalf of one of
 * its users; audited in that city's trail. Returns the token, which is not stored.
 */
export async function issueHsdsToken(
  db: Kysely<DB>,
  input: { tenantCode: string; loginId: string; label: string },
): Promise<{ id: string; token: string }> {
  return db.transaction().execute(async (tx) => {
    const user = await tx
      .selectFrom('users as u')
      .innerJoin('tenants as t', 't.id', 'u.tenant_id')
      .select(['u.id', 'u.tenant_id', 'u.organization_id', 'u.login_id'])
      .where('t.code', '=', input.tenantCode)
      .where('u.login_id', '=', input.loginId)
      .executeTakeFirst();
    if (!user) throw new Error(`no user ${input.loginId} in ${input.tenantCode}`);
    const id = randomUUID();
    const token = `kasane-hsds-${randomBytes(24).toString('base64url')}`;
    await tx
      .insertInto('hsds_api_tokens')
      .values({
        id,
        tenant_id: user.tenant_id,
        label: input.label,
        token_hash: hsdsTokenHash(token),
        created_by: user.id,
      })
      .execute();
    await recordAudit(
      tx,
      {
        tenantId: user.tenant_id,
        actor: { userId: user.id, organizationId: user.organization_id, loginId: user.login_id },
        ip: null,
      },
      {
        action: 'hsdsToken.create',
        resourceType: 'hsdsApiToken',
        resourceId: id,
        details: { label: input.label },
      },
    );
    return { id, token };
  });
}

/** Revoke a token (`kasane hsds-token revoke`): it stops working at once. */
export async function revokeHsdsToken(db: Kysely<DB>, id: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('hsds_api_tokens')
      .set({ revoked_at: now() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning(['tenant_id', 'created_by'])
      .executeTakeFirst();
    if (!row) return false;
    await recordAudit(
      tx,
      { tenantId: row.tenant_id, actor: null, ip: null },
      { action: 'hsdsToken.revoke', resourceType: 'hsdsApiToken', resourceId: id },
    );
    return true;
  });
}
