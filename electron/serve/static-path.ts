import { extname, join, resolve, sep } from 'node:path';

/**
 * Maps a request target onto the renderer folder, or refuses it.
 * Traversal is stopped twice: `..` and hidden segments are refused after decoding
 * (so `%2e%2e` and `..%2f` are caught too), and the joined path must still sit
 * under the root. Anything odd is refused rather than repaired.
 */
export type StaticTarget =
  | { readonly kind: 'refused' }
  | {
      readonly kind: 'file';
      readonly filePath: string;
      /** The path looks like an app route (no file extension): serve index.html if there is no such file. */
      readonly routeFallback: boolean;
    };

export const INDEX_FILE = 'index.html';

export function resolveStaticPath(root: string, url: string): StaticTarget {
  const rawPath = url.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return { kind: 'refused' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused' };
  }
  // Backslashes are separators on Windows; NUL truncates paths in some APIs.
  if (decoded.includes('\\') || decoded.includes('\0')) return { kind: 'refused' };

  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'refused' };

  const base = resolve(root);
  const filePath = segments.length === 0 ? join(base, INDEX_FILE) : join(base, ...segments);
  if (!filePath.startsWith(base + sep)) return { kind: 'refused' };

  const last = segments.at(-1) ?? '';
  return { kind: 'file', filePath, routeFallback: decoded.endsWith('/') || !last.includes('.') };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Unknown types go out as opaque bytes; with `nosniff` the browser will not guess. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
