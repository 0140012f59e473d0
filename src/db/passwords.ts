import { hash, verify } from '@node-rs/argon2';

// argon2id (algorithm 2) at OWASP's second recommended setting: m=19 MiB, t=2, p=1.
const standard = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// The same algorithm at a token cost, for test runs only (KASANE_PASSWORD_HASH=test): the suites sign
// in thousands of times and should spend their time on what they test. A hash records its own
// parameters, so verification works whichever profile made it.
const testOnly = { algorithm: 2, memoryCost: 512, timeCost: 1, parallelism: 1 } as const;

function options() {
  if (process.env.KASANE_PASSWORD_HASH !== 'test') return standard;
  if (process.env.NODE_ENV === 'production')
    throw new Error('KASANE_PASSWORD_HASH=test is for test runs and is refused when NODE_ENV=production');
  return testOnly;
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password, options());
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the login id is unknown so timing does not tell. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}
