import { useEffect, useState } from 'react';

/**
 * A one-shot message carried from one page to the next in memory ("saved", "disabled"),
 * so nothing about the record lands in the URL or in browser storage.
 */
let pending: string | null = null;

/** Leaves a message for the next page that calls `useFlash()`. */
export function setFlash(message: string): void {
  pending = message;
}

/** Takes the pending message, if any, once per mount. */
export function useFlash(): string | null {
  const [message] = useState(() => pending);
  useEffect(() => {
    if (message !== null && pending === message) pending = null;
  }, [message]);
  return message;
}
