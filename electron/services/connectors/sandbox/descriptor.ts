import { CAPABILITIES, type ConnectorDescriptor } from '@shared/connectors';
import { MAX_ANNOUNCEMENT_LENGTH, MAX_BULK_REMOVE } from '@services/sandbox/http/wire';
import { MAX_MESSAGE_PAGE } from '@services/sandbox/routes/feeds';

/** Largest pages the Sandbox serves; the connector clamps to them. */
export const PAGE_LIMITS = { communities: 100, joinRequests: 1_000, reports: 200, messages: MAX_MESSAGE_PAGE } as const;
export const DEFAULT_PAGE = { communities: 100, joinRequests: 500, reports: 100, messages: 500 } as const;

/**
 * The Sandbox can do everything, lists every feed, honours Idempotency-Key, and
 * (with `--rate-limits`) enforces these very limits, so the engine's buckets can
 * be checked against a platform that agrees with its hints.
 */
export const SANDBOX_DESCRIPTOR: ConnectorDescriptor = {
  kind: 'sandbox',
  capabilities: CAPABILITIES,
  delivery: { joinRequests: { mode: 'list' }, reports: { mode: 'list' }, messages: { mode: 'list' } },
  sendIdempotency: 'native',
  rateHints: [
    { scope: 'account', perSecond: 20, burst: 20, appliesTo: 'all' },
    { scope: 'target', perSecond: 1, burst: 3, appliesTo: ['announce.send', 'announce.edit', 'announce.delete'] },
  ],
  limits: {
    maxPageSize: PAGE_LIMITS.joinRequests,
    maxBulkRemove: MAX_BULK_REMOVE,
    maxAnnouncementLength: MAX_ANNOUNCEMENT_LENGTH,
  },
};
