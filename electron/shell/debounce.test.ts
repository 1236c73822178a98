import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once after activity stops', () => {
    const fn = vi.fn();
    const saver = debounce(fn, 500);
    saver.schedule();
    vi.advanceTimersByTime(400);
    saver.schedule();
    vi.advanceTimersByTime(400);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('flush runs a pending call at once and only once', () => {
    const fn = vi.fn();
    const saver = debounce(fn, 500);
    saver.schedule();
    saver.flush();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
    saver.flush();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('cancel drops a pending call', () => {
    const fn = vi.fn();
    const saver = debounce(fn, 500);
    saver.schedule();
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});
