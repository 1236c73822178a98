import type { AnnouncementDelete, AnnouncementEdit, AnnouncementPost, JoinDecision, ModAction } from './actions';
import type { ConnectorDescriptor } from './capabilities';
import type { CommunityItem, Cursor, FeedItem, JoinRequestItem, MessageItem, Page, ReportItem } from './items';
import type { Outcome, ReconcileResult } from './outcomes';

/**
 * The part of the standard AbortSignal a connector needs, declared here because
 * shared/ compiles without DOM or Node types. A real AbortSignal satisfies it.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface CallOptions {
  /** Cancels the call. A timeout signal makes it fail as `transient`; any other abort rejects with the signal's reason. */
  readonly signal?: CancelSignal;
}

export interface PullOptions extends CallOptions {
  /** Items per page; the connector clamps it to its `limits.maxPageSize`. */
  readonly limit?: number;
}

export interface PushOptions extends CallOptions {
  /** Core-made, stable across retries of the same intended action. */
  readonly idempotencyKey: string;
}

export interface MediaFetchOptions extends CallOptions {
  /** Refuse (`invalid`, reason `too-large`) rather than read past this many bytes. */
  readonly maxBytes: number;
}

/** An attachment's bytes and the content type the platform sent (checked by the caller before use). */
export interface MediaBytes {
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
}

export interface AuthCheck {
  /** Who the credentials act as, for display ("@modboard_bot"). */
  readonly principal: string;
  readonly scopesOk: boolean;
  readonly missing: readonly string[];
}

/**
 * A stateless adapter between the sync engine and one platform account (DESIGN §5).
 * The engine owns cursors, queues and retries; a connector only translates.
 * Expected failures are thrown as `ConnectorFailure`; anything else thrown is a bug.
 * A method whose capability the descriptor lacks throws `invalid` with reason `unsupported`.
 */
export interface Connector {
  describe(): ConnectorDescriptor;
  verifyAuth(options?: CallOptions): Promise<AuthCheck>;

  listCommunities(cursor: Cursor | null, options?: PullOptions): Promise<Page<CommunityItem>>;
  pullJoinRequests(cursor: Cursor | null, options?: PullOptions): Promise<Page<JoinRequestItem>>;
  pullReports(cursor: Cursor | null, options?: PullOptions): Promise<Page<ReportItem>>;
  /** Ordinary messages as they are posted (capability `messages.pull`), so alert rules see every message. */
  pullMessages(cursor: Cursor | null, options?: PullOptions): Promise<Page<MessageItem>>;
  /**
   * The one consumer of a combined update stream (`delivery.combined`): every feed it
   * carries, in one page and one cursor. A connector without one throws `unsupported`.
   */
  pullUpdates(cursor: Cursor | null, options?: PullOptions): Promise<Page<FeedItem>>;

  decideJoinRequest(decision: JoinDecision, options: PushOptions): Promise<Outcome>;
  moderate(action: ModAction, options: PushOptions): Promise<Outcome>;
  /** `applied` carries the new message's `externalId` and `url`. */
  sendAnnouncement(post: AnnouncementPost, options: PushOptions): Promise<Outcome>;
  editAnnouncement(edit: AnnouncementEdit, options: PushOptions): Promise<Outcome>;
  deleteAnnouncement(target: AnnouncementDelete, options: PushOptions): Promise<Outcome>;

  /**
   * The bytes of an attachment (`MessageAttachment.ref`), capability `media.fetch`. Deleted
   * media is `not-found` (what: `media`); errors never name the URL (it may carry a token).
   */
  fetchMedia?(ref: string, options: MediaFetchOptions): Promise<MediaBytes>;

  /** Whether a push sent with `idempotencyKey` reached the platform; ask before re-sending after a crash. */
  reconcile(idempotencyKey: string, options?: CallOptions): Promise<ReconcileResult>;
}

/** Builds a connector for one connection from its stored settings and secret. */
export type ConnectorFactory = (config: { readonly baseUrl: string; readonly token: string }) => Connector;
