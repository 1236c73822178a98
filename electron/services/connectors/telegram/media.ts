import { ConnectorFailure, isConnectorFailure, type MediaBytes, type MediaFetchOptions } from '@shared/connectors';
import { fetchBytes } from '../http/bytes';
import type { TelegramApi } from './api';
import { tgFile } from './wire';

/** Bots may download files up to 20 MB (getFile); past that `file_path` is missing. */
export const BOT_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/**
 * getFile's refusals, in the Bot API's words: too big for a bot, no such file (any more),
 * or "file is temporarily unavailable", which Telegram says of a file its storage cannot
 * reach right now: worth asking again later, so transient and never `gone` (a file
 * recorded gone is not fetched again unless the moderator asks).
 */
function readGetFileFailure(error: unknown): unknown {
  if (!isConnectorFailure(error) || error.error.class !== 'invalid') return error;
  const detail = error.error.detail;
  if (/file is too big/i.test(detail)) return new ConnectorFailure({ class: 'invalid', detail: 'the file is too big for a bot to download', reason: 'too-large' });
  if (/temporarily unavailable/i.test(detail)) return new ConnectorFailure({ class: 'transient', detail: 'Telegram says the file is temporarily unavailable' });
  if (/file_id|file not found/i.test(detail)) return new ConnectorFailure({ class: 'not-found', what: 'media' });
  return error;
}

/**
 * A file by its `file_id`: `getFile` for its `file_path`, then GET
 * `{base}file/bot<token>/<file_path>`. That URL holds the bot token, so it is made here
 * and handed only to fetch: errors name neither it nor the path, nothing logs it, and
 * redirects are refused (a redirect would carry it to another host's logs).
 */
export async function fetchTelegramMedia(api: TelegramApi, fileId: string, timeoutMs: number, options: MediaFetchOptions): Promise<MediaBytes> {
  const on = options.signal ? { signal: options.signal } : {};
  let file;
  try {
    file = await api.call({ method: 'getFile', params: { file_id: fileId }, context: { notFound: 'media' }, ...on }, tgFile);
  } catch (error) {
    throw readGetFileFailure(error);
  }
  if ((file.file_size ?? 0) > options.maxBytes) throw new ConnectorFailure({ class: 'invalid', detail: `the file is over ${options.maxBytes} bytes`, reason: 'too-large' });
  if (!file.file_path) throw new ConnectorFailure({ class: 'invalid', detail: 'Telegram gives no download for this file (over 20 MB)', reason: 'too-large' });
  const url = api.fileUrl(file.file_path);
  if (!url) throw new ConnectorFailure({ class: 'invalid', detail: 'The Telegram base URL is not an http(s) URL' });
  return fetchBytes({ url, timeoutMs, maxBytes: Math.min(options.maxBytes, BOT_DOWNLOAD_LIMIT), redirect: 'error', ...on });
}
