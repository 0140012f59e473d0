import type { AuditScope } from '../db/auditScope.ts';
import type { AuditAction } from '../domain/auditActions.ts';
import type { Permission, Role } from '../domain/permissions.ts';

/** The signed-in user a request acts as. */
export interface Actor {
  userId: string;
  loginId: string;
  displayName: string;
  organizationId: string;
  tenantId: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  sessionId: string;
  csrfToken: string;
  /** The city requires TOTP for this user's role and it is not on yet: only enrolment is open. */
  totpEnrolmentRequired: boolean;
  /** The administrator requires a new password: only the change-password page is open. */
  passwordChangeRequired: boolean;
}

/**
 * Which records a route reaches for a holder of its permission: `participation` (the default) — only
 * those of cases their organisation takes part in (src/db/access.ts); `tenant` — every record of
 * their own city, by design (the audit trail, a 開示請求 answered for the whole city), never another
 * city's; `own` — only the caller's own things (their sessions, TOTP, password).
 */
export type RecordScope = 'participation' | 'tenant' | 'own';

/**
 * Who may call a route: anyone, any signed-in user, or holders of one permission; with `records`,
 * which records it reaches (emitted in OpenAPI as `x-kasane-access`, read by the authorization matrix).
 */
export type Access =
  | 'public'
  | 'signedIn'
  | { permission: Permission; records?: RecordScope }
  | { signedIn: true; records: 'own' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The audit actions the operation records, next to its access (OpenAPI `x-kasane-audit`): a 2xx
     * read, or a 2xx write that changed data, must have recorded at least one of them, or it becomes
     * 500 `server.auditMissing` and its changes roll back (src/server/auditGuard.ts). `[]` for an operation that neither changes data
     * nor reads personal data (health, code lists, one's own session). Required on every API route.
     */
    audit?: readonly AuditAction[];
    /** Open to a user who must first enrol TOTP (the enrolment page and what it needs). */
    allowDuringTotpEnrolment?: boolean;
    /** Open to a user who must first change their password (the change itself, the session, sign-out). */
    allowDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The audit promise of the request's operation (src/db/auditScope.ts), while its handler runs. */
    auditScope: AuditScope | null;
  }
}
