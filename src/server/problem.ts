import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '../contract/problem.ts';
import { AuditMissingError } from '../db/auditScope.ts';
import type { Refusal } from '../domain/policy/actor.ts';

export type { ProblemCode } from '../contract/problem.ts';

import type { ProblemCode } from '../contract/problem.ts';

const titles: Record<number, string> = {
  400: '入力内容に誤りがあります',
  401: '認証が必要です',
  403: '操作が許可されていません',
  404: '見つかりません',
  409: '競合が発生しました',
  413: 'データが大きすぎます',
  415: '対応していない形式です',
  423: 'ロックされています',
  429: 'リクエストが多すぎます',
  500: 'サーバーエラー',
};

/** An error that becomes an RFC 9457 problem response. Throw it from anywhere in a request. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: Problem['errors'],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  toProblem(instance?: string): Problem {
    return {
      type: `https://kasane.example/problems/${this.code}`,
      title: titles[this.status] ?? 'エラー',
      status: this.status,
      code: this.code,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const notFound = () =>
  new HttpProblem(404, 'notFound', '指定されたデータは見つからないか、閲覧する権限がありません。');
/** The record a lookup found, or 404 when there is none (or the actor may not see it). */
export function orNotFound<T>(record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
export const forbidden = () => new HttpProblem(403, 'auth.forbidden', 'この操作を行う権限がありません。');
export const conflict = (code: ProblemCode, detail: string) => new HttpProblem(409, code, detail);

/** An operation succeeded without recording its declared audit event: a bug, so nothing is kept. */
export const auditMissing = () =>
  new HttpProblem(
    500,
    'server.auditMissing',
    '操作の記録（監査ログ）を残せなかったため、処理を取り消しました。管理者に連絡してください。',
  );

/** The problem answer of a policy refusal (src/domain/policy): 403 not yours, 409 not in this state. */
export const refused = (refusal: Refusal) => new HttpProblem(refusal.status, refusal.code, refusal.message);

/** Throw the refusal, if there is one. */
export function enforce(refusal: Refusal | null): void {
  if (refusal) throw refused(refusal);
}

/** Japanese names for request parts, so a message names the field the way a person sees it. */
const partNames: Record<string, string> = {
  body: '',
  querystring: 'クエリ',
  params: 'パス',
  headers: 'ヘッダー',
};

function validationProblem(error: FastifyError): HttpProblem {
  const part = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  const issues = hasZodFastifySchemaValidationErrors(error)
    ? error.validation.map((v) => ({
        field: [partNames[part] ?? part, ...String(v.instancePath).split('/').filter(Boolean)]
          .filter(Boolean)
          .join('.'),
        code: String(
          v.params?.issue && typeof v.params.issue === 'object' && 'code' in v.params.issue
            ? v.params.issue.code
            : v.keyword,
        ),
        message: v.message ?? '値が正しくありません',
      }))
    : [{ field: part, code: 'invalid', message: error.message }];
  return invalidFields(issues);
}

/** 400 `validation.invalid` naming each field, the same answer as the schemas' validation gives. */
export function invalidFields(issues: FieldError[]): HttpProblem {
  const summary = issues.map((i) => `${i.field || '(本文)'}: ${i.message}`).join(' / ');
  return invalidInput(`入力内容に誤りがあります。${summary}`, issues);
}

/** One field a 400 `validation.invalid` answer names. */
export type FieldError = NonNullable<Problem['errors']>[number];

/** 400 `validation.invalid`: the detail a person reads, and the fields it is about. */
export function invalidInput(detail: string, errors: FieldError[]): HttpProblem {
  return new HttpProblem(400, 'validation.invalid', detail, errors);
}

/** 400 `validation.invalid` about one field; the detail is its message unless told otherwise. */
export function invalidField(field: string, code: string, message: string, detail = message): HttpProblem {
  return invalidInput(detail, [{ field, code, message }]);
}

/** A 400 naming one field of the body, for ids that are unknown or not the caller's to use. */
export function fieldProblem(field: string, message: string, code = 'invalidReference'): HttpProblem {
  return invalidFields([{ field, code, message }]);
}

/** Throw 400 `validation.invalid` naming these fields, if there are any. */
export function refuseFieldErrors(detail: string, errors: FieldError[]): void {
  if (errors.length > 0) throw invalidInput(detail, errors);
}

/**
 * The field errors of the entries of a list whose reference is not known (code `unknown` unless
 * told otherwise), one an entry, named by `field`.
 */
export function unknownEntries<T>(
  entries: readonly T[],
  check: {
    isKnown: (entry: T) => boolean;
    field: (entry: T, index: number) => string;
    message: string;
    code?: string;
  },
): FieldError[] {
  return entries.flatMap((entry, index) =>
    check.isKnown(entry)
      ? []
      : [{ field: check.field(entry, index), code: check.code ?? 'unknown', message: check.message }],
  );
}

/** Turn every error into problem+json; bad input is a 4xx, never a 500. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: HttpProblem;
    if (error instanceof HttpProblem) problem = error;
    else if (error instanceof AuditMissingError) {
      request.log.error({ err: error }, 'audit event missing');
      problem = auditMissing();
    } else if (error.validation) problem = validationProblem(error);
    else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      problem = new HttpProblem(413, 'payloadTooLarge', '送信されたデータが大きすぎます。');
    else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      problem = new HttpProblem(
        415,
        'unsupportedMediaType',
        'Content-Type は application/json にしてください。',
      );
    else if (
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error instanceof SyntaxError
    )
      problem = new HttpProblem(400, 'validation.invalid', 'リクエスト本文が正しいJSONではありません。', [
        { field: '', code: 'invalidJson', message: 'JSONとして読み取れません' },
      ]);
    else if (error.statusCode === 429)
      problem = new HttpProblem(
        429,
        'rateLimited',
        'リクエストが多すぎます。しばらく待ってから再度お試しください。',
      );
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      problem = new HttpProblem(
        error.statusCode,
        'validation.invalid',
        `リクエストが正しくありません（${error.message}）`,
      );
    else {
      request.log.error({ err: error }, 'unhandled error');
      problem = new HttpProblem(
        500,
        'server.error',
        'サーバーで問題が発生しました。時間をおいて再度お試しください。',
      );
    }
    void reply
      .code(problem.status)
      .headers(problem.headers)
      .type('application/problem+json; charset=utf-8')
      .send(JSON.stringify(problem.toProblem(request.url)));
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = new HttpProblem(
      404,
      'notFound',
      `${request.method} ${request.url.split('?')[0]} は存在しません。`,
    );
    void reply
      .code(404)
      .type('application/problem+json; charset=utf-8')
      .send(JSON.stringify(problem.toProblem(request.url)));
  });
}
