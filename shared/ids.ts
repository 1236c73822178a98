/**
 * Globally unique, time-sortable ids (ULID layout: 48-bit ms time + 80 random bits,
 * Crockford base32). Global ids let a shared team workspace merge local stores later
 * without re-keying rows (DESIGN §8). `crypto.getRandomValues` exists in browsers,
 * Node 20 and Electron, so this stays platform-free.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_BYTES = 10;

interface RandomSource {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
}
declare const crypto: RandomSource;

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = Math.floor(now);
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = crypto.getRandomValues(new Uint8Array(RANDOM_BYTES));
  let random = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      random += ALPHABET[(buffer >> bits) & 31];
    }
  }
  return time + random;
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
