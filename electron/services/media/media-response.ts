import { MEDIA_PATH_PREFIX, type InlineImageType } from '@shared/domain/media';

/** What the media service answers for one attachment: the kept image, or a status and words. */
export type MediaAnswer =
  | { readonly kind: 'image'; readonly contentType: InlineImageType; readonly bytes: Uint8Array }
  | { readonly kind: 'refused'; readonly status: 404 | 410 | 413 | 415 | 502; readonly message: string };

export interface MediaHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

/**
 * The response both transports send (browser mode's HTTP server, Electron's app://
 * handler). The type is the one the magic number proved, never the platform's; nosniff
 * and `default-src 'none'` make sure that even opened on its own the file runs nothing.
 * Private cache only; no file name, URL or token in any header.
 */
export function mediaHttpResponse(answer: MediaAnswer): MediaHttpResponse {
  const common = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'", 'Cross-Origin-Resource-Policy': 'same-origin' };
  if (answer.kind === 'image') {
    return {
      status: 200,
      headers: { ...common, 'Content-Type': answer.contentType, 'Content-Length': String(answer.bytes.byteLength), 'Cache-Control': 'private, max-age=3600' },
      body: answer.bytes,
    };
  }
  return { status: answer.status, headers: { ...common, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, body: answer.message };
}

/** The attachment id of a `/media/<id>` path, or null for any other path (or a malformed id). */
export function mediaIdOf(pathname: string): string | null {
  if (!pathname.startsWith(MEDIA_PATH_PREFIX)) return null;
  let id: string;
  try {
    id = decodeURIComponent(pathname.slice(MEDIA_PATH_PREFIX.length));
  } catch {
    return null;
  }
  return /^[0-9A-Za-z_-]{1,64}$/.test(id) ? id : null;
}
