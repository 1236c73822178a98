import { readCookieValues, sessionCookieName } from './cookie';
import { tokensMatch } from './token';

/**
 * The pure gatekeeping decisions for every HTTP request and WebSocket handshake.
 * Order matters: the Host check runs first (a DNS-rebinding page reaches us under a
 * foreign name and must get nothing), then the token, then, for handshakes, the Origin.
 */
export interface GuardConfig {
  readonly port: number;
  readonly token: string;
}

export interface RequestFacts {
  /** The raw request target, e.g. `/assets/app.js?token=…`. */
  readonly url: string;
  readonly host: string | undefined;
  readonly cookie: string | undefined;
  readonly origin: string | undefined;
  readonly isUpgrade: boolean;
}

export type GuardVerdict =
  | { readonly allowed: true; readonly tokenFrom: 'query' | 'cookie' }
  | { readonly allowed: false; readonly status: 401 | 403 | 421; readonly reason: string };

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const normalized = host.toLowerCase();
  // Browsers leave out the port only when it is the scheme default.
  return LOOPBACK_NAMES.some((name) => normalized === `${name}:${port}` || (port === 80 && normalized === name));
}

/**
 * Browsers always send Origin on a WebSocket handshake, so a foreign page is caught here
 * even if it somehow held the token. A missing Origin means a non-browser client
 * (a script, a test), which cannot be driven by another site and still needs the token.
 */
export function isAllowedOrigin(origin: string | undefined, host: string): boolean {
  if (origin === undefined) return true;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

export function queryToken(url: string): string | null {
  const q = url.indexOf('?');
  return q < 0 ? null : new URLSearchParams(url.slice(q + 1)).get('token');
}

export function checkRequest(facts: RequestFacts, config: GuardConfig): GuardVerdict {
  if (!isAllowedHost(facts.host, config.port))
    return { allowed: false, status: 421, reason: 'This server only answers to 127.0.0.1 and localhost.' };

  const fromQuery = queryToken(facts.url);
  const tokenFrom =
    fromQuery !== null && tokensMatch(fromQuery, config.token)
      ? 'query'
      : readCookieValues(facts.cookie, sessionCookieName(config.port)).some((v) => tokensMatch(v, config.token))
        ? 'cookie'
        : null;
  if (tokenFrom === null)
    return { allowed: false, status: 401, reason: 'Open Modboard with the link printed by `npm run serve`.' };

  if (facts.isUpgrade && !isAllowedOrigin(facts.origin, facts.host ?? ''))
    return { allowed: false, status: 403, reason: 'WebSocket connections are accepted only from this page.' };

  return { allowed: true, tokenFrom };
}

/**
 * Where to send the browser after a valid `?token=`: the same path and query minus the
 * token, so it does not linger in history. Leading slashes are collapsed so a target like
 * `//evil.example/` can never become a protocol-relative redirect off the machine.
 */
export function urlWithoutToken(url: string): string {
  const q = url.indexOf('?');
  const path = '/' + (q < 0 ? url : url.slice(0, q)).replace(/^[/\\]+/, '');
  if (q < 0) return path;
  const params = new URLSearchParams(url.slice(q + 1));
  params.delete('token');
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}
