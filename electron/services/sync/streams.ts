import {
  hasCapability,
  type Capability,
  type CommunityItem,
  type Connector,
  type ConnectorDescriptor,
  type FeedDelivery,
  type JoinRequestItem,
  type Page,
  type PullOptions,
  type ReportItem,
} from '@shared/connectors';
import type { SyncStream } from '@shared/domain/sync';
import type { Tx } from '../store/database';
import { ingestCommunities } from '../store/repositories/communities-ingest';
import { ingestJoinRequests } from '../store/repositories/join-requests-ingest';
import { ingestReports } from '../store/repositories/reports-ingest';

/**
 * One pullable feed: how to ask the connector for a page and how to write it.
 * Add a stream by adding an entry here (and its name to SYNC_STREAMS and the
 * sync_cursors CHECK); the pull job and scheduler need nothing else.
 */
export interface StreamSpec<T> {
  readonly stream: SyncStream;
  readonly capability: Capability;
  delivery(descriptor: ConnectorDescriptor): FeedDelivery;
  pull(connector: Connector, cursor: string | null, options: PullOptions): Promise<Page<T>>;
  ingest(tx: Tx, connectionId: string, items: readonly T[], now: number): Promise<void>;
}

const LISTED: FeedDelivery = { mode: 'list' };

const communities: StreamSpec<CommunityItem> = {
  stream: 'communities',
  capability: 'communities.list',
  delivery: () => LISTED,
  pull: (connector, cursor, options) => connector.listCommunities(cursor, options),
  ingest: ingestCommunities,
};

const joinRequests: StreamSpec<JoinRequestItem> = {
  stream: 'join-requests',
  capability: 'joinRequests.pull',
  delivery: (descriptor) => descriptor.delivery.joinRequests,
  pull: (connector, cursor, options) => connector.pullJoinRequests(cursor, options),
  ingest: ingestJoinRequests,
};

const reports: StreamSpec<ReportItem> = {
  stream: 'reports',
  capability: 'reports.pull',
  delivery: (descriptor) => descriptor.delivery.reports,
  pull: (connector, cursor, options) => connector.pullReports(cursor, options),
  ingest: ingestReports,
};

/** In the order a connection runs them: communities first, so items find their community. */
export const STREAMS: readonly StreamSpec<unknown>[] = [communities, joinRequests, reports];

/** The streams this connector can feed. */
export const streamsOf = (descriptor: ConnectorDescriptor): StreamSpec<unknown>[] =>
  STREAMS.filter((spec) => hasCapability(descriptor, spec.capability) && spec.delivery(descriptor).mode !== 'none');
