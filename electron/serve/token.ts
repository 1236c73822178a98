import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh per-launch secret: 32 random bytes, base64url so it is safe in URLs and cookies. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares a presented token with the expected one in constant time.
 * Both sides are hashed first so the comparison never leaks the token's length
 * and `timingSafeEqual` always sees equal-length buffers.
 */
export function tokensMatch(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A short, non-reversible tag for logs: lets people tell launches apart without exposing the token. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 8);
}
