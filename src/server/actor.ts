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
}

/** Who may call a route: anyone, any signed-in user, or holders of one permission. */
export type Access = 'public' | 'signedIn' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Open to a user who must first enrol TOTP (the enrolment page and what it needs). */
    allowDuringTotpEnrolment?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
