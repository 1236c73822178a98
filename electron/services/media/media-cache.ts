import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Folder of the data folder holding fetched attachments. */
export const MEDIA_FOLDER = 'media';
const SHA256 = /^[0-9a-f]{64}$/;
const PART = /^[0-9a-f]{64}\.[0-9a-f]{12}\.part$/;
/** A temporary file this old was left by a crash mid-write, never by a write under way. */
const STALE_PART_MS = 60 * 60 * 1000;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

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

  /** `sha256` when the caller hashed the bytes already (to guard the name before the file exists). */
  async put(bytes: Uint8Array, sha256: string = sha256Of(bytes)): Promise<{ readonly sha256: string; readonly size: number }> {
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

  /**
   * The sha256s of the files kept; temporary files a crash left behind (over an hour old)
   * are deleted on the way, since nothing will ever rename them.
   */
  async stored(now: number = Date.now()): Promise<string[]> {
    const found: string[] = [];
    let folders: string[];
    try {
      folders = await readdir(this.root);
    } catch {
      return found;
    }
    for (const folder of folders.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
      for (const name of await readdir(join(this.root, folder)).catch(() => [] as string[])) {
        if (SHA256.test(name) && name.startsWith(folder)) found.push(name);
        else if (PART.test(name)) {
          const path = join(this.root, folder, name);
          const since = await stat(path).then((s) => now - s.mtimeMs, () => 0);
          if (since > STALE_PART_MS) await rm(path, { force: true });
        }
      }
    }
    return found;
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
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
