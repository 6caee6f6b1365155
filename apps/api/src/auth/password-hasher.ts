import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/**
 * argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane):
 * about 30-60 ms a hash on one core here, on the libuv thread pool, so the
 * event loop keeps serving while people sign in.
 */
/** `algorithm: 2` is Argon2id (the package's const enum cannot be read under isolatedModules). */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private decoy: Promise<string> | undefined;

  /** A real hash of nothing anyone knows: verifying against it for an unknown email takes as long as for a known one. */
  decoyHash(): Promise<string> {
    return (this.decoy ??= hash(randomBytes(32).toString('base64'), ARGON2_OPTIONS));
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password).catch(() => false);
  }
}
