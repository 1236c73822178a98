import type { Capability, ConnectorDescriptor } from '@shared/connectors';
import { BULK_DELETE_MAX_AGE_MS, MAX_BULK_DELETE } from './actions';
import { MAX_CONTENT } from './announcements';

/** Audit log entries (the AutoMod catch-up) are kept for 45 days. */
export const AUDIT_LOG_RETENTION_MS = 45 * 86_400_000;

const BASE: readonly Capability[] = [
  'communities.list',
  'reports.pull',
  'messages.pull',
  'message.remove',
  'message.removeBulk',
  'member.kick',
  'member.ban',
  // Timeouts always end (≤ 28 days): no indefinite mute, no timed ban on Discord.
  'member.muteTimed',
  // A warning is a DM; unban deletes the ban; unmute clears the timeout.
  'member.warn',
  'member.unban',
  'member.unmute',
  'announce.send',
  'announce.edit',
  'announce.delete',
  'media.fetch',
];

/**
 * Discord. AutoMod hits come from the audit log, which forgets after 45 days, hence
 * `stream-only`. Member applications (join requests) are a new API: off unless the
 * connection's base URL carries `?joinRequests=1`; on, they are a listed feed.
 * Announcements dedupe by nonce for a few minutes (`window`). Rate limits: 50 req/s
 * per bot globally; per-route buckets arrive in headers and 429s; 5 messages per 5 s
 * into one channel is the long-standing per-channel limit.
 */
export function discordDescriptor(options: { readonly joinRequests: boolean }): ConnectorDescriptor {
  return {
    kind: 'discord',
    capabilities: options.joinRequests ? [...BASE, 'joinRequests.pull', 'joinRequests.decide'] : BASE,
    delivery: {
      joinRequests: options.joinRequests ? { mode: 'list' } : { mode: 'none' },
      reports: { mode: 'stream-only', retentionMs: AUDIT_LOG_RETENTION_MS },
      // Channel history can be read again at any time (GET /channels/{id}/messages).
      messages: { mode: 'list' },
    },
    sendIdempotency: 'window',
    rateHints: [
      { scope: 'global', perSecond: 50, burst: 50, appliesTo: 'all' },
      { scope: 'target', perSecond: 1, burst: 5, appliesTo: ['announce.send', 'announce.edit', 'announce.delete'] },
    ],
    limits: { maxPageSize: 100, maxBulkRemove: MAX_BULK_DELETE, maxAnnouncementLength: MAX_CONTENT, maxMessageAgeForDeleteMs: BULK_DELETE_MAX_AGE_MS },
  };
}
