import type { Logger } from '../app/host';
import type { Store } from '../store/database';
import { referencedSha256s } from './attachments-repository';
import type { MediaCache } from './media-cache';

/**
 * Deletes kept files nothing refers to any more: no attachment row (a connection was
 * removed, an edit replaced the file) and no sealed evidence of a case still stored. Runs
 * at start and after a commit that touched `connections`, one sweep at a time.
 *
 * A fetch writes its file before its row says so. A file is never deleted while a fetch
 * holds its sha256 (from before the write until the row is recorded), nor when a fetch
 * took or let go of it since this sweep began: its row may have committed after the
 * sweep read the references.
 */
export class MediaSweeper {
  private readonly writing = new Map<string, number>();
  private readonly touched = new Set<string>();
  private run: Promise<void> = Promise.resolve();
  private queued = false;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly cache: MediaCache,
    private readonly log: Logger,
  ) {}

  hold(sha256: string): void {
    this.writing.set(sha256, (this.writing.get(sha256) ?? 0) + 1);
    this.touched.add(sha256);
  }

  release(sha256: string): void {
    const left = (this.writing.get(sha256) ?? 1) - 1;
    if (left > 0) this.writing.set(sha256, left);
    else this.writing.delete(sha256);
    this.touched.add(sha256);
  }

  /** A sweep after the one under way (requests meanwhile share it); settles when it is done. */
  soon(): Promise<void> {
    if (this.queued) return this.run;
    this.queued = true;
    this.run = this.run.then(() => {
      this.queued = false;
      return this.once();
    });
    return this.run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.run;
  }

  private async once(): Promise<void> {
    if (this.stopped) return;
    this.touched.clear();
    try {
      const stored = await this.cache.stored();
      if (stored.length === 0) return;
      const referenced = await referencedSha256s(this.store.reader);
      let removed = 0;
      for (const sha256 of stored) {
        if (this.stopped) return;
        if (referenced.has(sha256) || this.writing.has(sha256) || this.touched.has(sha256)) continue;
        await this.cache.remove(sha256);
        removed += 1;
      }
      if (removed > 0) this.log.info('Deleted kept media files nothing refers to any more', { files: removed });
    } catch (error) {
      this.log.warn('Sweeping kept media files failed', { error: error instanceof Error ? error.name : typeof error });
    }
  }
}
