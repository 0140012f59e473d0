import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption of secrets kept in the database (TOTP seeds) with AES-256-GCM, so a database dump or
 * backup alone does not let anyone mint second-factor codes. The key comes from
 * `KASANE_SECRET_KEY` (required in production); in development and tests, where no key is set, a
 * key is derived from the data directory's path and a warning is logged — good enough to keep a
 * demo working across restarts, worthless as protection.
 */
export interface SecretBox {
  seal(plain: Buffer): string;
  open(sealed: string): Buffer;
  /** Whether the key was derived (development) rather than configured. */
  readonly derived: boolean;
}

const VERSION = 'v1';

function keyFrom(material: string, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, salt, 'kasane secret box v1', 32));
}

export function createSecretBox(input: {
  secretKey: string | undefined;
  dataDir: string;
  production: boolean;
  warn: (message: string) => void;
}): SecretBox {
  let key: Buffer;
  let derived = false;
  if (input.secretKey) {
    if (input.secretKey.length < 32) throw new Error('KASANE_SECRET_KEY must be at least 32 characters');
    key = keyFrom(input.secretKey, 'kasane');
  } else if (input.production) {
    throw new Error(
      'KASANE_SECRET_KEY is required when NODE_ENV=production (e.g. `openssl rand -base64 48`)',
    );
  } else {
    derived = true;
    key = keyFrom(createHash('sha256').update(input.dataDir).digest('hex'), 'kasane-dev');
    input.warn(
      'KASANE_SECRET_KEY is not set: TOTP secrets are encrypted with a key derived from the data directory (development only).',
    );
  }

  return {
    derived,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join(
        '.',
      );
    },
    open(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== VERSION || !iv || body === undefined || !tag) throw new Error('Unknown sealed format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
    },
  };
}
