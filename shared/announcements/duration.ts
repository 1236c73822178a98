import { rateHintsFor, type Capability, type RateHint } from '../connectors/capabilities';
import type { ConnectorDescriptor } from '../connectors/capabilities';

/** The targets one connection would send to. */
export interface ConnectionLoad {
  readonly descriptor: ConnectorDescriptor | null;
  readonly targets: number;
}

export interface EstimateOptions {
  readonly capability: Extract<Capability, 'announce.send' | 'announce.edit' | 'announce.delete'>;
  /** Share of a declared rate the engine uses (the sync engine's headroom). */
  readonly headroom: number;
  /** A round trip, for connections whose limits are far above what one lane can send. */
  readonly callMs: number;
}

const perSecondOf = (hint: RateHint): number =>
  hint.perSecond ?? (hint.perMinute !== undefined ? hint.perMinute / 60 : Number.POSITIVE_INFINITY);

/**
 * How long the calls of one connection take under its bucket: the first `burst` go at
 * once, the rest at the rate. A `target` bucket is per community and each community
 * gets one post, so only its burst would matter, and bursts are at least 1.
 */
function bucketMs(hint: RateHint, calls: number, headroom: number): number {
  if (hint.scope === 'target') return 0;
  const rate = perSecondOf(hint) * headroom;
  if (!Number.isFinite(rate) || rate <= 0) return 0;
  return (Math.max(0, calls - Math.max(1, hint.burst)) / rate) * 1000;
}

/**
 * The estimated time to send to every target. Each connection sends one call at a
 * time, paced by its slowest bucket; connections send side by side, so the estimate
 * is the slowest connection's. Retries after 429s come on top.
 */
export function estimateSendMs(loads: readonly ConnectionLoad[], options: EstimateOptions): number {
  let slowest = 0;
  for (const { descriptor, targets } of loads) {
    if (!descriptor || targets === 0) continue;
    const paced = Math.max(0, ...rateHintsFor(descriptor, options.capability).map((hint) => bucketMs(hint, targets, options.headroom)));
    slowest = Math.max(slowest, paced, targets * options.callMs);
  }
  return Math.round(slowest);
}
