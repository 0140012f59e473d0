import type { ReactNode } from 'react';
import type { Permission } from '../../../src/domain/permissions.ts';
import { useCan } from '../lib/me-context.tsx';
import { ForbiddenPage } from './status-pages.tsx';

/**
 * Shows the page only when the session holds the permission. The server enforces the same
 * rule; this only spares the user a screen full of errors.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <ForbiddenPage />;
}
