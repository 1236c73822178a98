import { describe, expect, it } from 'vitest';
import { createToken, tokenFingerprint, tokensMatch } from './token';

describe('token', () => {
  it('is 32 random bytes in base64url, different every launch', () => {
    const a = createToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(createToken()).not.toBe(a);
  });

  it('matches only the exact token, whatever the length presented', () => {
    const token = createToken();
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token.slice(0, -1), token)).toBe(false);
    expect(tokensMatch(`${token}x`, token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
  });

  it('fingerprints without revealing the token', () => {
    const token = createToken();
    expect(tokenFingerprint(token)).toMatch(/^[0-9a-f]{8}$/);
    expect(token).not.toContain(tokenFingerprint(token));
  });
});
