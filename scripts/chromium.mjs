// Which Debian Chromium the browser tests and the screenshot script drive: CHROMIUM_PATH when set,
// else Debian's headless shell (package chromium-headless-shell: the same Blink without the browser's
// window and profile machinery, as Playwright's own headless mode uses; about a quarter less CPU for
// the browser suite on two cores), else the full browser (package chromium).
import fs from 'node:fs';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const FULL_BROWSER = '/usr/bin/chromium';

/** The Chromium executable to launch; it may not exist (the caller says so). */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_BROWSER;
}
