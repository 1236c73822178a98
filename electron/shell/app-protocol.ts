import type { CustomScheme } from 'electron';
import { mediaIdOf } from '@services/media/media-response';
import { resolveStaticPath, type StaticTarget } from '../serve/static-path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * How `app://modboard/...` maps onto the built renderer folder. Path rules (decoding,
 * traversal, hidden files, route fallback) are browser mode's, so both transports serve
 * exactly the same files; this only adds that the request must be for our host.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  // standard + secure: a real, secure-context origin; fetch/CORS: module scripts load.
  // Deliberately no bypassCSP, no service workers.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** The URL when it is one of ours (our scheme and host, no credentials), else null. */
function ourUrl(requestUrl: string): URL | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  return url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password ? null : url;
}

export function appAssetTarget(requestUrl: string, rendererDir: string): StaticTarget {
  const url = ourUrl(requestUrl);
  return url ? resolveStaticPath(rendererDir, url.pathname || '/') : { kind: 'refused' };
}

/**
 * The attachment id of `app://modboard/media/<id>`, or null for anything else. Images
 * come from our own origin, as in browser mode, so the window's `img-src 'self'` holds
 * and the platform's URL never reaches the renderer.
 */
export function appMediaId(requestUrl: string): string | null {
  const url = ourUrl(requestUrl);
  return url ? mediaIdOf(url.pathname) : null;
}
