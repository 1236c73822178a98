import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '@services/app/host';
import { createQuitGate } from './quit-gate';

function setup(stop: () => Promise<void>) {
  const log: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const quit = vi.fn();
  const stopSpy = vi.fn(stop);
  return { gate: createQuitGate({ stop: stopSpy, quit, log, timeoutMs: 1000 }), quit, stop: stopSpy, log };
}

describe('createQuitGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds the first quit, stops once, then quits and lets that quit through', async () => {
    let finish!: () => void;
    const { gate, quit, stop } = setup(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(gate.beforeQuit()).toBe(false);
    expect(gate.beforeQuit()).toBe(false);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(quit).not.toHaveBeenCalled();

    finish();
    await vi.runAllTimersAsync();
    expect(quit).toHaveBeenCalledTimes(1);
    expect(gate.beforeQuit()).toBe(true);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('still quits when stopping fails', async () => {
    const { gate, quit, log } = setup(() => Promise.reject(new Error('disk gone')));
    gate.beforeQuit();
    await vi.runAllTimersAsync();
    expect(log.error).toHaveBeenCalled();
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('gives up on a stop that hangs', async () => {
    const { gate, quit, log } = setup(() => new Promise<void>(() => {}));
    gate.beforeQuit();
    await vi.advanceTimersByTimeAsync(999);
    expect(quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(quit).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalled();
  });
});
