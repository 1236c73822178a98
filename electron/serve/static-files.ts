import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { INDEX_FILE, contentTypeFor, resolveStaticPath } from './static-path';

/**
 * Serves the built renderer: files only (never a directory listing), index.html for
 * app routes, and nothing outside the folder, not even through a symlink.
 */
export interface StaticFiles {
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Vite puts content-hashed files under /assets/; they never change, so they may be cached. */
const IMMUTABLE = 'private, max-age=31536000, immutable';

export async function createStaticFiles(rendererDir: string): Promise<StaticFiles> {
  const root = await realpath(rendererDir);
  const indexPath = join(root, INDEX_FILE);

  /** The real path of a regular file inside the root, or null. */
  const findFile = async (candidate: string): Promise<string | null> => {
    try {
      const real = await realpath(candidate);
      if (!real.startsWith(root + sep)) return null;
      const info = await stat(real);
      return info.isFile() ? real : null;
    } catch {
      return null;
    }
  };

  const send = async (req: IncomingMessage, res: ServerResponse, filePath: string) => {
    const info = await stat(filePath);
    res.statusCode = 200;
    res.setHeader('Content-Type', contentTypeFor(filePath));
    res.setHeader('Content-Length', info.size);
    res.setHeader('Cache-Control', filePath.startsWith(join(root, 'assets') + sep) ? IMMUTABLE : 'no-store');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(filePath), res);
  };

  return {
    async serve(req, res) {
      const target = resolveStaticPath(root, req.url ?? '/');
      if (target.kind === 'refused') return sendText(res, 400, 'Bad path.');
      const file = (await findFile(target.filePath)) ?? (target.routeFallback ? await findFile(indexPath) : null);
      if (!file) return sendText(res, 404, 'Not found.');
      await send(req, res, file);
    },
  };
}

/** The tiny plain-text bodies used for every refusal. */
export function sendText(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}
