import { mix, STREAM } from '../prng';

/** New activity per minute of wall time while the Sandbox runs. */
export interface TrickleRates {
  readonly joinRequestsPerMinute: number;
  readonly reportsPerMinute: number;
  /** Pending join requests decided by "another admin". */
  readonly handledElsewherePerMinute: number;
  /** Pending join requests withdrawn by the person who asked. */
  readonly withdrawalsPerMinute: number;
  /** Ordinary messages members post (the `messages` feed). */
  readonly messagesPerMinute: number;
}

/** A living but calm world: enough that a console left open visibly changes. */
export const DEFAULT_TRICKLE: TrickleRates = {
  joinRequestsPerMinute: 6,
  reportsPerMinute: 1,
  handledElsewherePerMinute: 1,
  withdrawalsPerMinute: 0.5,
  messagesPerMinute: 12,
};

export const NO_TRICKLE: TrickleRates = {
  joinRequestsPerMinute: 0,
  reportsPerMinute: 0,
  handledElsewherePerMinute: 0,
  withdrawalsPerMinute: 0,
  messagesPerMinute: 0,
};

export type TrickleKind = keyof TrickleRates;
// New kinds go last: a kind's place seeds its jitter, so the others keep their schedule.
const KINDS: readonly TrickleKind[] = ['joinRequestsPerMinute', 'reportsPerMinute', 'handledElsewherePerMinute', 'withdrawalsPerMinute', 'messagesPerMinute'];

export interface TrickleEvent {
  readonly kind: TrickleKind;
  /** 0 for the first event of its kind, 1 for the second... */
  readonly ordinal: number;
  readonly at: number;
}

/**
 * Event k of a kind happens at `startedAt + (k + jitter) * interval`: evenly spread
 * with some jitter, and a function of (seed, elapsed time) only, so two worlds with
 * the same seed observed at the same elapsed time hold the same items.
 */
export class TrickleSchedule {
  private readonly emitted = new Map<TrickleKind, number>();

  constructor(
    private readonly seed: number,
    private readonly startedAt: number,
    private readonly rates: TrickleRates,
  ) {}

  /** Events due by `now` not handed out before, in time order across kinds. */
  due(now: number): TrickleEvent[] {
    const events: TrickleEvent[] = [];
    KINDS.forEach((kind, k) => {
      const rate = this.rates[kind];
      if (!(rate > 0)) return;
      const interval = 60_000 / rate;
      let ordinal = this.emitted.get(kind) ?? 0;
      for (;;) {
        const at = Math.floor(this.startedAt + (ordinal + mix(this.seed, STREAM.trickle, k, ordinal) / 4294967296) * interval);
        if (at > now) break;
        events.push({ kind, ordinal, at });
        ordinal++;
      }
      this.emitted.set(kind, ordinal);
    });
    return events.sort((a, b) => a.at - b.at || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  }
}
