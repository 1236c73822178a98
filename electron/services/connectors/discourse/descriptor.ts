import type { ConnectorDescriptor } from '@shared/connectors';

/**
 * Discourse lists both queues (review queue, group requests) and the latest posts, so nothing is lost
 * while the console is closed. Every call of an admin key counts against
 * `max_admin_api_reqs_per_minute` (60 by default; self-hosters can raise it).
 * Not declared: kick (a site has no membership to end; group removal is not a
 * moderation action here) and bulk removal (no bulk post delete for the API).
 */
export const DISCOURSE_DESCRIPTOR: ConnectorDescriptor = {
  kind: 'discourse',
  capabilities: [
    'communities.list',
    'joinRequests.pull',
    'joinRequests.decide',
    'reports.pull',
    'reports.resolve',
    'messages.pull',
    'message.remove',
    'member.ban',
    'member.banTimed',
    'member.mute',
    'member.muteTimed',
    // Warn: a private message; unban/unmute: unsuspend/unsilence.
    'member.warn',
    'member.unban',
    'member.unmute',
    'announce.send',
    'announce.edit',
    'announce.delete',
  ],
  // The latest posts (/posts.json) can be read again at any time: listed, like the queues.
  delivery: { joinRequests: { mode: 'list' }, reports: { mode: 'list' }, messages: { mode: 'list' } },
  sendIdempotency: 'none',
  rateHints: [{ scope: 'account', perMinute: 60, burst: 10, appliesTo: 'all' }],
  limits: {
    // /review.json has a fixed page of 10; group requesters are read 50 at a time.
    maxPageSize: 50,
    // Discourse's default max_post_length.
    maxAnnouncementLength: 32_000,
  },
};
