/**
 * Which items of one feed changed, in the order they changed. Each change gets a
 * world-wide sequence number; an item changed twice keeps only its latest entry
 * live, so a catch-up pull returns it once, in its current state.
 */
export class ChangeLog {
  private readonly latest = new Map<number, number>();
  // Parallel arrays in ascending sequence order: compact for a million entries.
  private readonly seqs: number[] = [];
  private readonly indices: number[] = [];

  record(index: number, seq: number): void {
    const last = this.seqs.at(-1);
    if (last !== undefined && seq <= last) throw new Error('change sequence must increase');
    this.latest.set(index, seq);
    this.seqs.push(seq);
    this.indices.push(index);
  }

  get size(): number {
    return this.seqs.length;
  }

  /** Entries recorded after `afterSeq`, superseded ones included: an upper bound on what a catch-up yields. */
  countAfter(afterSeq: number): number {
    return this.seqs.length - this.firstAfter(afterSeq);
  }

  /**
   * Up to `limit` items whose latest change came after `afterSeq`, oldest change
   * first. `scannedTo` is the sequence number to continue after, which passes over
   * superseded entries so they are never scanned again.
   */
  liveAfter(afterSeq: number, limit: number): { indices: number[]; scannedTo: number; exhausted: boolean } {
    const out: number[] = [];
    let scannedTo = afterSeq;
    let at = this.firstAfter(afterSeq);
    for (; at < this.seqs.length && out.length < limit; at++) {
      const seq = this.seqs[at] as number;
      const index = this.indices[at] as number;
      if (this.latest.get(index) === seq) out.push(index);
      scannedTo = seq;
    }
    // Superseded entries right after the last live one would only be skipped next time.
    while (at < this.seqs.length && this.latest.get(this.indices[at] as number) !== this.seqs[at]) {
      scannedTo = this.seqs[at] as number;
      at++;
    }
    return { indices: out, scannedTo, exhausted: at >= this.seqs.length };
  }

  private firstAfter(seq: number): number {
    let lo = 0;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.seqs[mid] as number) <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
