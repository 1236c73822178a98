import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '@services/paths';
import { backupFolderOf, takeBackup } from '@services/store/backup';
import { openStore } from '@services/store/database';
import type { BenchContext } from '../core/context';
import { StatementClock } from '../core/statement-clock';
import { ingestThroughProduct } from '../figures/ingest-product';
import { removeDatabase } from '../support/files';
import { seedMessages } from './seed-messages';

/** A data folder browser mode can open: the ingested backlog plus the chat history. */
export interface Dataset {
  readonly dataDir: string;
  readonly file: string;
  /** How long the automatic backup (VACUUM INTO) of this database took. */
  readonly backupMs: number;
}

/**
 * Moves the ingest figure's database into a data folder (or ingests the backlog,
 * untimed, when that figure did not run), adds the messages and flags, and takes a backup.
 */
export async function prepareDataset(ctx: BenchContext, ingested: string | null): Promise<Dataset> {
  const dataDir = join(ctx.work, 'data');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  removeDatabase(file);
  if (ingested && existsSync(ingested)) {
    renameSync(ingested, file);
    removeDatabase(ingested);
  } else {
    ctx.log('ingesting the backlog for the other figures (untimed)');
    await ingestThroughProduct(file, ctx.backlog, new StatementClock());
  }
  ctx.log(`seeding ${ctx.sizes.messages.toLocaleString('en')} messages and flags`);
  const store = await openStore(file);
  try {
    await seedMessages(store, ctx.backlog, ctx.sizes.messages);
  } finally {
    await store.close();
  }
  // Browser mode takes a backup a minute after start when none is recent; taking it
  // here keeps that copy of the whole database out of the figures.
  const started = performance.now();
  await takeBackup(file, backupFolderOf(dataDir), Date.now());
  const backupMs = performance.now() - started;
  ctx.log(`backup of the dataset took ${(backupMs / 1000).toFixed(1)} s`);
  return { dataDir, file, backupMs };
}
