import { createContext, useContext } from 'react';
import type { Me } from '../../../src/contract/session.ts';
import type { Permission } from '../../../src/domain/permissions.ts';

/**
 * The signed-in user, provided by the app shell once the session is known. Features read it
 * here instead of importing the session feature, so features stay independent.
 */
export const MeContext = createContext<Me | null>(null);

/** The signed-in user. Only valid inside the signed-in shell. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside the signed-in shell');
  return me;
}

/**
 * Whether the session holds a permission, as the server listed it in `Me.permissions`
 * (the web app keeps no role → permission table of its own).
 */
export function useCan(permission: Permission): boolean {
  return useMe().permissions.includes(permission);
}
