import type { CustomScheme } from 'electron';
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

export function appAssetTarget(requestUrl: string, rendererDir: string): StaticTarget {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return { kind: 'refused' };
  return resolveStaticPath(rendererDir, url.pathname || '/');
}
