/**
 * The renderer's Content-Security-Policy, shared by the Electron window and browser mode.
 * Nothing inline, nothing remote: scripts and styles come only from the app's own origin,
 * and the page may talk only to its own origin (plus the WebSocket in browser mode).
 */
export interface CspOptions {
  /** Extra `connect-src` sources, e.g. the browser-mode WebSocket `ws://127.0.0.1:PORT`. */
  readonly connectSources?: readonly string[];
}

export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connectSources ?? [])];
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': connect,
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'worker-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
