import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  recoveryCodesSchema,
  totpCodeSchema,
  totpEnrolmentSchema,
  totpStatusSchema,
} from '../../contract/accounts.ts';
import { problemSchema } from '../../contract/problem.ts';
import {
  activateTotp,
  findUserTotp,
  recoveryCodesLeft,
  removeTotp,
  replaceRecoveryCodes,
  savePendingTotp,
  spendTotpStep,
  tenantSettingsOf,
} from '../../db/accountSecurity.ts';
import type { DB } from '../../db/schema.ts';
import { now } from '../../domain/clock.ts';
import {
  base32Encode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUri,
} from '../../domain/totp.ts';
import type { Actor } from '../actor.ts';
import { ownAccountEvent } from '../auditSubjects.ts';
import { actorOf, totpEnrolmentRequired } from '../authentication.ts';
import { operations } from '../operation.ts';
import { HttpProblem } from '../problem.ts';
import { requestTransaction } from '../requestTransaction.ts';
import type { SecretBox } from '../secretBox.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema };

const wrongCode = () =>
  new HttpProblem(400, 'validation.invalid', '確認コードが正しくないか、すでに使われています。', [
    {
      field: 'code',
      code: 'invalid',
      message: '認証アプリに表示されている新しい6桁のコードを入力してください',
    },
  ]);

async function statusOf(tx: Kysely<DB> | Transaction<DB>, actor: Actor) {
  const totp = await findUserTotp(tx, actor.userId);
  const settings = await tenantSettingsOf(tx, actor.tenantId);
  const enabled = Boolean(totp?.activated_at);
  // Whether the city obliges this role, whatever the current state.
  const required = totpEnrolmentRequired(actor.roles, false, settings.totpRequiredForStaff);
  return {
    enabled,
    enrolmentPending: Boolean(totp && !totp.activated_at),
    required,
    recoveryCodesLeft: enabled ? await recoveryCodesLeft(tx, actor.userId) : 0,
    abilities: { enroll: !enabled, disable: enabled && !required },
  };
}

/** Two-step verification (2段階認証) of my own account: TOTP per RFC 6238, secret encrypted at rest. */
export function totpRoutes(app: FastifyInstance, db: Kysely<DB>, secretBox: SecretBox, issuer: string): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const op = operations(app, db, { tags: ['totp'], problems: errors });

  r.get(
    '/api/totp',
    {
      config: { access: { signedIn: true, records: 'own' }, audit: [], allowDuringTotpEnrolment: true },
      schema: {
        operationId: 'totp.get',
        summary: 'My two-step verification status',
        tags: ['totp'],
        response: { 200: totpStatusSchema, ...errors },
      },
    },
    async (request) => statusOf(db, actorOf(request)),
  );

  op.post(
    '/api/totp/enroll',
    {
      operationId: 'totp.enroll',
      access: { signedIn: true, records: 'own' },
      audit: ['totp.enroll'],
      summary: 'Start enrolment: a new secret and its otpauth URI (not on until activated)',
      allowDuringTotpEnrolment: true,
      response: { 200: totpEnrolmentSchema },
    },
    async ({ actor, tx, audit }) => {
      const existing = await findUserTotp(tx, actor.userId);
      if (existing?.activated_at) {
        throw new HttpProblem(
          409,
          'conflict.state',
          '2段階認証はすでに有効です。設定し直すには、いったん無効にしてください。',
        );
      }
      const secret = newTotpSecret();
      await savePendingTotp(tx, {
        userId: actor.userId,
        tenantId: actor.tenantId,
        secretEncrypted: secretBox.seal(secret),
      });
      await audit(ownAccountEvent(actor, 'totp.enroll'));
      const secretBase32 = base32Encode(secret);
      return {
        secret: secretBase32,
        otpauthUri: otpauthUri({ issuer, account: actor.loginId, secretBase32 }),
      };
    },
  );

  op.post(
    '/api/totp/activate',
    {
      operationId: 'totp.activate',
      access: { signedIn: true, records: 'own' },
      audit: ['totp.activate'],
      summary: 'Turn two-step verification on with a first code; returns one-time recovery codes',
      body: totpCodeSchema,
      allowDuringTotpEnrolment: true,
      response: { 200: recoveryCodesSchema },
    },
    async ({ request, actor, tx, audit }) => {
      const totp = await findUserTotp(tx, actor.userId);
      if (!totp || totp.activated_at) {
        throw new HttpProblem(
          409,
          'conflict.state',
          totp ? '2段階認証はすでに有効です。' : '先に「設定を始める」で秘密鍵を発行してください。',
        );
      }
      const step = matchTotp(secretBox.open(totp.secret_encrypted), request.body.code, now().getTime(), null);
      if (step === null) throw wrongCode();
      await activateTotp(tx, actor.userId, step);
      const codes = newRecoveryCodes();
      await replaceRecoveryCodes(tx, actor.userId, codes.map(normalizeRecoveryCode));
      await audit(ownAccountEvent(actor, 'totp.activate', { recoveryCodes: codes.length }));
      return { recoveryCodes: codes };
    },
  );

  r.post(
    '/api/totp/disable',
    {
      config: { access: { signedIn: true, records: 'own' }, audit: ['totp.disable'] },
      schema: {
        operationId: 'totp.disable',
        summary: 'Turn two-step verification off (needs a current code)',
        tags: ['totp'],
        body: totpCodeSchema,
        response: { 204: z.null().describe('Turned off'), ...errors },
      },
    },
    async (request, reply) => {
      await requestTransaction(db, request, async ({ actor, tx, audit }) => {
        const totp = await findUserTotp(tx, actor.userId);
        if (!totp?.activated_at)
          throw new HttpProblem(409, 'conflict.state', '2段階認証は有効になっていません。');
        const settings = await tenantSettingsOf(tx, actor.tenantId);
        if (totpEnrolmentRequired(actor.roles, false, settings.totpRequiredForStaff)) {
          throw new HttpProblem(
            409,
            'conflict.state',
            'この市では管理者と重層事業担当に2段階認証が必須のため、無効にできません。',
          );
        }
        const lastUsed = totp.last_used_step === null ? null : Number(totp.last_used_step);
        const step = matchTotp(
          secretBox.open(totp.secret_encrypted),
          request.body.code,
          now().getTime(),
          lastUsed,
        );
        if (step === null || !(await spendTotpStep(tx, actor.userId, step))) throw wrongCode();
        await removeTotp(tx, actor.userId);
        await audit(ownAccountEvent(actor, 'totp.disable'));
      });
      return reply.code(204).send(null);
    },
  );
}
