import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
  RouteOptions,
} from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { problemSchema } from '../contract/problem.ts';
import { type CaseRow, findVisibleCase } from '../db/cases.ts';
import type { DB } from '../db/schema.ts';
import type { AuditAction } from '../domain/auditActions.ts';
import type { Access } from './actor.ts';
import { notFound } from './problem.ts';
import { type RequestTransaction, requestTransaction } from './requestTransaction.ts';

/** The problems any operation may answer; a write may also conflict (409). */
export const readErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
export const writeErrors = { ...readErrors, 409: problemSchema };

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.output<S> : undefined;
type SuccessStatus = 200 | 201 | 204;

/**
 * One operation, declared once: who may call it (`access`, OpenAPI `x-kasane-access`), the audit
 * actions it records (`audit`, `x-kasane-audit`), and its OpenAPI schema. `response` names only the
 * success answer; the problems (`readErrors` for a GET, `writeErrors` otherwise) are added here, and
 * an operation that answers another problem (413, 429 …) lists it too.
 */
export interface OperationSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  R extends Partial<Record<SuccessStatus, Schema>>,
> {
  operationId: string;
  access: Access;
  audit: readonly AuditAction[];
  /** The module's tags unless this operation is filed elsewhere in the OpenAPI document. */
  tags?: string[];
  summary: string;
  description?: string;
  params?: P;
  querystring?: Q;
  body?: B;
  response: R & Partial<Record<number, Schema>>;
  /**
   * Runs after the gate and validation, before the transaction: a check that refuses early and
   * costs nothing when the request is refused or malformed (the export rate limit).
   */
  preHandler?: preHandlerAsyncHookHandler;
  /** Open to a user who must first enrol TOTP. */
  allowDuringTotpEnrolment?: boolean;
  /** Open to a user who must first change their password. */
  allowDuringPasswordChange?: boolean;
}

type Answer<R> = R extends { 201: infer S extends Schema }
  ? z.input<S>
  : R extends { 200: infer S extends Schema }
    ? z.input<S>
    : undefined;

/** What a handler is given: the request, the signed-in actor and the request's one transaction. */
export interface OperationContext<P, Q, B> extends RequestTransaction {
  request: FastifyRequest<{ Params: Infer<P>; Querystring: Infer<Q>; Body: Infer<B> }>;
  reply: FastifyReply;
  /** The case the actor can see (the access predicate), or 404. */
  visibleCase: (caseId: string, options?: { forUpdate?: boolean }) => Promise<CaseRow>;
}

type Handler<P, Q, B, R> = (context: OperationContext<P, Q, B>) => Promise<Answer<R>>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The reply a handler is given: headers and status go to the real reply at once, but what it sends
 * is held until the request's transaction has committed. Sent inside the transaction, a download
 * could reach the client before its audit event was committed (or with the commit failing after it),
 * and a 201 could acknowledge a write that a crash before COMMIT then lost.
 */
function holdUntilCommit(reply: FastifyReply): { reply: FastifyReply; sent: boolean; payload: unknown } {
  const held = { reply, sent: false, payload: undefined as unknown };
  held.reply = new Proxy(reply, {
    get(target, property) {
      // Fastify's reply is thenable (it settles once sent): a held reply returned through the
      // transaction's promise must not be awaited, or it would wait for its own sending
      if (property === 'then') return undefined;
      if (property === 'send')
        return (payload?: unknown) => {
          held.sent = true;
          held.payload = payload;
          return held.reply;
        };
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // chained calls (reply.code(201).header(…).send(…)) stay on the holding reply
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result === target ? held.reply : result;
      };
    },
  });
  return held;
}

/**
 * The route builder every signed-in data operation uses (docs/adding-an-operation.md): the handler
 * runs inside one transaction with the gate's actor, and its answer is sent with the operation's
 * success status (201 or 204 where the spec says so). `tags` are the module's OpenAPI tags;
 * `problems`, where a module's operations answer another set of problems than `readErrors` /
 * `writeErrors` (own-account operations never answer 404, sign-in answers 429).
 */
export function operations(
  app: FastifyInstance,
  db: Kysely<DB>,
  module: { tags: string[]; problems?: Record<number, Schema> },
) {
  const register =
    (method: Method) =>
    <
      P extends Schema | undefined = undefined,
      Q extends Schema | undefined = undefined,
      B extends Schema | undefined = undefined,
      R extends Partial<Record<SuccessStatus, Schema>> = Record<200, Schema>,
    >(
      url: string,
      spec: OperationSpec<P, Q, B, R>,
      handler: Handler<P, Q, B, R>,
    ): void => {
      const { operationId, access, audit, summary, description, params, querystring, body, response } = spec;
      if (access === 'public')
        throw new Error(`${url}: operations() serves signed-in callers; register a public route by hand`);
      const success = ([201, 204, 200] as const).find((status) => status in response) ?? 200;
      // the zod validator and serializer are the app's (src/server/app.ts); the types are the spec's
      const route: RouteOptions = {
        method,
        url,
        config: {
          access,
          audit,
          ...(spec.allowDuringTotpEnrolment ? { allowDuringTotpEnrolment: true } : {}),
          ...(spec.allowDuringPasswordChange ? { allowDuringPasswordChange: true } : {}),
        },
        schema: {
          operationId,
          summary,
          ...(description ? { description } : {}),
          tags: spec.tags ?? module.tags,
          ...(params ? { params } : {}),
          ...(querystring ? { querystring } : {}),
          ...(body ? { body } : {}),
          response: { ...(module.problems ?? (method === 'GET' ? readErrors : writeErrors)), ...response },
        },
        ...(spec.preHandler ? { preHandler: spec.preHandler } : {}),
        handler: async (request, reply) => {
          const held = holdUntilCommit(reply);
          const answer = await requestTransaction(db, request, ({ actor, tx, audit }) =>
            handler({
              request: request as OperationContext<P, Q, B>['request'],
              reply: held.reply,
              actor,
              tx,
              audit,
              visibleCase: async (caseId, options) => {
                const kase = await findVisibleCase(tx, actor, caseId, options);
                if (!kase) throw notFound();
                return kase;
              },
            }),
          );
          // committed: only now may the client hear of it (a file a handler sent, or its answer)
          if (held.sent) return reply.send(held.payload);
          return reply.code(success).send(answer);
        },
      };
      app.route(route);
    };
  return {
    get: register('GET'),
    post: register('POST'),
    put: register('PUT'),
    patch: register('PATCH'),
    delete: register('DELETE'),
  };
}
