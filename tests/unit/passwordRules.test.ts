import { describe, expect, it } from 'vitest';
import {
  isDemoPassword,
  MIN_PASSWORD_LENGTH,
  passwordViolationMessages,
  passwordViolations,
} from '../../src/domain/passwordRules.ts';

describe('passwordViolations', () => {
  it('accepts a long password unrelated to the login id', () => {
    expect(passwordViolations('sakurajima-haiiro-2026', 'tanaka')).toEqual([]);
  });
  it('refuses fewer than 12 characters, counting characters not bytes', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordViolations('abcdefghij1', 'x1')).toEqual(['tooShort']);
    expect(passwordViolations('abcdefghij12', 'x1')).toEqual([]);
    expect(passwordViolations('かさねのぱすわーど１２', 'x1')).toEqual(['tooShort']);
    expect(passwordViolations('かさねのぱすわーど１２３', 'x1')).toEqual([]);
    expect(passwordViolations('', 'x1')).toEqual(['tooShort']);
  });
  it('refuses more than 256 characters', () => {
    expect(passwordViolations('a'.repeat(257), 'x1')).toEqual(['tooLong']);
    expect(passwordViolations('a'.repeat(256), 'x1')).toEqual([]);
  });
  it('refuses a password equal to or containing the login id, ignoring case', () => {
    expect(passwordViolations('coordinator1', 'coordinator')).toEqual(['containsLoginId']);
    expect(passwordViolations('COORDINATOR!', 'coordinator')).toEqual(['containsLoginId']);
    expect(passwordViolations('my-Houkatsu-secret', 'houkatsu')).toEqual(['containsLoginId']);
    expect(passwordViolations('administrator', 'administrator')).toEqual(['containsLoginId', 'common']);
    expect(passwordViolations('short-admin', 'admin')).toEqual(['tooShort', 'containsLoginId']);
  });
  it('refuses the demo password (also in another case) and common passwords', () => {
    expect(passwordViolations('kasane-demo', 'admin')).toEqual(['tooShort', 'demo']);
    expect(passwordViolations('KASANE-DEMO', 'admin')).toEqual(['tooShort', 'demo']);
    expect(passwordViolations('password1234', 'admin')).toEqual(['common']);
    expect(passwordViolations('PassWord1234', 'admin')).toEqual(['common']);
    expect(passwordViolations('123456789012', 'admin')).toEqual(['common']);
    expect(passwordViolations('kasane-demo-password', 'admin')).toEqual(['common']);
  });
  it('has a Japanese message for every violation', () => {
    for (const message of Object.values(passwordViolationMessages)) expect(message).toMatch(/パスワード/);
  });
});

describe('isDemoPassword', () => {
  it('recognises kasane-demo whatever the case and surrounding spaces', () => {
    expect(isDemoPassword('kasane-demo')).toBe(true);
    expect(isDemoPassword(' Kasane-Demo ')).toBe(true);
    expect(isDemoPassword('kasane-demo2')).toBe(false);
    expect(isDemoPassword('')).toBe(false);
  });
});
