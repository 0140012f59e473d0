import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/server/secretBox.ts';

const quiet = () => {};

describe('createSecretBox', () => {
  const configured = createSecretBox({
    secretKey: 'a-test-key-of-at-least-thirty-two-characters',
    dataDir: '/tmp/x',
    production: true,
    warn: quiet,
  });

  it('round-trips a secret and never stores it in the clear', () => {
    const plain = Buffer.from('12345678901234567890');
    const sealed = configured.seal(plain);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(plain.toString('base64url'));
    expect(configured.open(sealed).equals(plain)).toBe(true);
    expect(configured.seal(plain)).not.toBe(sealed); // a fresh IV each time
  });

  it('refuses a tampered or foreign box', () => {
    const sealed = configured.seal(Buffer.from('secret'));
    const parts = sealed.split('.');
    parts[2] = Buffer.from('SECRET').toString('base64url');
    expect(() => configured.open(parts.join('.'))).toThrow();
    const other = createSecretBox({
      secretKey: 'another-key-of-at-least-thirty-two-characters',
      dataDir: '/tmp/x',
      production: true,
      warn: quiet,
    });
    expect(() => other.open(sealed)).toThrow();
    expect(() => configured.open('v0.a.b.c')).toThrow(/format/);
  });

  it('requires the key in production and refuses a short one', () => {
    expect(() =>
      createSecretBox({ secretKey: undefined, dataDir: '/d', production: true, warn: quiet }),
    ).toThrow(/KASANE_SECRET_KEY/);
    expect(() =>
      createSecretBox({ secretKey: 'short', dataDir: '/d', production: false, warn: quiet }),
    ).toThrow(/32/);
  });

  it('derives a per-data-dir key outside production, and warns', () => {
    const warnings: string[] = [];
    const a = createSecretBox({
      secretKey: undefined,
      dataDir: '/data/a',
      production: false,
      warn: (m) => warnings.push(m),
    });
    const again = createSecretBox({
      secretKey: undefined,
      dataDir: '/data/a',
      production: false,
      warn: quiet,
    });
    const b = createSecretBox({ secretKey: undefined, dataDir: '/data/b', production: false, warn: quiet });
    expect(a.derived).toBe(true);
    expect(warnings[0]).toMatch(/KASANE_SECRET_KEY/);
    const sealed = a.seal(Buffer.from('seed'));
    expect(again.open(sealed).toString()).toBe('seed');
    expect(() => b.open(sealed)).toThrow();
  });
});
