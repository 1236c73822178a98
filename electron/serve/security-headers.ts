import { buildContentSecurityPolicy } from '@services/security/csp';

/**
 * Headers sent on every response, errors and redirects included: the same CSP as the
 * Electron window (plus our own WebSocket), no sniffing, no referrer (the first URL
 * carries the token), no framing, and no sharing of our documents or assets cross-origin.
 */
export function securityHeaders(port: number): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy({
      connectSources: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
    }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
