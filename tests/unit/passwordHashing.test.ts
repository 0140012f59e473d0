import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/db/passwords.ts';

const saved = { profile: process.env.KASANE_PASSWORD_HASH, nodeEnv: process.env.NODE_ENV };
afterEach(() => {
  for (const [key, value] of [
    ['KASANE_PASSWORD_HASH', saved.profile],
    ['NODE_ENV', saved.nodeEnv],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('password hashing profiles', () => {
  it('hashes with argon2id at m=19 MiB, t=2 unless told otherwise', async () => {
    delete process.env.KASANE_PASSWORD_HASH;
    const hashed = await hashPassword('correct horse battery');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hashed, 'correct horse batterY')).toBe(false);
  });

  it('has a token-cost profile for test runs whose hashes still verify under the standard one', async () => {
    process.env.KASANE_PASSWORD_HASH = 'test';
    const hashed = await hashPassword('correct horse battery');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=512,t=1,p=1\$/);
    delete process.env.KASANE_PASSWORD_HASH;
    expect(await verifyPassword(hashed, 'correct horse battery')).toBe(true);
  });

  it('refuses the test profile in production', async () => {
    process.env.KASANE_PASSWORD_HASH = 'test';
    process.env.NODE_ENV = 'production';
    await expect(hashPassword('correct horse battery')).rejects.toThrow(/refused when NODE_ENV=production/);
  });

  it('answers false, not an error, for a malformed stored hash', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
