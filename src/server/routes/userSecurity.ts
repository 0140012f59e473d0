import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  bulkReassignInputSchema,
  bulkReassignQuerySchema,
  bulkReassignResultSchema,
  passwordResetSchema,
} from '../../contract/accounts.ts';
import { idParamsSchema } from '../../contract/common.ts';
import type { Problem } from '../../contract/problem.ts';
import { userSchema } from '../../contract/users.ts';
import { hashPassword } from '../../db/passwords.ts';
import { moveOpenCases, openCasesByUser } from '../../db/reassignment.ts';
import type { DB } from '../../db/schema.ts';
import { revokeOtherSessions, revokeUserSessions } from '../../db/sessions.ts';
import { clearLockout, findUser, type UserWithOrganization, updateUser } from '../../db/users.ts';
import { now } from '../../domain/clock.ts';
import { operations, writeErrors } from '../operation.ts';
import { assertAcceptablePassword } from '../passwordPolicy.ts';
import { HttpProblem, orNotFound } from '../problem.ts';
import { presentedUser } from './users.ts';

const refOf = (u: UserWithOrganization) => ({ id: u.id, loginId: u.login_id, displayName: u.display_name });

/** Admin actions on accounts' security: password reset, unlock, and the April reshuffle (人事異動). */
export function userSecurityRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const op = operations(app, db, { tags: ['users'], problems: writeErrors });

  op.post(
    '/api/users/:id/password',
    {
      operationId: 'users.resetPassword',
      access: { permission: 'user.manage' },
      audit: ['user.resetPassword'],
      summary: "Set a new password for a user; ends the user's sessions and lifts a lockout",
      params: idParamsSchema,
      body: passwordResetSchema,
      response: { 200: userSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const newHash = await hashPassword(request.body.newPassword);
      const user = orNotFound(await findUser(tx, actor.tenantId, request.params.id));
      if (user.disabled_at)
        throw new HttpProblem(409, 'conflict.state', '無効なアカウントのパスワードは設定できません。');
      await assertAcceptablePassword(request.body.newPassword, user.login_id, 'newPassword', [
        user.display_name,
        user.organization_name,
      ]);
      const mustChangePassword = request.body.mustChangePassword ?? false;
      await updateUser(tx, actor.tenantId, user.id, { passwordHash: newHash, mustChangePassword });
      await clearLockout(tx, user.id);
      // An admin resetting their own password keeps the device they are using.
      const sessionsEnded =
        user.id === actor.userId
          ? await revokeOtherSessions(tx, user.id, actor.sessionId)
          : await revokeUserSessions(tx, user.id);
      await audit({
        action: 'user.resetPassword',
        resourceType: 'user',
        resourceId: user.id,
        details: { loginId: user.login_id, sessionsEnded, mustChangePassword },
      });
      return presentedUser(tx, actor, user.id);
    },
  );

  op.post(
    '/api/users/:id/unlock',
    {
      operationId: 'users.unlock',
      access: { permission: 'user.manage' },
      audit: ['user.unlock'],
      summary: 'Lift the temporary lockout after failed sign-ins',
      params: idParamsSchema,
      response: { 200: userSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const user = orNotFound(await findUser(tx, actor.tenantId, request.params.id));
      if (!user.locked_until || user.locked_until <= now()) {
        throw new HttpProblem(409, 'conflict.state', 'このユーザーはロックされていません。');
      }
      await clearLockout(tx, user.id);
      await audit({
        action: 'user.unlock',
        resourceType: 'user',
        resourceId: user.id,
        details: { loginId: user.login_id, lockedUntil: user.locked_until.toISOString() },
      });
      return presentedUser(tx, actor, user.id);
    },
  );

  op.post(
    '/api/users/bulk-reassign',
    {
      operationId: 'users.bulkReassign',
      access: { permission: 'user.manage' },
      audit: ['user.bulkReassign', 'user.disable'],
      summary:
        "April reshuffle: move each from-user's open cases (担当職員) to a colleague, then disable accounts; ?dryRun=true only counts",
      querystring: bulkReassignQuerySchema,
      body: bulkReassignInputSchema,
      response: { 200: bulkReassignResultSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const dryRun = request.query.dryRun === 'true';
      const { assignments, disableUserIds } = request.body;
      const ids = [
        ...new Set([...assignments.flatMap((a) => [a.fromUserId, a.toUserId]), ...disableUserIds]),
      ];
      const users = new Map<string, UserWithOrganization>();
      for (const id of ids) {
        const user = await findUser(tx, actor.tenantId, id);
        if (user) users.set(id, user);
      }
      const fieldErrors: NonNullable<Problem['errors']> = [];
      const disabling = new Set(disableUserIds);
      assignments.forEach((row, index) => {
        const from = users.get(row.fromUserId);
        const to = users.get(row.toUserId);
        const at = (field: string) => `assignments.${index}.${field}`;
        if (!from)
          fieldErrors.push({
            field: at('fromUserId'),
            code: 'unknownUser',
            message: `${index + 1}行目：引継ぎ元のユーザーが見つかりません`,
          });
        if (!to)
          fieldErrors.push({
            field: at('toUserId'),
            code: 'unknownUser',
            message: `${index + 1}行目：引継ぎ先のユーザーが見つかりません`,
          });
        else if (to.disabled_at || disabling.has(to.id))
          fieldErrors.push({
            field: at('toUserId'),
            code: 'inactiveUser',
            message: `${index + 1}行目：引継ぎ先の「${to.display_name}」は無効（または無効にする予定）のアカウントです`,
          });
        else if (from && from.organization_id !== to.organization_id)
          fieldErrors.push({
            field: at('toUserId'),
            code: 'otherOrganization',
            message: `${index + 1}行目：引継ぎ先の「${to.display_name}」は引継ぎ元（${from.organization_name}）と別の組織です`,
          });
      });
      disableUserIds.forEach((id, index) => {
        const user = users.get(id);
        if (!user)
          fieldErrors.push({
            field: `disableUserIds.${index}`,
            code: 'unknownUser',
            message: `${index + 1}件目：ユーザーが見つかりません`,
          });
        else if (user.id === actor.userId)
          fieldErrors.push({
            field: `disableUserIds.${index}`,
            code: 'self',
            message: '自分自身のアカウントは無効にできません',
          });
        else if (user.disabled_at)
          fieldErrors.push({
            field: `disableUserIds.${index}`,
            code: 'alreadyDisabled',
            message: `「${user.display_name}」はすでに無効です`,
          });
      });
      if (fieldErrors.length > 0) {
        throw new HttpProblem(
          400,
          'validation.invalid',
          `人事異動の一括処理に誤りがあります：${fieldErrors.map((e) => e.message).join('。')}。`,
          fieldErrors,
        );
      }
      const user = (id: string) => users.get(id) as UserWithOrganization;
      const counts = await openCasesByUser(tx, actor.tenantId, ids);
      const moves = [];
      for (const row of assignments) {
        const from = user(row.fromUserId);
        const to = user(row.toUserId);
        let moved = counts.get(from.id) ?? 0;
        if (!dryRun) {
          const caseIds = await moveOpenCases(tx, actor.tenantId, from.id, to.id);
          moved = caseIds.length;
          await audit({
            action: 'user.bulkReassign',
            resourceType: 'user',
            resourceId: from.id,
            details: {
              fromLoginId: from.login_id,
              toUserId: to.id,
              toLoginId: to.login_id,
              openCases: moved,
              caseIds,
            },
          });
        }
        moves.push({ fromUser: refOf(from), toUser: refOf(to), openCases: moved });
      }
      const after = dryRun ? null : await openCasesByUser(tx, actor.tenantId, disableUserIds);
      const movedAway = new Set(assignments.map((a) => a.fromUserId));
      const disabled = [];
      for (const id of disableUserIds) {
        const target = user(id);
        const openCasesLeft = after ? (after.get(id) ?? 0) : movedAway.has(id) ? 0 : (counts.get(id) ?? 0);
        let sessionsEnded = 0;
        if (dryRun) {
          const live = await tx
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('user_id', '=', id)
            .where('revoked_at', 'is', null)
            .where('expires_at', '>', now())
            .executeTakeFirstOrThrow();
          sessionsEnded = Number(live.n);
        } else {
          await updateUser(tx, actor.tenantId, id, { disabledAt: now() });
          sessionsEnded = await revokeUserSessions(tx, id);
          await audit({
            action: 'user.disable',
            resourceType: 'user',
            resourceId: id,
            details: { loginId: target.login_id, bulkReassign: true, sessionsEnded, openCasesLeft },
          });
        }
        disabled.push({ user: refOf(target), sessionsEnded, openCasesLeft });
      }
      return { dryRun, moves, disabled };
    },
  );
}
