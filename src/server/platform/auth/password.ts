import { hash, verify } from '@node-rs/argon2';

// The password rules (length, digit, upper case) are a request contract: src/contracts/accounts.ts.

// OWASP's argon2id baseline (19 MiB, t=2); tests use the cheapest legal parameters.
const STRONG = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export class PasswordHasher {
  private readonly params;
  private dummy?: Promise<string>;

  constructor(fast: boolean) {
    // 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
    this.params = { ...(fast ? FAST : STRONG), algorithm: 2 as const };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.params);
  }

  async verify(hashed: string, password: string): Promise<boolean> {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so an unknown email answers as slowly as a wrong password. */
  async verifyNobody(password: string): Promise<false> {
    this.dummy ??= this.hash('not-a-real-password-1A');
    await this.verify(await this.dummy, password);
    return false;
  }
}
