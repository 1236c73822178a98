import { rmSync } from 'node:fs';

/** Removes a SQLite file with its WAL and shared-memory companions. */
export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}
