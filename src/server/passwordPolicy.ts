import { passwordViolationMessages, passwordViolations } from '../domain/passwordRules.ts';
import { HttpProblem } from './problem.ts';

/** Refuse a new password that breaks a rule of src/domain/passwordRules.ts, naming the field. */
export function assertAcceptablePassword(password: string, loginId: string, field: string): void {
  const violations = passwordViolations(password, loginId);
  if (violations.length === 0) return;
  const messages = violations.map((v) => passwordViolationMessages[v]);
  throw new HttpProblem(
    400,
    'validation.invalid',
    `このパスワードは使えません：${messages.join('。')}。`,
    violations.map((code, index) => ({ field, code, message: messages[index] ?? '' })),
  );
}
