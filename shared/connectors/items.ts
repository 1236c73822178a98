import type { CommunityKind } from '../domain/community';

/**
 * Normalized items as connectors deliver them. Times are epoch milliseconds;
 * every id is the platform's own (`externalId`), unique within one connection.
 */

/** Opaque position in a feed, made by the connector and persisted by the engine as is. */
export type Cursor = string;

/**
 * One page of a pull. `next` is where to continue: while `complete` is false, more
 * pages are waiting now; once `complete` is true, `next` is the position to commit and
 * pull from later, which yields only what changed since (null when the feed cannot
 * resume and must be listed again from the start).
 */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next: Cursor | null;
  readonly complete: boolean;
  /** How many items the whole pull is expected to yield, when the platform says. */
  readonly expectedTotal?: number;
}

export interface CommunityItem {
  readonly externalId: string;
  readonly parentExternalId: string | null;
  readonly name: string;
  readonly kind: CommunityKind;
  readonly memberCount: number;
  readonly language: string | null;
  readonly tags: readonly string[];
  readonly url: string | null;
  readonly rulesUrl: string | null;
}

/** What the platform tells about a person's past; null fields mean it does not say. */
export interface PersonHistory {
  readonly mutualCommunities: number | null;
  readonly priorDeclines: number | null;
  readonly priorRemovals: number | null;
}

export interface PersonItem {
  readonly externalId: string;
  readonly displayName: string;
  readonly username: string | null;
  readonly accountCreatedAt: number | null;
  readonly profileUrl: string | null;
  readonly history: PersonHistory | null;
}

/** Who handled an item on the platform, and when. */
export interface HandledBy {
  readonly name: string;
  readonly at: number;
}

export interface ScreeningAnswerItem {
  readonly question: string;
  readonly answer: string;
}

export const JOIN_REQUEST_ITEM_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type JoinRequestItemStatus = (typeof JOIN_REQUEST_ITEM_STATUSES)[number];

export interface JoinRequestItem {
  readonly externalId: string;
  /** Changes whenever the platform's copy changes; sent back with a decision to detect races. */
  readonly version: string | null;
  readonly communityExternalId: string;
  readonly person: PersonItem;
  readonly requestedAt: number;
  readonly answers: readonly ScreeningAnswerItem[];
  readonly status: JoinRequestItemStatus;
  readonly handledBy: HandledBy | null;
}

export const ATTACHMENT_KINDS = ['image', 'video', 'audio', 'file', 'sticker'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** More than this per message is dropped by the connector: no platform sends more (Discord: 10). */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/**
 * A file attached to a message, as the platform describes it. The bytes are not
 * pulled with the message: `fetchMedia(ref)` gets them on demand (capability `media.fetch`).
 * `ref` is opaque and only the connector reads it (a Telegram file_id, a Discord CDN URL);
 * it never carries the connection's token and never reaches the renderer.
 */
export interface MessageAttachment {
  readonly kind: AttachmentKind;
  /** The file's name, or one the connector makes up ("photo.jpg") when the platform gives none. */
  readonly name: string;
  /** What the platform claims; the bytes are checked before anything is shown inline. */
  readonly contentType: string | null;
  readonly size: number | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly ref: string;
  /**
   * Names the file itself, stable across pulls (Telegram `file_unique_id`, a Discord
   * attachment's id), where `ref` may change for the same file (Discord re-signs its CDN
   * URLs on every pull). A different key at the same position is a different file: what
   * the desk fetched for the old one is dropped. Absent: the ref is the key.
   */
  readonly key?: string;
}

export interface MessageItem {
  readonly externalId: string;
  readonly communityExternalId: string;
  readonly conversationId: string;
  readonly author: PersonItem;
  readonly body: string;
  readonly sentAt: number;
  readonly replyToExternalId: string | null;
  /** Absent or empty: none (or a connector that does not read them). At most MAX_ATTACHMENTS_PER_MESSAGE. */
  readonly attachments?: readonly MessageAttachment[];
}

export const REPORT_ITEM_STATUSES = ['open', 'resolved'] as const;
export type ReportItemStatus = (typeof REPORT_ITEM_STATUSES)[number];

export interface ReportItem {
  readonly externalId: string;
  readonly version: string | null;
  readonly message: MessageItem;
  /** Messages around the reported one in the same conversation, oldest first, without it. */
  readonly context: readonly MessageItem[];
  /** Null when the platform reports anonymously or an automatic filter raised it. */
  readonly reporter: { readonly name: string } | null;
  readonly reason: string;
  readonly reportedAt: number;
  readonly status: ReportItemStatus;
  readonly handledBy: HandledBy | null;
}

/**
 * One item of a combined update stream (see `FeedDeliveries.combined`), tagged with
 * the feed it belongs to, in the order the platform delivered them.
 */
export type FeedItem =
  | { readonly feed: 'joinRequests'; readonly item: JoinRequestItem }
  | { readonly feed: 'reports'; readonly item: ReportItem }
  | { readonly feed: 'messages'; readonly item: MessageItem };
