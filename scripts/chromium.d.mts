/** Debian's headless shell. */
export const HEADLESS_SHELL: string;
/** Debian's full browser. */
export const FULL_BROWSER: string;
/** The Chromium executable to launch (scripts/chromium.mjs). */
export function chromiumPath(): string;
