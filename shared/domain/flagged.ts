import type { Capability } from '../connectors/capabilities';
import type { ConnectionKind } from './connection';
import type { AttachmentView } from './media';
import type { DecisionResult, PersonNote, PersonReport, RecentAction } from './decisions';
import type { SyncState } from './join-request';

export const FLAG_STATUSES = ['open', 'dismissed', 'actioned', 'handled-elsewhere'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** `platform`: people reported it; `rule`: only the console's own alert rules flagged it. */
export const FLAG_SOURCES = ['platform', 'rule'] as const;
export type FlagSource = (typeof FLAG_SOURCES)[number];

/** What this desk did to the author before, across all your communities (undone actions excluded). */
export interface AuthorStanding {
  readonly removals: number;
  readonly mutes: number;
  readonly bans: number;
}

/** Reports about the same message merge into one flagged row. */
export interface FlaggedRow {
  readonly id: string;
  readonly excerpt: string;
  readonly authorName: string;
  readonly authorMemberId: string | null;
  readonly communityId: string;
  readonly communityName: string;
  readonly parentCommunityName: string | null;
  readonly connectionId: string;
  readonly platform: ConnectionKind;
  readonly reasons: readonly string[];
  readonly reportCount: number;
  readonly source: FlagSource;
  /** Alert rules that matched the message (also on rows people reported). */
  readonly ruleNames: readonly string[];
  readonly firstReportedAt: number;
  readonly lastReportedAt: number;
  readonly status: FlagStatus;
  readonly syncState: SyncState;
  readonly handledElsewhereBy: string | null;
  readonly standing: AuthorStanding;
}

/**
 * What the moderator can do with a flagged message. `dismiss`, `remove` and `remove-warn`
 * act on the message (open flags only); `mute`, `kick`, `ban` and `purge` act on its author.
 */
export const FLAG_ACTIONS = ['dismiss', 'remove', 'remove-warn', 'mute', 'kick', 'ban', 'purge'] as const;
export type FlagActionKind = (typeof FLAG_ACTIONS)[number];

export const MESSAGE_ACTIONS: readonly FlagActionKind[] = ['dismiss', 'remove', 'remove-warn'];

/** One message of a conversation as the pane shows it. */
export interface ConversationMessage {
  readonly id: string;
  readonly externalId: string;
  readonly authorName: string;
  readonly authorMemberId: string | null;
  readonly body: string;
  readonly sentAt: number;
  readonly replyToExternalId: string | null;
  readonly removedAt: number | null;
  readonly communityName: string;
  /** Files attached to it, in the platform's order (empty when none). */
  readonly attachments: readonly AttachmentView[];
}

export interface FlagReport {
  readonly id: string;
  readonly reporterName: string | null;
  readonly reason: string;
  readonly reportedAt: number;
  readonly status: 'open' | 'resolved';
  /** Set when one of the console's alert rules raised it. */
  readonly ruleName: string | null;
}

/** An earlier action of this desk on the author. */
export interface AuthorAction {
  readonly id: string;
  readonly kind: 'removal' | 'mute' | 'kick' | 'ban';
  readonly communityId: string | null;
  readonly communityName: string | null;
  /** The community's connection: whose capabilities say whether it can be lifted. */
  readonly connectionId: string | null;
  readonly until: number | null;
  readonly note: string | null;
  readonly at: number;
  readonly undone: boolean;
  /** When a lift of this ban or mute was queued (`flagged.liftSanction`); it no longer counts in the standing. */
  readonly liftedAt: number | null;
  /**
   * For bans and mutes: `reached` once the push left (then it can be lifted), `waiting` while it
   * waits out the grace period (undo takes it back), `none` when it never left (undone, failed).
   */
  readonly platform: 'reached' | 'waiting' | 'none';
}

export interface FlagAuthor {
  readonly memberId: string;
  readonly displayName: string;
  readonly username: string | null;
  readonly profileUrl: string | null;
  readonly accountCreatedAt: number | null;
  readonly standing: AuthorStanding;
  /** Their latest messages in any of your communities, this one excepted, newest first. */
  readonly recentMessages: readonly ConversationMessage[];
  /** Their other flagged messages. */
  readonly reports: readonly PersonReport[];
  readonly actions: readonly AuthorAction[];
  readonly notes: readonly PersonNote[];
}

export interface EvidenceSummary {
  readonly id: string;
  readonly actionId: string;
  readonly capturedAt: number;
  readonly actor: string;
  readonly decision: string;
  readonly sha256: string;
  /** False when the stored snapshot no longer matches its hash, or the audit log's copy of it. */
  readonly verified: boolean;
  readonly problem: string | null;
}

export interface FlagDetail {
  readonly id: string;
  readonly status: FlagStatus;
  readonly source: FlagSource;
  readonly decision: string | null;
  readonly decisionReason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: number | null;
  readonly syncState: SyncState;
  readonly syncError: string | null;
  readonly handledElsewhereBy: string | null;
  readonly handledElsewhereAt: number | null;
  readonly communityId: string;
  readonly communityName: string;
  readonly parentCommunityName: string | null;
  readonly connectionId: string;
  readonly platform: ConnectionKind;
  readonly message: ConversationMessage;
  /** The messages just before and after it in the same conversation, oldest first. */
  readonly before: readonly ConversationMessage[];
  readonly after: readonly ConversationMessage[];
  /** What the flagged message replies to, and what that replies to, nearest first. */
  readonly replyChain: readonly ConversationMessage[];
  readonly reports: readonly FlagReport[];
  readonly author: FlagAuthor | null;
  readonly evidence: readonly EvidenceSummary[];
}

/** A community an author-wide ban can reach: whether they are known there and whether its platform can ban. */
export interface BanScopeCommunity {
  readonly communityId: string;
  readonly communityName: string;
  readonly parentName: string | null;
  readonly connectionName: string;
  readonly platform: ConnectionKind;
  /** They posted there, asked to join and were let in, or are listed as a member. */
  readonly member: boolean;
  /** Null when it can ban; else why not. */
  readonly blocked: string | null;
}

export interface BanScope {
  readonly memberId: string;
  readonly displayName: string;
  readonly communities: readonly BanScopeCommunity[];
}

/** What a connection's connector can do; `capabilities` is null when the connector cannot be reached (no credentials). */
export interface ConnectionCapabilities {
  readonly connectionId: string;
  readonly name: string;
  readonly kind: ConnectionKind;
  readonly capabilities: readonly Capability[] | null;
  /** How many messages one bulk removal may carry, when the connector says. */
  readonly bulkRemoveLimit: number | null;
}

export interface ExportedCase {
  readonly filename: string;
  readonly mimeType: string;
  readonly text: string;
}

/** Sanctions that can be lifted once they reached the platform, and the decisions their lifting is recorded as. */
export const LIFTABLE_SANCTIONS = ['ban', 'mute'] as const;
export type LiftableSanction = (typeof LIFTABLE_SANCTIONS)[number];
export type LiftDecision = `lift-${LiftableSanction}`;

/** One entry of the flagged queue's Recent actions drawer: an action on flags, or the lifting of a ban or mute. */
export type RecentFlagAction = Omit<RecentAction, 'decision'> & { readonly decision: FlagActionKind | LiftDecision };

export interface LiftResult {
  readonly actionId: string;
  /** (identity, community) pairs whose ban or mute is lifted: one `unban`/`unmute` push each. */
  readonly pushes: number;
  readonly communities: number;
  /** Until then `u` takes the lift back before anything is pushed. */
  readonly graceUntil: number;
}

export interface FlagDecisionResult extends DecisionResult {
  /** Pushes queued for the platforms (removals, sanctions per community, report resolutions). */
  readonly pushes: number;
  /** People and communities a sanction reached, for the toast ("in 4 communities"). */
  readonly communities: number;
}
