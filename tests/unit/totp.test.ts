import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUri,
  totpAt,
  totpStep,
} from '../../src/domain/totp.ts';

const rfcSecret = Buffer.from('12345678901234567890', 'ascii');

describe('hotp (RFC 4226 appendix D)', () => {
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];
  for (const [counter, code] of expected.entries()) {
    it(`counter ${counter} → ${code}`, () => expect(hotp(rfcSecret, counter)).toBe(code));
  }
});

describe('totp (RFC 6238 appendix B, SHA-1, 8 digits)', () => {
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [seconds, code] of vectors) {
    it(`T=${seconds} → ${code}, and its last six digits with 6 digits`, () => {
      expect(totpAt(rfcSecret, seconds * 1000, 8)).toBe(code);
      expect(totpAt(rfcSecret, seconds * 1000)).toBe(code.slice(2));
    });
  }
  it('steps are 30 seconds', () => {
    expect(totpStep(0)).toBe(0);
    expect(totpStep(29_999)).toBe(0);
    expect(totpStep(30_000)).toBe(1);
    expect(totpStep(1111111109_000)).toBe(37037036);
  });
});

describe('matchTotp', () => {
  const now = 1111111111_000;
  const step = totpStep(now);
  it('accepts the current code and returns its step', () => {
    expect(matchTotp(rfcSecret, hotp(rfcSecret, step), now, null)).toBe(step);
  });
  it('accepts one step before and after (clock drift), not two', () => {
    expect(matchTotp(rfcSecret, hotp(rfcSecret, step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(rfcSecret, hotp(rfcSecret, step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(rfcSecret, hotp(rfcSecret, step - 2), now, null)).toBeNull();
    expect(matchTotp(rfcSecret, hotp(rfcSecret, step + 2), now, null)).toBeNull();
  });
  it('refuses a replay: the step already used, or any earlier one', () => {
    expect(matchTotp(rfcSecret, hotp(rfcSecret, step), now, step)).toBeNull();
    expect(matchTotp(rfcSecret, hotp(rfcSecret, step - 1), now, step - 1)).toBeNull();
    expect(matchTotp(rfcSecret, hotp(rfcSecret, step - 1), now, step)).toBeNull();
    expect(matchTotp(rfcSecret, hotp(rfcSecret, step + 1), now, step)).toBe(step + 1);
  });
  it('refuses malformed codes and tolerates spaces', () => {
    const code = hotp(rfcSecret, step);
    expect(matchTotp(rfcSecret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
    for (const bad of ['', '12345', '1234567', 'abcdef', '12345a'])
      expect(matchTotp(rfcSecret, bad, now, null)).toBeNull();
  });
  it('refuses the code of another secret', () => {
    const other = Buffer.from('abcdefghijabcdefghij');
    expect(matchTotp(rfcSecret, hotp(other, step), now, null)).toBeNull();
  });
});

describe('base32 (RFC 4648 §10 vectors, unpadded)', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];
  for (const [plain, encoded] of vectors) {
    it(`"${plain}" ↔ ${encoded}`, () => {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    });
  }
  it('decodes lower case, spaces and padding; refuses other characters', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZXW1')).toThrow(/base32/);
  });
  it('round-trips a new 20-byte secret (32 characters)', () => {
    const secret = newTotpSecret();
    expect(secret.length).toBe(20);
    const text = base32Encode(secret);
    expect(text).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(text).equals(secret)).toBe(true);
  });
});

describe('otpauthUri', () => {
  it('names issuer and account and carries the parameters', () => {
    const uri = otpauthUri({ issuer: 'Kasane 鹿児島市', account: 'admin', secretBase32: 'MZXW6YTBOI' });
    expect(uri.startsWith('otpauth://totp/Kasane%20%E9%B9%BF%E5%85%90%E5%B3%B6%E5%B8%82%3Aadmin?')).toBe(
      true,
    );
    const params = new URL(uri).searchParams;
    expect(params.get('secret')).toBe('MZXW6YTBOI');
    expect(params.get('issuer')).toBe('Kasane 鹿児島市');
    expect(params.get('algorithm')).toBe('SHA1');
    expect(params.get('digits')).toBe('6');
    expect(params.get('period')).toBe('30');
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes in groups of four', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  });
  it('normalise case, spaces and hyphens', () => {
    expect(normalizeRecoveryCode(' AB3D-EFGH-JK7M ')).toBe('ab3defghjk7m');
  });
});
