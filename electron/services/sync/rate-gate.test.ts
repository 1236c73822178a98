import { describe, expect, it } from 'vitest';
import type { ConnectorDescriptor } from '@shared/connectors';
import { RateGate, type CallScope } from './rate-gate';

const descriptor: ConnectorDescriptor = {
  kind: 'sandbox',
  capabilities: ['joinRequests.decide', 'announce.send', 'joinRequests.pull'],
  delivery: { joinRequests: { mode: 'list' }, reports: { mode: 'list' }, messages: { mode: 'list' } },
  sendIdempotency: 'native',
  rateHints: [
    { scope: 'account', perSecond: 10, burst: 2, appliesTo: 'all' },
    { scope: 'target', perSecond: 1, burst: 1, appliesTo: ['announce.send'] },
  ],
  limits: {},
};

const call = (over: Partial<CallScope> = {}): CallScope => ({ connectionId: 'A', capability: 'joinRequests.decide', target: 'c1', ...over });

describe('RateGate', () => {
  it('draws from the hints that apply to a capability, per connection and per target', () => {
    let now = 0;
    const gate = new RateGate(() => now, undefined, 1);
    const post = (target: string) => call({ capability: 'announce.send', target });
    expect(gate.tryTake(descriptor, post('c1'))).toBe(true);
    expect(gate.tryTake(descriptor, post('c1'))).toBe(false);
    expect(gate.readyAt(descriptor, post('c1'))).toBe(1_000);
    expect(gate.tryTake(descriptor, post('c2'))).toBe(true);
    // The account burst (2) is spent now, for every capability of connection A, but not for B.
    expect(gate.tryTake(descriptor, call())).toBe(false);
    expect(gate.tryTake(descriptor, call({ connectionId: 'B' }))).toBe(true);
    now = 100;
    expect(gate.tryTake(descriptor, call())).toBe(true);
  });

  it('closes exactly the scope a 429 names until its Retry-After, and tightens that scope', () => {
    let now = 0;
    const gate = new RateGate(() => now, undefined, 1);
    gate.rateLimited(descriptor, call({ target: 'c1' }), { scope: 'target', retryAfterMs: 5_000 });
    expect(gate.readyAt(descriptor, call({ target: 'c1' }))).toBe(5_000);
    expect(gate.readyAt(descriptor, call({ target: 'c2' }))).toBe(0);
    gate.rateLimited(descriptor, call({ target: 'c2' }), { scope: 'account', retryAfterMs: 3_000 });
    for (const scope of [call({ target: 'c2' }), call({ capability: 'joinRequests.pull', target: null })])
      expect(gate.readyAt(descriptor, scope)).toBe(3_000);
    now = 3_000;
    expect(gate.tryTake(descriptor, call({ target: 'c2' }))).toBe(true);
    // Tightened: the account bucket now refills at 5/s instead of 10/s.
    expect(gate.tryTake(descriptor, call({ target: 'c2' }))).toBe(false);
    expect(gate.readyAt(descriptor, call({ target: 'c2' }))).toBe(3_200);
  });

  it('runs a little under the declared rate by default', () => {
    const now = 0;
    const gate = new RateGate(() => now);
    const post = call({ capability: 'announce.send' });
    expect(gate.tryTake(descriptor, post)).toBe(true);
    expect(gate.readyAt(descriptor, post)).toBe(1_112);
  });
});
