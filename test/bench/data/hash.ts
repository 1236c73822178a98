/** murmur3's finalizer over a few words: every synthetic field is a pure function of (row, field). */
export function mix(...words: number[]): number {
  let h = 0x9e3779b9;
  for (const word of words) {
    h = Math.imul(h ^ (word >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A uniform number in [0, 1) for (row, field). */
export const unit = (...words: number[]): number => mix(...words) / 2 ** 32;
