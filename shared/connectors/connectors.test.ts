import { describe, expect, it } from 'vitest';
import {
  capabilityOf,
  combinedFeedsOf,
  ConnectorFailure,
  describeConnectorError,
  hasCapability,
  isConnectorFailure,
  rateHintsFor,
  type ConnectorDescriptor,
  type ConnectorError,
} from './index';

describe('ConnectorFailure', () => {
  it('carries its error and a readable message', () => {
    const failure = new ConnectorFailure({ class: 'rate-limited', retryAfterMs: 1500, scope: 'target', bucket: 'target:c_1' });
    expect(failure.error.class).toBe('rate-limited');
    expect(failure.message).toBe('rate limited (target target:c_1), retry after 1500 ms');
    expect(isConnectorFailure(failure)).toBe(true);
  });

  it('is recognised after crossing a boundary that loses its prototype', () => {
    const rebuilt = Object.assign(new Error('x'), { name: 'ConnectorFailure', error: { class: 'transient', detail: 'y' } });
    expect(isConnectorFailure(rebuilt)).toBe(true);
    expect(isConnectorFailure(Object.assign(new Error('x'), { name: 'ConnectorFailure', error: { class: 'nonsense' } }))).toBe(false);
    expect(isConnectorFailure(new Error('plain'))).toBe(false);
    expect(isConnectorFailure({ name: 'ConnectorFailure', error: { class: 'auth' } })).toBe(false);
  });

  it('describes every error class', () => {
    const errors: ConnectorError[] = [
      { class: 'auth', reason: 'needs-reauth' },
      { class: 'not-found', what: 'message' },
      { class: 'conflict', reason: 'migrated', newId: '-100123' },
      { class: 'invalid', detail: 'too long' },
      { class: 'transient', detail: 'HTTP 502' },
    ];
    expect(errors.map(describeConnectorError)).toEqual([
      'authentication failed: needs-reauth',
      'message not found',
      'conflict: migrated (now -100123)',
      'rejected: too long',
      'temporary failure: HTTP 502',
    ]);
  });
});

describe('capabilities', () => {
  const descriptor: ConnectorDescriptor = {
    kind: 'sandbox',
    capabilities: ['member.ban', 'announce.send'],
    delivery: { joinRequests: { mode: 'stream-only', retentionMs: 86_400_000 }, reports: { mode: 'none' }, messages: { mode: 'none' } },
    sendIdempotency: 'none',
    rateHints: [
      { scope: 'account', perSecond: 30, burst: 30, appliesTo: 'all' },
      { scope: 'target', perMinute: 20, burst: 1, appliesTo: ['announce.send'] },
    ],
    limits: {},
  };

  it('maps each moderation action to the capability it needs', () => {
    expect(capabilityOf({ type: 'ban', communityExternalId: 'c', personExternalId: 'u', until: null, deleteHistorySeconds: 0, reason: null })).toBe('member.ban');
    expect(capabilityOf({ type: 'ban', communityExternalId: 'c', personExternalId: 'u', until: 1, deleteHistorySeconds: 0, reason: null })).toBe('member.banTimed');
    expect(capabilityOf({ type: 'mute', communityExternalId: 'c', personExternalId: 'u', until: 5, reason: null })).toBe('member.muteTimed');
    expect(capabilityOf({ type: 'removeMessages', communityExternalId: 'c', messageExternalIds: [], reason: null })).toBe('message.removeBulk');
    expect(capabilityOf({ type: 'resolveReport', reportExternalId: 'r', version: null, resolution: 'dismissed' })).toBe('reports.resolve');
  });

  it('names the feeds a platform serves on one combined update stream (none unless declared)', () => {
    expect(combinedFeedsOf(descriptor)).toEqual([]);
    const combined = { ...descriptor, delivery: { ...descriptor.delivery, combined: ['joinRequests', 'messages'] as const } };
    expect(combinedFeedsOf(combined)).toEqual(['joinRequests', 'messages']);
  });

  it('answers which capabilities and rate hints apply', () => {
    expect(hasCapability(descriptor, 'member.ban')).toBe(true);
    expect(hasCapability(descriptor, 'member.kick')).toBe(false);
    expect(rateHintsFor(descriptor, 'announce.send').map((h) => h.scope)).toEqual(['account', 'target']);
    expect(rateHintsFor(descriptor, 'member.ban').map((h) => h.scope)).toEqual(['account']);
  });
});
