import { describe, expect, it } from 'vitest';
import { newRowsIndex } from './useQueueScreen';

describe('newRowsIndex', () => {
  const oldestFirst = [{ column: 'requestedAt', desc: false }];
  it('goes to the first new row at the end when the queue is oldest first', () => {
    expect(newRowsIndex(oldestFirst, 'requestedAt', 3, 100)).toBe(97);
    expect(newRowsIndex(oldestFirst, 'requestedAt', 300, 100)).toBe(0);
  });

  it('goes to the top under any other sort, or when nothing arrived', () => {
    expect(newRowsIndex([{ column: 'requestedAt', desc: true }], 'requestedAt', 3, 100)).toBe(0);
    expect(newRowsIndex([{ column: 'personName', desc: false }], 'requestedAt', 3, 100)).toBe(0);
    expect(newRowsIndex([], 'requestedAt', 3, 100)).toBe(0);
    expect(newRowsIndex(oldestFirst, 'requestedAt', 0, 100)).toBe(0);
  });
});
