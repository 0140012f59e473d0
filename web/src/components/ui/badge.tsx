import type { ReactNode } from 'react';

export type BadgeTone = 'info' | 'success' | 'neutral' | 'muted' | 'warning';

const tones: Record<BadgeTone, string> = {
  info: 'border-blue-900 bg-blue-50 text-blue-1000',
  success: 'border-green-900 bg-green-50 text-green-1000',
  neutral: 'border-solid-gray-700 bg-white text-solid-gray-800',
  muted: 'border-solid-gray-600 bg-solid-gray-100 text-solid-gray-800',
  warning: 'border-warning-yellow-2 bg-yellow-50 text-solid-gray-900',
};

/** A small DADS chip label. The text carries the meaning; colour only supports it. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-4 border px-2 py-0.5 text-dns-14B-130 whitespace-nowrap ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
