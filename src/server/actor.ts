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
}

/** Who may call a route: anyone, any signed-in user, or holders of one permission. */
export type Access = 'public' | 'signedIn' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
