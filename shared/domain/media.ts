import type { MessageAttachment } from '../connectors/items';

/**
 * Where an attachment's bytes stand on this desk.
 * `not-fetched`: only the platform's description is stored (nothing asked yet).
 * `cached`: fetched, checked and kept in the data folder (survives the platform deleting it).
 * `too-large`: over the preview cap, not kept. `gone`: the platform no longer has the file.
 * `failed`: the last try failed for another reason (the platform down, no access); trying again may work.
 */
export const MEDIA_STATES = ['not-fetched', 'cached', 'too-large', 'gone', 'failed'] as const;
export type MediaState = (typeof MEDIA_STATES)[number];

/** Largest file the desk fetches and keeps for a preview. */
export const MAX_MEDIA_BYTES = 8 * 1024 * 1024;

/** The only types ever shown inline, and only when the bytes' magic number agrees. */
export const INLINE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type InlineImageType = (typeof INLINE_IMAGE_TYPES)[number];

/**
 * Whether the platform's claimed type is one we could show inline: only those are fetched
 * on sight (an animated Telegram sticker, `application/x-tgsticker`, never could be).
 * The claim only decides whether to try; the bytes still have to prove it.
 */
export const claimsInlineImage = (contentType: string | null): boolean =>
  contentType !== null && (INLINE_IMAGE_TYPES as readonly string[]).includes(contentType.split(';')[0]?.trim().toLowerCase() ?? '');

/** Where the renderer loads an inline image from: same origin, so `img-src 'self'` holds. */
export const MEDIA_PATH_PREFIX = '/media/';
export const mediaPath = (attachmentId: string): string => `${MEDIA_PATH_PREFIX}${encodeURIComponent(attachmentId)}`;

/** An attachment as the conversation pane shows it: never the platform's URL or file id. */
export interface AttachmentView extends Pick<MessageAttachment, 'kind' | 'name' | 'contentType' | 'size' | 'width' | 'height'> {
  readonly id: string;
  readonly state: MediaState;
  /** Set once fetched: the type the bytes proved to be, when it is one shown inline; else null. */
  readonly inlineType: InlineImageType | null;
  /** Of the kept file, once fetched. */
  readonly sha256: string | null;
  /** Why the last fetch failed, in words for the moderator. */
  readonly problem: string | null;
}
