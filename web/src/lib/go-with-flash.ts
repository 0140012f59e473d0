import { type RegisteredRouter, useNavigate, type ValidateNavigateOptions } from '@tanstack/react-router';
import { setFlash } from './flash.ts';

/**
 * Goes to another page of the app leaving it a message (「登録しました」 on the record's page after a
 * save): `goWithFlash(message, { to, params })`, the route and its parameters typed as for `navigate`.
 */
export function useGoWithFlash() {
  const navigate = useNavigate();
  return function goWithFlash<TRouter extends RegisteredRouter = RegisteredRouter, TOptions = unknown>(
    message: string,
    options: ValidateNavigateOptions<TRouter, TOptions>,
  ): void {
    setFlash(message);
    void navigate(options as Parameters<typeof navigate>[0]);
  };
}
