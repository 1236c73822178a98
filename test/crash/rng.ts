import { mix, sfc32, type Rng } from '@services/sandbox/prng';

/** The harness's own seeded choices: the same seed gives the same plan (the OS still picks the exact interleaving). */
export class Random {
  private readonly next: Rng;

  constructor(seed: number, stream: number) {
    this.next = sfc32(mix(seed, stream, 1), mix(seed, stream, 2), mix(seed, stream, 3), mix(seed, stream, 4));
    for (let i = 0; i < 8; i++) this.next();
  }

  float(): number {
    return this.next();
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
}
