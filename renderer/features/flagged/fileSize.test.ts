import { describe, expect, it } from 'vitest';
import { formatFileSize } from './fileSize';

describe('formatFileSize', () => {
  it.each([
    [null, 'size unknown'],
    [1, '1 byte'],
    [812, '812 bytes'],
    [1536, '1.5 KB'],
    [14 * 1024, '14 KB'],
    [2.4 * 1024 * 1024, '2.4 MB'],
    [40 * 1024 * 1024, '40 MB'],
  ])('%s → %s', (bytes, words) => expect(formatFileSize(bytes)).toBe(words));
});
