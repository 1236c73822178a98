import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, type Session } from 'electron';
import type { Logger } from '@services/app/host';
import { mediaHttpResponse, type MediaAnswer } from '@services/media/media-response';
import { contentTypeFor, INDEX_FILE } from '../serve/static-path';
import { APP_SCHEME, isAppUrl, type AppOrigin } from './app-origin';
import { appAssetTarget, appMediaId } from './app-protocol';
import { rendererCsp } from './renderer-csp';

/**
 * Session-wide defences: every permission refused (the console needs none: no camera,
 * notifications, geolocation, USB, HID, serial), the renderer served from app:// with
 * its CSP, and the CSP forced onto dev-server responses too.
 */
export function hardenSession(
  session: Session,
  options: { appOrigin: AppOrigin; rendererDir: string; log: Logger; readMedia: (attachmentId: string) => Promise<MediaAnswer> },
): void {
  const { appOrigin, log } = options;
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('Permission request refused', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  const csp = rendererCsp(appOrigin);
  serveRenderer(session, options.rendererDir, csp, options.readMedia);
  if (appOrigin.devServer) {
    session.webRequest.onHeadersReceived((details, callback) => {
      if (!isAppUrl(details.url, appOrigin)) return callback({});
      const headers = Object.fromEntries(
        Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
      );
      callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
    });
  }
}

/** Serves out/renderer on app://modboard, with the CSP set on our own response rather than hoped for on file://. */
function serveRenderer(session: Session, rendererDir: string, csp: string, readMedia: (attachmentId: string) => Promise<MediaAnswer>): void {
  const headers = (filePath: string) => ({
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
  });
  const fetchFile = async (filePath: string): Promise<Response | null> => {
    try {
      const file = await net.fetch(pathToFileURL(filePath).href);
      return file.ok ? new Response(file.body, { status: 200, headers: headers(filePath) }) : null;
    } catch {
      return null;
    }
  };
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed.', { status: 405 });
    const mediaId = appMediaId(request.url);
    if (mediaId !== null) {
      const media = mediaHttpResponse(await readMedia(mediaId));
      return new Response(request.method === 'HEAD' ? null : media.body, { status: media.status, headers: media.headers });
    }
    const target = appAssetTarget(request.url, rendererDir);
    if (target.kind === 'refused') return new Response('Bad path.', { status: 400 });
    return (
      (await fetchFile(target.filePath)) ??
      (target.routeFallback ? await fetchFile(join(rendererDir, INDEX_FILE)) : null) ??
      new Response('Not found.', { status: 404 })
    );
  });
}
