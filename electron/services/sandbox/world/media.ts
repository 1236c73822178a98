import { deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { SandboxAttachment } from './model';

/**
 * Attachments of the Sandbox's reported messages, derived from the conversation number
 * alone (no draw from the generators' streams, so every other generated value stays as it
 * was), and the bytes served for them. Images are small deterministic PNGs; a PDF stands
 * for files that are not images; and a "photo" that is really an HTML page lets the
 * console prove it never renders what the bytes do not prove to be an image.
 */

const IMAGE = { width: 96, height: 64 } as const;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const DISGUISED = Buffer.from('<!doctype html><title>x</title><script>alert("pwned")</script><img src=x onerror=alert(1)>', 'utf8');

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A width×height RGB PNG in two colours from `key`, stored uncompressed so its size depends only on its dimensions. */
export function samplePng(key: string, width: number = IMAGE.width, height: number = IMAGE.height): Buffer {
  const [r1, g1, b1, r2, g2, b2] = createHash('sha256').update(key).digest();
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const first = (Math.floor(x / 16) + Math.floor(y / 16)) % 2 === 0;
      row.set(first ? [r1 ?? 0, g1 ?? 0, b1 ?? 0] : [r2 ?? 0, g2 ?? 0, b2 ?? 0], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 0 })), chunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIZE = samplePng('size').length;

type Kind = 'photo' | 'pdf' | 'disguised';
const refOf = (kind: Kind, messageId: string) => `${kind}.${messageId}`;

/** Report themes whose messages carry files; never those whose text the console blurs already. */
const PHOTO_THEMES: ReadonlySet<string> = new Set(['spam', 'off-topic', 'impersonation']);

/**
 * The attachments of a message of conversation `owner`; `reportedReason` is set for the
 * reported one. Some reported messages carry a photo (half of the spam, off-topic and
 * impersonation ones), a PDF (a third of the phishing ones) or a "photo" that is an HTML
 * page (a third of the impersonation ones); one context message in four a photo.
 */
export function attachmentsFor(owner: number, messageId: string, reportedReason: string | null): SandboxAttachment[] {
  if (reportedReason === null) return owner % 4 === 1 && messageId.endsWith('_12') ? [photo(messageId)] : [];
  const found: SandboxAttachment[] = [];
  if (PHOTO_THEMES.has(reportedReason) && owner % 2 === 0) found.push(photo(messageId));
  if (reportedReason === 'scam or phishing link' && owner % 3 === 0)
    found.push({ ref: refOf('pdf', messageId), kind: 'file', name: `notes-${owner}.pdf`, contentType: 'application/pdf', size: PDF.length, width: null, height: null });
  if (reportedReason === 'impersonation' && owner % 3 === 1)
    found.push({ ref: refOf('disguised', messageId), kind: 'image', name: 'cute-cat.png', contentType: 'image/png', size: DISGUISED.length, width: 64, height: 64 });
  return found;
}

const photo = (messageId: string): SandboxAttachment => ({
  ref: refOf('photo', messageId),
  kind: 'image',
  name: `photo-${messageId}.png`,
  contentType: 'image/png',
  size: PNG_SIZE,
  width: IMAGE.width,
  height: IMAGE.height,
});

/** The bytes behind a ref, with the type the Sandbox claims for them; null for a ref it never gave out. */
export function mediaBytes(ref: string): { bytes: Buffer; contentType: string; messageId: string } | null {
  const match = /^(photo|pdf|disguised)\.(m_\d{1,9}_\d{1,2})$/.exec(ref);
  if (!match) return null;
  const [, kind, messageId] = match as unknown as [string, Kind, string];
  if (kind === 'photo') return { bytes: samplePng(ref), contentType: 'image/png', messageId };
  if (kind === 'pdf') return { bytes: PDF, contentType: 'application/pdf', messageId };
  return { bytes: DISGUISED, contentType: 'image/png', messageId };
}
