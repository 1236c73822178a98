import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxPlatform } from '../platform';
import { mediaBytes } from '../world/media';
import { sendJson } from './io';

export const MEDIA_ROUTE = '/v1/media/';

/**
 * `GET /v1/media/<ref>`: an attachment's bytes, with the token like every API call. A
 * removed message's files are gone (404), as on real platforms, which is why the console
 * keeps a copy when a moderator decides.
 */
export function serveMedia(platform: SandboxPlatform, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const at = platform.now();
  platform.world.advanceTo(at);
  const record = (status: number, rejected: 'auth' | null = null) =>
    platform.requests.record({ at, method: req.method ?? 'GET', path: url.pathname, buckets: ['account'], status, rejected, earlyRetry: false, limitedBucket: null, limitedScope: null });
  const auth = platform.tokens.checkApi(req.headers.authorization);
  if (auth !== 'ok') {
    record(401, 'auth');
    return sendJson(res, 401, { error: { code: auth === 'expired' ? 'token_expired' : 'invalid_token', message: `Authentication failed: ${auth}` } });
  }
  if (req.method !== 'GET') {
    record(405);
    return sendJson(res, 405, { error: { code: 'method_not_allowed', message: 'GET only' } });
  }
  const file = mediaBytes(decodeURIComponent(url.pathname.slice(MEDIA_ROUTE.length)));
  if (!file || platform.world.isRemoved(file.messageId)) {
    record(404);
    return sendJson(res, 404, { error: { code: 'not_found', message: 'No such file', what: 'media' } });
  }
  record(200);
  res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length, 'cache-control': 'private' });
  res.end(file.bytes);
}
