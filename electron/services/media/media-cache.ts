import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Folder of the data folder holding fetched attachments. */
export const MEDIA_FOLDER = 'media';
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Fetched attachments on disk, content-addressed: `<data>/media/ab/abcd…` is the file whose
 * sha256 is `abcd…`, so two messages sharing a picture keep one copy and a kept file is its
 * own proof of integrity. Files are written to a temporary name and renamed, so a crash
 * never leaves a partial file under a hash.
 */
export class MediaCache {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, MEDIA_FOLDER);
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('not a sha256');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ readonly sha256: string; readonly size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { sha256, size: bytes.byteLength };
  }

  /** The kept bytes, or null when the file is missing or no longer hashes to its name (then it is not served). */
  async get(sha256: string): Promise<Buffer | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.pathOf(sha256));
    } catch {
      return null;
    }
    return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
  }
}
