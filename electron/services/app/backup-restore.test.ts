import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from './logger';
import { backupFolderOf, takeBackup } from '../store/backup';
import { openStore } from '../store/database';
import { sql } from '../store/sql';
import { tempFolder } from '../store/testing-files';
import { createRecoveryControl } from './backup-restore';

/**
 * The restore's own steps, with the composition root's close/reopen recorded: what the
 * services are told when the copy goes in, and when it does not.
 */
let folder: ReturnType<typeof tempFolder>;
let file: string;
beforeEach(async () => {
  folder = tempFolder('modboard-restore-');
  file = join(folder.dir, 'modboard.sqlite');
  const store = await openStore(file);
  await store.writer.transaction((tx) => tx.run(sql`INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('C', 'sandbox', 'S', 1, 1)`));
  await store.close();
});
afterEach(() => folder.cleanup());

function control(onClose: () => void = () => {}) {
  const reopened: { restored: boolean }[] = [];
  const recovery = createRecoveryControl({
    dataDir: folder.dir,
    file,
    log: silentLogger,
    now: Date.now,
    setAside: null,
    sessions: {
      close: async () => onClose(),
      reopen: async (how) => {
        reopened.push(how);
      },
    },
  });
  return { recovery, reopened };
}

describe('restoring a backup', () => {
  it('tells the services a backup went in place, and sets the database that was there aside', async () => {
    const backup = await takeBackup(file, backupFolderOf(folder.dir), Date.now());
    const { recovery, reopened } = control();
    const result = await recovery.restore(recovery.status().backups[0]?.name ?? '');
    expect(result.backup.name).toBe(backup.file.split('/').pop());
    expect(reopened).toEqual([{ restored: true }]);
    expect(readdirSync(folder.dir).filter((name) => /\.replaced-[\dT-]+Z$/.test(name))).toHaveLength(1);
  });

  it('when the copy fails, reopens on the untouched database without holding its pushes, and leaves no partial copy', async () => {
    const backup = await takeBackup(file, backupFolderOf(folder.dir), Date.now());
    const before = readFileSync(file);
    // The backup vanishes after its check, while the services are closed: the copy cannot be made.
    const { recovery, reopened } = control(() => rmSync(backup.file));
    await expect(recovery.restore(recovery.status().backups[0]?.name ?? '')).rejects.toThrow();
    expect(reopened).toEqual([{ restored: false }]);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}.restoring`)).toBe(false);
    expect(readdirSync(folder.dir).filter((name) => name.includes('.replaced-'))).toEqual([]);
  });
});
