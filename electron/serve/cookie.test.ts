import { describe, expect, it } from 'vitest';
import { formatSessionCookie, readCookieValues, sessionCookieName } from './cookie';

describe('session cookie', () => {
  it('is named per port, since cookies are shared by every port of a host', () => {
    expect(sessionCookieName(4321)).toBe('modboard-session-4321');
    expect(sessionCookieName(4321)).not.toBe(sessionCookieName(4322));
  });

  it('is HttpOnly, SameSite=Strict and scoped to the whole site', () => {
    expect(formatSessionCookie(4321, 'abc')).toBe('modboard-session-4321=abc; HttpOnly; SameSite=Strict; Path=/');
  });

  it('reads every value sent under the name and ignores the rest', () => {
    const header = 'other=1; modboard-session-4321=a ; modboard-session-43210=b;modboard-session-4321=c; broken';
    expect(readCookieValues(header, 'modboard-session-4321')).toEqual(['a', 'c']);
    expect(readCookieValues(undefined, 'x')).toEqual([]);
    expect(readCookieValues('', 'x')).toEqual([]);
  });
});
