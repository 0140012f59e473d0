import {
  type PasswordEstimate,
  passwordViolationMessage,
  passwordViolations,
} from '../domain/passwordRules.ts';
import { estimatePassword } from './passwordStrength.ts';
import { HttpProblem } from './problem.ts';

/**
 * Judge a new password by the rules of src/domain/passwordRules.ts and the strength estimator
 * (src/server/passwordStrength.ts). `userInputs`: the user's own details (display name,
 * organisation, city), which make a password guessable when it is built on them.
 */
export async function passwordProblems(
  password: string,
  loginId: string,
  userInputs: readonly string[] = [],
): Promise<{ code: ReturnType<typeof passwordViolations>[number]; message: string }[]> {
  const estimate: PasswordEstimate | undefined =
    [...password].length <= 256 ? await estimatePassword(password, [loginId, ...userInputs]) : undefined;
  return passwordViolations(password, loginId, estimate).map((code) => ({
    code,
    message: passwordViolationMessage(code, estimate),
  }));
}

/** Refuse a new password that breaks a rule, naming the field. */
export async function assertAcceptablePassword(
  password: string,
  loginId: string,
  field: string,
  userInputs: readonly string[] = [],
): Promise<void> {
  const problems = await passwordProblems(password, loginId, userInputs);
  if (problems.length === 0) return;
  throw new HttpProblem(
    400,
    'validation.invalid',
    `このパスワードは使えません：${problems.map((p) => p.message).join('。')}。`,
    problems.map((p) => ({ field, code: p.code, message: p.message })),
  );
}
