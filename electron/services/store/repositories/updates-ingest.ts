import type { FeedItem, JoinRequestItem, MessageItem, ReportItem } from '@shared/connectors';
import type { Tx } from '../database';
import { ingestJoinRequests } from './join-requests-ingest';
import { ingestMessages } from './message-feed-ingest';
import { ingestReports } from './reports-ingest';

/**
 * One page of a combined update stream (Telegram's getUpdates): each feed's items go
 * through that feed's own ingest, all in the caller's transaction with the one
 * cursor, so the page is stored whole or not at all. Messages go before reports: a
 * reported message then arrives once, and alert rules see it once.
 */
export async function ingestUpdates(tx: Tx, connectionId: string, items: readonly FeedItem[], now: number): Promise<void> {
  const joinRequests: JoinRequestItem[] = [];
  const messages: MessageItem[] = [];
  const reports: ReportItem[] = [];
  for (const update of items) {
    if (update.feed === 'joinRequests') joinRequests.push(update.item);
    else if (update.feed === 'messages') messages.push(update.item);
    else reports.push(update.item);
  }
  await ingestJoinRequests(tx, connectionId, joinRequests, now);
  await ingestMessages(tx, connectionId, messages, now);
  await ingestReports(tx, connectionId, reports, now);
}
