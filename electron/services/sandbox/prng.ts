/**
 * Seeded randomness for the Sandbox world. Nothing in the world may use
 * Math.random: every item is rebuilt from (seed, stream, index) on demand, so the
 * same seed always yields the same world and a page never needs the whole world.
 */
export type Rng = () => number;

/** FNV-1a over a string, so `--seed demo` works as well as `--seed 42`. */
export function seedFrom(seed: number | string): number {
  if (typeof seed === 'number' && Number.isFinite(seed)) return seed >>> 0;
  let hash = 0x811c9dc5;
  for (const char of String(seed)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finalizer over several words: a cheap, well-spread 32-bit hash. */
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

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter): fast, small state, passes PractRand. */
export function sfc32(a: number, b: number, c: number, d: number): Rng {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** An independent generator for one item: the same arguments always give the same sequence. */
export function rngFor(seed: number, stream: number, index: number): Rng {
  const rng = sfc32(mix(seed, stream, index, 1), mix(seed, stream, index, 2), mix(seed, stream, index, 3), mix(seed, stream, index, 4));
  // sfc32 needs a few rounds before nearby seeds stop looking alike.
  for (let i = 0; i < 8; i++) rng();
  return rng;
}

/** Streams keep item kinds independent: adding a field to people must not reshuffle join requests. */
export const STREAM = {
  communities: 1,
  people: 2,
  joinRequests: 3,
  reports: 4,
  messages: 5,
  trickle: 6,
  faults: 7,
  otherAdmins: 8,
  chatter: 9,
} as const;

export const intBetween = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

export const chance = (rng: Rng, probability: number): boolean => rng() < probability;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rng() * items.length)] as T;
}

/** Base-36 tag made of random digits, for usernames and link paths. */
export function token(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(rng() * 36).toString(36);
  return out;
}
