import {
  combinedFeedsOf,
  hasCapability,
  type Capability,
  type CommunityItem,
  type Connector,
  type ConnectorDescriptor,
  type FeedDelivery,
  type FeedItem,
  type FeedName,
  type JoinRequestItem,
  type MessageItem,
  type Page,
  type PullOptions,
  type ReportItem,
} from '@shared/connectors';
import type { SyncStream } from '@shared/domain/sync';
import type { Tx } from '../store/database';
import { ingestCommunities } from '../store/repositories/communities-ingest';
import { ingestJoinRequests } from '../store/repositories/join-requests-ingest';
import { ingestMessages } from '../store/repositories/message-feed-ingest';
import { ingestReports } from '../store/repositories/reports-ingest';
import { ingestUpdates } from '../store/repositories/updates-ingest';

/**
 * One pullable feed: how to ask the connector for a page and how to write it.
 * Add a stream by adding an entry here (and its name to SYNC_STREAMS and the
 * sync_cursors CHECK); the pull job and scheduler need nothing else.
 */
export interface StreamSpec<T> {
  readonly stream: SyncStream;
  /** The capability whose rate buckets the stream's calls draw from. */
  readonly capability: Capability;
  /**
   * Streams this one took over from in an upgrade. Until it has pulled once, their last
   * pull stands in for its own, so an install that was offline across the upgrade is
   * still warned about the gap.
   */
  readonly succeeds?: readonly SyncStream[];
  /** Whether this connector's descriptor asks for the stream. */
  runs(descriptor: ConnectorDescriptor): boolean;
  delivery(descriptor: ConnectorDescriptor): FeedDelivery;
  pull(connector: Connector, cursor: string | null, options: PullOptions): Promise<Page<T>>;
  ingest(tx: Tx, connectionId: string, items: readonly T[], now: number): Promise<void>;
}

const LISTED: FeedDelivery = { mode: 'list' };

/** A feed pulled on its own: declared, delivered, and not part of a combined update stream. */
const ownFeed = (feed: FeedName, capability: Capability) => (descriptor: ConnectorDescriptor) =>
  hasCapability(descriptor, capability) && descriptor.delivery[feed].mode !== 'none' && !combinedFeedsOf(descriptor).includes(feed);

const communities: StreamSpec<CommunityItem> = {
  stream: 'communities',
  capability: 'communities.list',
  runs: (descriptor) => hasCapability(descriptor, 'communities.list'),
  delivery: () => LISTED,
  pull: (connector, cursor, options) => connector.listCommunities(cursor, options),
  ingest: ingestCommunities,
};

const joinRequests: StreamSpec<JoinRequestItem> = {
  stream: 'join-requests',
  capability: 'joinRequests.pull',
  runs: ownFeed('joinRequests', 'joinRequests.pull'),
  delivery: (descriptor) => descriptor.delivery.joinRequests,
  pull: (connector, cursor, options) => connector.pullJoinRequests(cursor, options),
  ingest: ingestJoinRequests,
};

const reports: StreamSpec<ReportItem> = {
  stream: 'reports',
  capability: 'reports.pull',
  runs: ownFeed('reports', 'reports.pull'),
  delivery: (descriptor) => descriptor.delivery.reports,
  pull: (connector, cursor, options) => connector.pullReports(cursor, options),
  ingest: ingestReports,
};

const messages: StreamSpec<MessageItem> = {
  stream: 'messages',
  capability: 'messages.pull',
  runs: ownFeed('messages', 'messages.pull'),
  delivery: (descriptor) => descriptor.delivery.messages,
  pull: (connector, cursor, options) => connector.pullMessages(cursor, options),
  ingest: ingestMessages,
};

/**
 * The combined update stream: one consumer for every feed it carries. Its retention is
 * the shortest of theirs; its calls draw from the messages buckets, the busiest feed.
 */
const updates: StreamSpec<FeedItem> = {
  stream: 'updates',
  capability: 'messages.pull',
  // Before migration 0009 Telegram's update queue was read as these two streams.
  succeeds: ['join-requests', 'reports'],
  runs: (descriptor) => combinedFeedsOf(descriptor).length > 0,
  delivery: (descriptor) => {
    const kept = combinedFeedsOf(descriptor).map((feed) => descriptor.delivery[feed]);
    const retentions = kept.flatMap((delivery) => (delivery.mode === 'stream-only' ? [delivery.retentionMs] : []));
    return retentions.length > 0 ? { mode: 'stream-only', retentionMs: Math.min(...retentions) } : LISTED;
  },
  pull: (connector, cursor, options) => connector.pullUpdates(cursor, options),
  ingest: ingestUpdates,
};

/**
 * In the order a connection runs them: communities first, so items find their
 * community; messages before reports, so a reported message has usually arrived (and
 * met the alert rules) as ordinary traffic already.
 */
export const STREAMS: readonly StreamSpec<unknown>[] = [communities, joinRequests, messages, reports, updates];

/** The streams this connector can feed. */
export const streamsOf = (descriptor: ConnectorDescriptor): StreamSpec<unknown>[] => STREAMS.filter((spec) => spec.runs(descriptor));
