import type { Capability } from '../connectors/capabilities';

export const CONNECTION_KINDS = ['sandbox', 'telegram', 'discourse', 'discord', 'facebook-manual'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/**
 * `needs-reauth` is entered when a platform rejects the credentials; `paused` only when
 * the user pauses the connection. In both, nothing is pulled or pushed: decisions wait
 * in the outbox until the connection is active again.
 */
export const CONNECTION_STATES = ['active', 'paused', 'needs-reauth'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** The platform's name as the user knows it. */
export const PLATFORM_NAMES: Readonly<Record<ConnectionKind, string>> = {
  sandbox: 'Sandbox',
  telegram: 'Telegram',
  discourse: 'Discourse',
  discord: 'Discord',
  'facebook-manual': 'Facebook Groups (manual)',
};

/** The per-connection options a user may edit; each applies to one platform only. No secrets. */
export interface ConnectionOptions {
  /** Discourse: the user the API key acts as. */
  readonly username?: string;
  /** Telegram: chats watched by id, besides those the bot learns of from updates. */
  readonly chatIds?: readonly string[];
  /** Discord: member applications through the new server join-request API. */
  readonly joinRequests?: boolean;
}

export interface ConnectionSummary {
  readonly id: string;
  readonly kind: ConnectionKind;
  readonly name: string;
  readonly state: ConnectionState;
  readonly stateReason: string | null;
  readonly communityCount: number;
  readonly createdAt: number;
  readonly options: ConnectionOptions;
  /** The latest pull of any of its streams. */
  readonly lastSyncAt: number | null;
  /** The latest error (or gap warning) a pull recorded, if any stream has one. */
  readonly lastError: string | null;
  /** Decisions and posts queued or in flight for it. */
  readonly pendingPushes: number;
  /** Reconnecting takes a new token from the user; false where the app issues one itself (the embedded Sandbox) or none exists (manual). */
  readonly reconnectsWithToken: boolean;
}

/** A connection as Settings lists it: `capabilities` is null when it has no connector (no credentials stored). */
export interface ConnectionListItem extends ConnectionSummary {
  readonly capabilities: readonly Capability[] | null;
}

/** What "Test" found. Never carries a token. */
export type ConnectionTest =
  | {
      readonly outcome: 'ok';
      /** Who the credentials act as ("@modboard_bot"). */
      readonly principal: string;
      readonly scopesOk: boolean;
      /** Permissions or roles the platform says are missing, in its words. */
      readonly missing: readonly string[];
      readonly capabilities: readonly Capability[];
      /** The known capabilities this connector does not offer. */
      readonly lacking: readonly Capability[];
      readonly latencyMs: number;
    }
  | { readonly outcome: 'refused' | 'unreachable' | 'no-credentials'; readonly message: string; readonly latencyMs: number | null };

/** Each capability in a moderator's words: "can approve join requests", "cannot ban for a time". */
export const CAPABILITY_WORDS: Readonly<Record<Capability, string>> = {
  'communities.list': 'list communities',
  'joinRequests.pull': 'see join requests',
  'joinRequests.decide': 'approve or decline join requests',
  'reports.pull': 'see reports',
  'reports.resolve': 'resolve reports on the platform',
  'messages.pull': 'read messages (for alert rules)',
  'message.remove': 'remove messages',
  'message.removeBulk': 'remove many messages at once',
  'member.kick': 'kick members',
  'member.ban': 'ban members',
  'member.banTimed': 'ban for a time',
  'member.mute': 'mute members',
  'member.muteTimed': 'mute for a time',
  'member.warn': 'warn members',
  'member.unban': 'unban members',
  'member.unmute': 'unmute members',
  'announce.send': 'post announcements',
  'announce.edit': 'edit announcements',
  'announce.delete': 'delete announcements',
  'media.fetch': 'show attached images and files',
};
