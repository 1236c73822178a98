import type { ConnectorDescriptor } from '@shared/connectors';

/** Telegram keeps undelivered updates for 24 hours at most (Bot API, "Getting updates"). */
export const UPDATE_RETENTION_MS = 24 * 3_600_000;
export const MAX_MESSAGE_LENGTH = 4_096;
export const MAX_BULK_DELETE = 100;
/** deleteMessage: "A message can only be deleted if it was sent less than 48 hours ago." */
export const MAX_DELETE_AGE_MS = 48 * 3_600_000;

/**
 * Join requests, group messages and /report replies exist only on the update stream
 * (no list to read again later), all on one queue. Reports are not resolvable on Telegram (it has no report
 * state), so `reports.resolve` is absent and resolving stays local. Sends carry no
 * idempotency key. Pacing from the Bot FAQ: about 30 messages/s overall and 20/min
 * into one group; always honour `retry_after` on top.
 */
export const TELEGRAM_DESCRIPTOR: ConnectorDescriptor = {
  kind: 'telegram',
  capabilities: [
    'communities.list',
    'joinRequests.pull',
    'joinRequests.decide',
    'reports.pull',
    'messages.pull',
    'message.remove',
    'message.removeBulk',
    'member.kick',
    'member.ban',
    'member.banTimed',
    'member.mute',
    'member.muteTimed',
    'member.warn',
    'member.unban',
    'member.unmute',
    'announce.send',
    'announce.edit',
    'announce.delete',
    'media.fetch',
  ],
  delivery: {
    joinRequests: { mode: 'stream-only', retentionMs: UPDATE_RETENTION_MS },
    reports: { mode: 'stream-only', retentionMs: UPDATE_RETENTION_MS },
    messages: { mode: 'stream-only', retentionMs: UPDATE_RETENTION_MS },
    // One getUpdates queue carries all three: one consumer, one cursor (updates.ts).
    combined: ['joinRequests', 'reports', 'messages'],
  },
  sendIdempotency: 'none',
  rateHints: [
    { scope: 'account', perSecond: 30, burst: 30, appliesTo: 'all' },
    // A warning is a message into the chat too: it shares the group's message pacing.
    { scope: 'target', perMinute: 20, burst: 3, appliesTo: ['announce.send', 'announce.edit', 'announce.delete', 'member.warn'] },
  ],
  limits: {
    maxPageSize: 100,
    maxBulkRemove: MAX_BULK_DELETE,
    maxAnnouncementLength: MAX_MESSAGE_LENGTH,
    maxMessageAgeForDeleteMs: MAX_DELETE_AGE_MS,
  },
};
