import { describe, expect, it } from 'vitest';
import type { ConnectorDescriptor } from '../connectors/capabilities';
import { estimateSendMs } from './duration';

const descriptor = (rateHints: ConnectorDescriptor['rateHints']): ConnectorDescriptor => ({
  kind: 'sandbox',
  capabilities: ['announce.send'],
  delivery: { joinRequests: { mode: 'none' }, reports: { mode: 'none' }, messages: { mode: 'none' } },
  sendIdempotency: 'native',
  rateHints,
  limits: {},
});
const options = { capability: 'announce.send' as const, headroom: 1, callMs: 0 };

describe('estimateSendMs', () => {
  it('lets the burst go at once and paces the rest at the account rate', () => {
    const discourse = descriptor([{ scope: 'account', perMinute: 60, burst: 10, appliesTo: 'all' }]);
    expect(estimateSendMs([{ descriptor: discourse, targets: 10 }], options)).toBe(0);
    expect(estimateSendMs([{ descriptor: discourse, targets: 70 }], options)).toBe(60_000);
    expect(estimateSendMs([{ descriptor: discourse, targets: 70 }], { ...options, headroom: 0.5 })).toBe(120_000);
  });

  it('ignores per-community buckets (one post each) and hints for other capabilities', () => {
    const sandbox = descriptor([
      { scope: 'target', perSecond: 1, burst: 3, appliesTo: ['announce.send'] },
      { scope: 'account', perSecond: 1, burst: 1, appliesTo: ['joinRequests.decide'] },
    ]);
    expect(estimateSendMs([{ descriptor: sandbox, targets: 200 }], options)).toBe(0);
  });

  it('takes the slowest connection, since connections send side by side, and at least one round trip per call', () => {
    const slow = descriptor([{ scope: 'account', perSecond: 2, burst: 1, appliesTo: 'all' }]);
    const fast = descriptor([{ scope: 'account', perSecond: 100, burst: 100, appliesTo: 'all' }]);
    expect(estimateSendMs([{ descriptor: slow, targets: 11 }, { descriptor: fast, targets: 50 }], options)).toBe(5_000);
    expect(estimateSendMs([{ descriptor: fast, targets: 50 }], { ...options, callMs: 40 })).toBe(2_000);
    expect(estimateSendMs([{ descriptor: null, targets: 50 }], options)).toBe(0);
  });
});
