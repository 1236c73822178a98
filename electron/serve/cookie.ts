/**
 * The session cookie that replaces `?token=` after the first valid request.
 * Cookies are shared by every port of a host, so the name carries the port:
 * two servers on one machine (or a stale tab) never overwrite each other's cookie.
 */
export function sessionCookieName(port: number): string {
  return `modboard-session-${port}`;
}

/**
 * HttpOnly keeps the token away from page scripts; SameSite=Strict keeps other sites
 * from riding on it (including cross-site WebSocket handshakes). No Max-Age: it dies
 * with the browser session, and the token dies with the server anyway.
 */
export function formatSessionCookie(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * Every value sent under `name`. A browser may send the same name twice (another
 * local server can set cookies for 127.0.0.1 too), so callers check each candidate.
 */
export function readCookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    values.push(pair.slice(eq + 1).trim());
  }
  return values;
}
