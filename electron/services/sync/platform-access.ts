import { isConnectorFailure, type ConnectorDescriptor } from '@shared/connectors';
import { Mutex } from '../store/mutex';
import type { CallScope, RateGate } from './rate-gate';
import { sleep } from './wait';

/**
 * Every platform call, pull or push, goes through here: one call at a time per
 * connection, each only once its buckets allow it. One at a time matters: a call
 * already on the wire when another comes back 429 would reach the closed scope
 * before its Retry-After (and real platforms count that against us).
 */
export class PlatformAccess {
  private readonly lanes = new Map<string, Mutex>();

  constructor(
    private readonly gate: RateGate,
    private readonly clock: () => number,
  ) {}

  /** When the call could go, ignoring other calls queued on the lane. */
  readyAt(descriptor: ConnectorDescriptor, scope: CallScope): number {
    return this.gate.readyAt(descriptor, scope);
  }

  call<T>(descriptor: ConnectorDescriptor, scope: CallScope, run: () => Promise<T>, signal: AbortSignal): Promise<T> {
    return this.lane(scope.connectionId).run(async () => {
      while (!this.gate.tryTake(descriptor, scope)) {
        await sleep(this.gate.readyAt(descriptor, scope) - this.clock(), signal);
        signal.throwIfAborted();
      }
      signal.throwIfAborted();
      try {
        return await run();
      } catch (error) {
        if (isConnectorFailure(error) && error.error.class === 'rate-limited') this.gate.rateLimited(descriptor, scope, error.error);
        throw error;
      }
    });
  }

  private lane(connectionId: string): Mutex {
    let lane = this.lanes.get(connectionId);
    if (!lane) {
      lane = new Mutex();
      this.lanes.set(connectionId, lane);
    }
    return lane;
  }
}
