import type { TFunction } from 'i18next';
import { ApiError } from './api-client.ts';
import { i18n } from './i18n/i18n.ts';

/**
 * The sentence to show for a failed request. The server's `detail` is Japanese and the most
 * specific, so Japanese screens show it; other languages show the message for the stable
 * `code` (which is also the i18n key under `problem.`), falling back to `detail`.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('problem.unexpected');
  const key = `problem.${error.problem.code}`;
  const known = i18n.exists(key);
  const translated = known ? (t as unknown as (key: string) => string)(key) : undefined;
  if (i18n.language === 'ja' && error.problem.detail) return error.problem.detail;
  return translated ?? (error.problem.detail || t('problem.unexpected'));
}
