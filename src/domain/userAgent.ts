/**
 * A User-Agent header summarised for people: browser and OS names in Japanese, so a user can
 * recognise their own devices in 「ログイン中の端末」. Heuristic by nature; unknown parts say so.
 */
export interface UserAgentSummary {
  browser: string;
  os: string;
  /** e.g. 「Chrome（Windows）」 */
  label: string;
}

const browsers: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, 'Microsoft Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/HeadlessChrome\//, 'Chrome（自動操作）'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//, 'curl（コマンド）'],
  [/node|undici/i, 'プログラム（Node.js）'],
];

const systems: [RegExp, string][] = [
  [/Windows NT/, 'Windows'],
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'Mac'],
  [/Linux/, 'Linux'],
];

export function summarizeUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  const ua = userAgent ?? '';
  const browser = browsers.find(([pattern]) => pattern.test(ua))?.[1] ?? '不明なブラウザ';
  const os = systems.find(([pattern]) => pattern.test(ua))?.[1] ?? '不明なOS';
  return { browser, os, label: `${browser}（${os}）` };
}
