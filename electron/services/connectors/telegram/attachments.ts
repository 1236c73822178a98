import { MAX_ATTACHMENTS_PER_MESSAGE, type AttachmentKind, type MessageAttachment } from '@shared/connectors';
import { z } from 'zod';

/**
 * A message's media as the Bot API describes it (Message → photo, video, animation,
 * document, sticker, voice, audio), each read on its own so one odd field is skipped
 * and never fails the update. The `ref` is the `file_id` (no token in it): the bytes
 * come later through getFile and the file URL (media.ts).
 */

const fileFields = { file_id: z.string().min(1), file_unique_id: z.string().default(''), file_size: z.number().int().nonnegative().optional() };
const photoSize = z.object({ ...fileFields, width: z.number().int().nonnegative(), height: z.number().int().nonnegative() });
const named = z.object({ ...fileFields, file_name: z.string().optional(), mime_type: z.string().optional(), title: z.string().optional() });
const sized = named.extend({ width: z.number().int().nonnegative().optional(), height: z.number().int().nonnegative().optional() });
const sticker = z.object({ ...fileFields, width: z.number().int(), height: z.number().int(), is_animated: z.boolean().default(false), is_video: z.boolean().default(false) });

export interface TgMediaFields {
  readonly photo?: readonly unknown[] | undefined;
  readonly video?: unknown;
  readonly animation?: unknown;
  readonly document?: unknown;
  readonly sticker?: unknown;
  readonly voice?: unknown;
  readonly audio?: unknown;
}

const kindOfMime = (mime: string | undefined, fallback: AttachmentKind): AttachmentKind =>
  mime?.startsWith('image/') ? 'image' : mime?.startsWith('video/') ? 'video' : mime?.startsWith('audio/') ? 'audio' : fallback;

type TgFile = { file_id: string; file_unique_id: string; file_size?: number | undefined };

/**
 * The key is `file_unique_id`: the same for a file across bots and time, where `file_id`
 * may differ between two updates about the same file; an edited message whose media was
 * replaced has a new one.
 */
function file(kind: AttachmentKind, name: string, contentType: string | null, f: TgFile, w?: number, h?: number): MessageAttachment {
  return { kind, name, contentType, size: f.file_size ?? null, width: w ?? null, height: h ?? null, ref: f.file_id, key: f.file_unique_id || f.file_id };
}

export function attachmentsOf(message: TgMediaFields): MessageAttachment[] {
  const found: MessageAttachment[] = [];
  // A photo comes in several sizes; the largest is the one people saw.
  const sizes = (message.photo ?? []).flatMap((entry) => {
    const parsed = photoSize.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  const largest = sizes.reduce<(typeof sizes)[number] | undefined>((best, s) => (!best || s.width * s.height > best.width * best.height ? s : best), undefined);
  if (largest) found.push(file('image', `photo-${largest.file_unique_id || largest.file_id.slice(0, 12)}.jpg`, 'image/jpeg', largest, largest.width, largest.height));

  const video = sized.safeParse(message.video);
  if (video.success) found.push(file('video', video.data.file_name ?? 'video.mp4', video.data.mime_type ?? 'video/mp4', video.data, video.data.width, video.data.height));
  const animation = sized.safeParse(message.animation);
  if (animation.success) found.push(file('video', animation.data.file_name ?? 'animation.mp4', animation.data.mime_type ?? 'video/mp4', animation.data, animation.data.width, animation.data.height));
  // With an animation, Telegram also sets `document` to the same file, for old clients.
  const document = animation.success ? null : named.safeParse(message.document);
  if (document?.success) found.push(file(kindOfMime(document.data.mime_type, 'file'), document.data.file_name ?? 'file', document.data.mime_type ?? null, document.data));

  const st = sticker.safeParse(message.sticker);
  if (st.success) {
    const [ext, type] = st.data.is_animated ? ['tgs', 'application/x-tgsticker'] : st.data.is_video ? ['webm', 'video/webm'] : ['webp', 'image/webp'];
    found.push(file('sticker', `sticker.${ext}`, type, st.data, st.data.width, st.data.height));
  }
  const voice = named.safeParse(message.voice);
  if (voice.success) found.push(file('audio', 'voice-message.ogg', voice.data.mime_type ?? 'audio/ogg', voice.data));
  const audio = named.safeParse(message.audio);
  if (audio.success) found.push(file('audio', audio.data.file_name ?? audio.data.title ?? 'audio', audio.data.mime_type ?? null, audio.data));
  return found.slice(0, MAX_ATTACHMENTS_PER_MESSAGE);
}
