/** The Chromium executable to launch (scripts/chromium.mjs). */
export function chromiumPath(): string;
