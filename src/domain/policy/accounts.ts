import type { PolicyActor, PolicyUser, Refusal } from './actor.ts';
import { wrongState } from './actor.ts';

/** An organisation as the administration rules need it. */
export interface OrganizationFacts {
  id: string;
}

/** A user account as the administration rules need it. */
export interface UserFacts {
  id: string;
  disabled_at: Date | null;
  locked_until: Date | null;
}

/**
 * Why an organisation or a user account cannot be disabled (or enabled) as asked, or null: it
 * already is. `what` names the record the way the message reads (組織, ユーザー).
 */
export function enablementRefusal(
  what: string,
  record: { disabled_at: Date | null },
  disable: boolean,
): Refusal | null {
  if (Boolean(record.disabled_at) !== disable) return null;
  return wrongState(`この${what}はすでに${disable ? '無効' : '有効'}です。`);
}

/** Why the actor may not disable this organisation, or null: never the one they belong to. */
export function disableOrganizationRefusal(
  actor: PolicyActor,
  organization: OrganizationFacts,
): Refusal | null {
  return organization.id === actor.organizationId
    ? wrongState('自分が所属する組織は無効にできません。')
    : null;
}

export function organizationAbilities(actor: PolicyActor, organization: OrganizationFacts) {
  const manage = actor.permissions.has('organization.manage');
  return { update: manage, disable: manage && disableOrganizationRefusal(actor, organization) === null };
}

/** Why the actor may not disable this user, or null: never themselves. */
export function disableUserRefusal(actor: PolicyUser, user: Pick<UserFacts, 'id'>): Refusal | null {
  return user.id === actor.userId ? wrongState('自分自身のアカウントは無効にできません。') : null;
}

/** Why the actor may not give this user these roles, or null: an admin never drops their own admin role. */
export function roleChangeRefusal(
  actor: PolicyUser,
  user: Pick<UserFacts, 'id'>,
  roles: readonly string[] | undefined,
): Refusal | null {
  return user.id === actor.userId && roles && !roles.includes('admin')
    ? wrongState('自分自身の管理者の役割は外せません。')
    : null;
}

/** What the caller may do with a user account; `now` decides whether a lock still holds. */
export function userAbilities(actor: PolicyUser, user: UserFacts, now: Date) {
  const manage = actor.permissions.has('user.manage');
  const locked = Boolean(user.locked_until && user.locked_until > now);
  return {
    update: manage,
    disable: manage && disableUserRefusal(actor, user) === null,
    unlock: manage && locked && !user.disabled_at,
    resetPassword: manage && !user.disabled_at,
  };
}
