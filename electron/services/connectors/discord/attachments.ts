import { ConnectorFailure, MAX_ATTACHMENTS_PER_MESSAGE, type AttachmentKind, type MessageAttachment, type MediaBytes, type MediaFetchOptions } from '@shared/connectors';
import { z } from 'zod';
import { fetchBytes } from '../http/bytes';

/** Where Discord serves attachments and stickers (Reference → Image Formatting). */
export const DISCORD_CDN = 'https://cdn.discordapp.com';
/** Sticker GIFs are not on the CDN base but here. */
const MEDIA_PROXY = 'https://media.discordapp.net';
const CDN_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

/** Message → attachments[]: an Attachment object, only the fields we read. */
const dcAttachment = z.object({
  id: z.string(),
  filename: z.string().min(1),
  content_type: z.string().nullish(),
  size: z.number().int().nonnegative(),
  url: z.string().url(),
  width: z.number().int().nonnegative().nullish(),
  height: z.number().int().nonnegative().nullish(),
});

/** Message → sticker_items[]: format_type 1 PNG, 2 APNG, 3 LOTTIE (JSON), 4 GIF. */
const dcStickerItem = z.object({ id: z.string().regex(/^\d{1,20}$/), name: z.string(), format_type: z.number().int() });

function kindOf(contentType: string | null): AttachmentKind {
  const top = contentType?.split('/')[0];
  return top === 'image' ? 'image' : top === 'video' ? 'video' : top === 'audio' ? 'audio' : 'file';
}

/** Where a sticker's image is, by its format; null for a format Discord may add later. */
function stickerFile(format: number, id: string, cdn: string): { url: string; type: string; ext: string } | null {
  // A test server stands in for both the CDN and the media proxy.
  const proxy = cdn === DISCORD_CDN ? MEDIA_PROXY : cdn;
  if (format === 1 || format === 2) return { url: `${cdn}/stickers/${id}.png`, type: 'image/png', ext: 'png' };
  if (format === 4) return { url: `${proxy}/stickers/${id}.gif`, type: 'image/gif', ext: 'gif' };
  if (format === 3) return { url: `${cdn}/stickers/${id}.json`, type: 'application/json', ext: 'json' };
  return null;
}

/**
 * A message's files and stickers. An entry of another shape is skipped (Discord adds
 * fields and kinds over time), never the message or the page. The `ref` is the CDN URL
 * as Discord gave it: signed (`ex`, `is`, `hm`), it expires after about a day, after which
 * the CDN answers 404 and the file reads as gone unless it was kept.
 */
export function attachmentsOf(attachments: readonly unknown[], stickers: readonly unknown[], cdn: string): MessageAttachment[] {
  const found: MessageAttachment[] = [];
  for (const entry of attachments) {
    const parsed = dcAttachment.safeParse(entry);
    if (!parsed.success) continue;
    const a = parsed.data;
    const contentType = a.content_type ?? null;
    // The key is the attachment's id: the URL's signature changes on every pull, the file does not.
    found.push({ kind: kindOf(contentType), name: a.filename, contentType, size: a.size, width: a.width ?? null, height: a.height ?? null, ref: a.url, key: `attachment:${a.id}` });
  }
  for (const entry of stickers) {
    const parsed = dcStickerItem.safeParse(entry);
    const file = parsed.success ? stickerFile(parsed.data.format_type, parsed.data.id, cdn) : null;
    if (!parsed.success || !file) continue;
    found.push({ kind: 'sticker', name: `${parsed.data.name || 'sticker'}.${file.ext}`, contentType: file.type, size: null, width: null, height: null, ref: file.url, key: `sticker:${parsed.data.id}` });
  }
  return found.slice(0, MAX_ATTACHMENTS_PER_MESSAGE);
}

/** The CDN for an API base: Discord's own, or a test server's origin standing in for it. */
export function cdnFor(apiBase: string | null): string {
  if (!apiBase) return DISCORD_CDN;
  const url = new URL(apiBase);
  return url.hostname === 'discord.com' ? DISCORD_CDN : url.origin;
}

/**
 * GET of the CDN URL, without the bot token: the CDN needs none, and the Authorization
 * header must never leave for another host. Only Discord's CDN hosts (or the test
 * server's origin standing in for them) are fetched, so a ref can never point the
 * desk at anything else; no redirects, for the same reason.
 */
export async function fetchDiscordMedia(ref: string, cdn: string, timeoutMs: number, options: MediaFetchOptions): Promise<MediaBytes> {
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    throw new ConnectorFailure({ class: 'invalid', detail: 'not a file address' });
  }
  const allowed = cdn === DISCORD_CDN ? url.protocol === 'https:' && CDN_HOSTS.has(url.hostname) : url.origin === cdn;
  if (!allowed || url.username || url.password) throw new ConnectorFailure({ class: 'invalid', detail: 'not a Discord CDN address' });
  return fetchBytes({ url: url.href, timeoutMs, maxBytes: options.maxBytes, redirect: 'error', ...(options.signal ? { signal: options.signal } : {}) });
}
