/**
 * Rules for a NEW password (set by an admin, changed by its user, reset). Existing passwords are
 * not re-judged at sign-in, except that a demo password is refused everywhere in production.
 * Pure: no I/O, so every rule is unit-tested exhaustively.
 */

export const MIN_PASSWORD_LENGTH = 12;

/**
 * The least strength accepted, on zxcvbn's scale 0–4: 3 means "safely unguessable" — on the order
 * of 10^10 guesses, out of reach of an online attack and costly offline against argon2id.
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * A strength estimate of a password (computed by src/server/passwordStrength.ts with zxcvbn-ts and
 * its offline dictionaries; this module only judges it).
 */
export interface PasswordEstimate {
  /** 0 (too guessable) … 4 (very unguessable). */
  score: number;
  /** The whole password is on the list of passwords seen in breaches. */
  breached: boolean;
  /** Why it is weak and what would help, in Japanese. */
  warning: string | null;
  suggestions: string[];
}

/** Passwords shipped with the demo; refused as new passwords, and at sign-in in production. */
export const demoPasswords = ['kasane-demo'] as const;

/**
 * A short list of the passwords most often tried first (and some local favourites), compared
 * case-insensitively. Only those of 12+ characters matter, the shorter ones already fail length.
 */
const commonPasswords = new Set(
  [
    ...demoPasswords,
    'kasane-demo-password',
    'kasanekasane',
    'password1234',
    'password12345',
    'password123456',
    'passwordpassword',
    'p@ssw0rd1234',
    'password!234',
    '123456789012',
    '1234567890123',
    '12345678901234',
    '000000000000',
    '111111111111',
    'qwertyuiopas',
    'qwerty123456',
    '1qaz2wsx3edc',
    'abcdefghijkl',
    'abc123456789',
    'iloveyou1234',
    'changeme1234',
    'welcome12345',
    'administrator',
    'admin1234567',
    'kagoshima1234',
    'kagoshimashi',
  ].map((p) => p.toLowerCase()),
);

export type PasswordViolation = 'tooShort' | 'tooLong' | 'containsLoginId' | 'common' | 'demo' | 'weak';

export const passwordViolationMessages: Record<PasswordViolation, string> = {
  tooShort: `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`,
  tooLong: 'パスワードは256文字以内にしてください',
  containsLoginId: 'パスワードにログインIDを含めることはできません',
  common: 'よく使われるパスワードのため使えません。推測されにくいものにしてください',
  demo: 'デモ用のパスワードは使えません。新しいパスワードを設定してください',
  weak: 'このパスワードは推測されやすいため使えません。関係のない単語を4つ以上つなげるなど、長く推測されにくいものにしてください',
};

/** The message for a violation, with the estimator's own advice for a weak password. */
export function passwordViolationMessage(violation: PasswordViolation, estimate?: PasswordEstimate): string {
  const base = passwordViolationMessages[violation];
  if (violation !== 'weak' || !estimate) return base;
  const advice = [estimate.warning, ...estimate.suggestions].filter((text): text is string => Boolean(text));
  return advice.length ? `${base}（${advice.join('。')}）` : base;
}

/** Whether a password is one of the demo passwords (case-insensitive, surrounding spaces ignored). */
export function isDemoPassword(password: string): boolean {
  const normalized = password.trim().toLowerCase();
  return demoPasswords.some((demo) => demo === normalized);
}

/**
 * Every rule a new password breaks, in a stable order (empty when it is acceptable).
 * `loginId` is the account's login id; a password equal to it or containing it is refused.
 * With an `estimate`, a password on the breached list is `common`, and one scoring under
 * {@link MIN_PASSWORD_SCORE} is `weak` (reported only when no other rule already explains it).
 */
export function passwordViolations(
  password: string,
  loginId: string,
  estimate?: PasswordEstimate,
): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) violations.push('tooShort');
  if (length > 256) violations.push('tooLong');
  const lower = password.toLowerCase();
  const login = loginId.trim().toLowerCase();
  if (login.length > 0 && lower.includes(login)) violations.push('containsLoginId');
  if (isDemoPassword(password)) violations.push('demo');
  else if (commonPasswords.has(lower.trim()) || estimate?.breached) violations.push('common');
  if (estimate && estimate.score < MIN_PASSWORD_SCORE && violations.length === 0) violations.push('weak');
  return violations;
}
