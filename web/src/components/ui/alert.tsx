import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<AlertTone, { box: string; icon: string }> = {
  info: { box: 'border-blue-900 bg-blue-50', icon: 'text-blue-900' },
  success: { box: 'border-green-900 bg-green-50', icon: 'text-green-900' },
  warning: { box: 'border-warning-yellow-2 bg-yellow-50', icon: 'text-warning-yellow-2' },
  error: { box: 'border-error-2 bg-red-50', icon: 'text-error-2' },
};

const icons: Record<AlertTone, string> = {
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z',
  success: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9Z',
  warning: 'M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z',
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z',
};

export type AlertProps = {
  tone: AlertTone;
  title: string;
  children?: ReactNode;
  /** Announce on appearance: errors interrupt (`alert`), the rest are polite (`status`). */
  live?: boolean;
};

/** A DADS notification banner: coloured border and icon plus a text title, so meaning never rests on colour. */
export function Alert({ tone, title, children, live = true }: AlertProps) {
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div role={role} className={`flex gap-3 rounded-12 border-2 p-4 ${tones[tone].box}`}>
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 24 24"
        className={`mt-0.5 size-6 shrink-0 ${tones[tone].icon}`}
      >
        <path fill="currentColor" d={icons[tone]} />
      </svg>
      <div className="flex min-w-0 flex-col gap-1">
        <p className="text-std-17B-170 text-solid-gray-900">{title}</p>
        {children ? <div className="text-std-16N-170 text-solid-gray-800">{children}</div> : null}
      </div>
    </div>
  );
}
