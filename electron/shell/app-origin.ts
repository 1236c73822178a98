/**
 * Where the renderer comes from, and the one test every navigation and IPC check uses.
 *
 * Production serves `out/renderer` on the privileged `app://modboard` scheme rather than
 * `file://`: a real origin (so "same origin" means something), a response of our own to
 * carry the CSP header (Electron documents header CSP as unavailable for file://), and no
 * reach into the rest of the disk.
 * Development loads the electron-vite dev server, but only from loopback and only in an
 * unpackaged build, so an environment variable cannot point a shipped app at a remote page
 * that would then get the preload bridge.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'modboard';

export interface AppOrigin {
  /** `scheme://host[:port]`, compared as a string. */
  readonly origin: string;
  /** The URL the window loads. */
  readonly entryUrl: string;
  readonly devServer: boolean;
}

export const PRODUCTION_ORIGIN: AppOrigin = Object.freeze({
  origin: `${APP_SCHEME}://${APP_HOST}`,
  entryUrl: `${APP_SCHEME}://${APP_HOST}/index.html`,
  devServer: false,
});

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface AppOriginChoice {
  readonly appOrigin: AppOrigin;
  /** Set when a dev server URL was given but refused, so the caller can log why. */
  readonly refusedDevServer?: string;
}

export function resolveAppOrigin(options: { readonly devServerUrl?: string; readonly isPackaged: boolean }): AppOriginChoice {
  const raw = options.devServerUrl;
  if (!raw) return { appOrigin: PRODUCTION_ORIGIN };
  if (options.isPackaged) return { appOrigin: PRODUCTION_ORIGIN, refusedDevServer: 'a packaged app never loads a dev server' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { appOrigin: PRODUCTION_ORIGIN, refusedDevServer: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { appOrigin: PRODUCTION_ORIGIN, refusedDevServer: `the ${url.protocol} scheme is not a dev server` };
  if (!LOOPBACK_HOSTNAMES.has(url.hostname) || url.username || url.password)
    return { appOrigin: PRODUCTION_ORIGIN, refusedDevServer: 'the dev server must be on loopback' };
  return { appOrigin: { origin: url.origin, entryUrl: url.href, devServer: true } };
}

/**
 * `scheme://host[:port]` of a URL that could be ours, else null. Built by hand because
 * WHATWG `URL.origin` is the string "null" for every non-special scheme (app: included),
 * which would make all such URLs compare equal.
 */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const schemes = ['http:', 'https:', `${APP_SCHEME}:`];
  if (!schemes.includes(url.protocol) || !url.host || url.username || url.password) return null;
  return `${url.protocol}//${url.host}`;
}

export function isAppUrl(raw: string, app: AppOrigin): boolean {
  return originOf(raw) === app.origin;
}
