import { createHash, randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditEventTable, DB } from './schema.ts';

/** Who is acting, from where. Every write path takes one: audit cannot be skipped by forgetting it. */
export interface AuditContext {
  /** null only for events that belong to no tenant (a failed sign-in with an unknown login id). */
  tenantId: string | null;
  actor: { userId: string; organizationId: string; loginId: string } | null;
  ip: string | null;
}

/** Audit actions: a closed vocabulary, not free strings. */
export type AuditAction =
  | 'session.signIn'
  | 'session.signOut'
  | 'session.signInFailed'
  | 'session.expired'
  | 'organization.create'
  | 'organization.update'
  | 'organization.disable'
  | 'organization.enable'
  | 'user.create'
  | 'user.update'
  | 'user.disable'
  | 'user.enable'
  | 'access.denied'
  | 'tenant.seed'
  // the support flow: reads of personal data are audited as well as changes
  | 'person.create'
  | 'person.read'
  | 'person.search'
  | 'person.link'
  | 'consultation.create'
  | 'consultation.read'
  | 'consultation.list'
  | 'consultation.close'
  | 'referral.list'
  | 'referral.accept'
  | 'referral.decline'
  | 'handover.create'
  | 'handover.list'
  | 'handover.accept'
  | 'handover.return'
  | 'case.list'
  | 'case.read'
  | 'case.timeline'
  | 'case.close'
  | 'case.suspend'
  | 'case.reopen'
  | 'assessment.save'
  | 'assessment.read'
  | 'consent.create'
  | 'meeting.create'
  | 'meeting.read'
  | 'meeting.recordMinutes'
  | 'meeting.acknowledgeConfidentiality'
  | 'plan.create'
  | 'plan.approve'
  | 'plan.read'
  | 'plan.list'
  | 'planItem.list'
  | 'supportReport.create'
  | 'supportReport.list'
  | 'monitoring.create'
  | 'task.list';

export interface AuditEventInput {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  personId?: string | null;
  caseId?: string | null;
  legalBasis?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the hash survives jsonb's key reordering. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type HashedFields = Omit<AuditEventTable, 'seq' | 'hash' | 'details' | 'occurred_at'> & {
  occurred_at: Date;
  details: Record<string, unknown>;
};

/** The hash of one event: SHA-256 over the previous hash and the event's canonical content. */
export function auditHash(event: HashedFields): string {
  const content = canonical({
    id: event.id,
    tenant_id: event.tenant_id,
    occurred_at: event.occurred_at.toISOString(),
    actor_user_id: event.actor_user_id,
    actor_organization_id: event.actor_organization_id,
    actor_login_id: event.actor_login_id,
    ip: event.ip,
    action: event.action,
    resource_type: event.resource_type,
    resource_id: event.resource_id,
    person_id: event.person_id,
    case_id: event.case_id,
    legal_basis: event.legal_basis,
    details: event.details,
  });
  return createHash('sha256').update(event.prev_hash).update('\n').update(content).digest('hex');
}

/**
 * Append one audit event inside the caller's transaction. The tenant's chain is locked until
 * the transaction ends so that concurrent writers extend it one after another.
 */
export async function recordAudit(
  tx: Transaction<DB>,
  context: AuditContext,
  input: AuditEventInput,
): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`kasane.audit.${context.tenantId ?? 'none'}`}))`.execute(
    tx,
  );
  const last = await tx
    .selectFrom('audit_events')
    .select('hash')
    .where((eb) => (context.tenantId ? eb('tenant_id', '=', context.tenantId) : eb('tenant_id', 'is', null)))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const event: HashedFields = {
    id: randomUUID(),
    tenant_id: context.tenantId,
    occurred_at: new Date(),
    actor_user_id: context.actor?.userId ?? null,
    actor_organization_id: context.actor?.organizationId ?? null,
    actor_login_id: context.actor?.loginId ?? null,
    ip: context.ip,
    action: input.action,
    resource_type: input.resourceType,
    resource_id: input.resourceId ?? null,
    person_id: input.personId ?? null,
    case_id: input.caseId ?? null,
    legal_basis: input.legalBasis ?? null,
    details: input.details ?? {},
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await tx
    .insertInto('audit_events')
    .values({ ...event, details: JSON.stringify(event.details), hash: auditHash(event) })
    .execute();
}

export type AuditVerification =
  | { ok: true; events: number }
  | { ok: false; events: number; firstBad: { seq: string; id: string; reason: string } };

/** Walk each tenant's chain in order and name the first event whose link or content does not hold. */
export async function verifyAuditTrail(db: Kysely<DB>): Promise<AuditVerification> {
  const tenants: (string | null)[] = [
    null,
    ...(await db.selectFrom('tenants').select('id').execute()).map((t) => t.id),
  ];
  let count = 0;
  for (const tenantId of tenants) {
    let previous = GENESIS_HASH;
    let after = '0';
    for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where((eb) => (tenantId ? eb('tenant_id', '=', tenantId) : eb('tenant_id', 'is', null)))
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        count++;
        const details = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<
          string,
          unknown
        >;
        if (row.prev_hash !== previous) {
          return {
            ok: false,
            events: count,
            firstBad: {
              seq: row.seq,
              id: row.id,
              reason: 'chain broken: an event before it was removed, altered or inserted',
            },
          };
        }
        if (auditHash({ ...row, details }) !== row.hash) {
          return {
            ok: false,
            events: count,
            firstBad: { seq: row.seq, id: row.id, reason: 'content altered' },
          };
        }
        previous = row.hash;
        after = row.seq;
      }
    }
  }
  return { ok: true, events: count };
}
