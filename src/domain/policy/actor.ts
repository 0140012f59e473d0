import type { Permission } from '../permissions.ts';

/**
 * Who asks, as the rules of src/domain/policy see them: the organisation they act for and the
 * permissions their roles grant (src/domain/permissions.ts). The server's signed-in actor is one.
 */
export interface PolicyActor {
  organizationId: string;
  permissions: ReadonlySet<Permission>;
}

/** A user-level actor: the rules about one's own account need the user too. */
export interface PolicyUser extends PolicyActor {
  userId: string;
}

/**
 * Why a visible record may not be acted on, as data (the route turns it into a problem answer):
 * 403 for "not yours to do", 409 for "not in this state".
 */
export interface Refusal {
  status: 403 | 409;
  code: RefusalCode;
  message: string;
}

/** Problem codes a refusal answers with (a subset of src/contract/problem.ts). */
export type RefusalCode = 'auth.forbidden' | 'conflict.state' | 'conflict.alreadyDecided';

export const notYours = (message = 'この操作を行う権限がありません。'): Refusal => ({
  status: 403,
  code: 'auth.forbidden',
  message,
});

export const wrongState = (message: string, code: RefusalCode = 'conflict.state'): Refusal => ({
  status: 409,
  code,
  message,
});
