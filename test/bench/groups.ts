import type { Browser } from '@playwright/test';
import type { Group } from './args';
import { launchChromium } from './browser/chromium';
import type { BenchContext } from './core/context';
import type { Figure } from './core/results-schema';
import { prepareDataset, type Dataset } from './data/dataset';
import { alertBacktestFigures } from './figures/alert-backtest';
import { browserFigures } from './figures/browser';
import { bulkDecisionFigure } from './figures/bulk-decision';
import { ingestFigures } from './figures/ingest';
import { peerFigures } from './figures/peers';
import { searchFigure } from './figures/search';
import { windowFigures } from './figures/windows';
import { startServer } from './support/browser-mode';
import { openContract, type Contract } from './support/contract';
import { openReadOnly, type ReadOnlyDatabase } from './support/read-only';

export interface GroupsOutcome {
  readonly figures: Figure[];
  readonly errors: { group: string; message: string }[];
  readonly chromium: string;
}

/**
 * Runs the chosen groups in an order that keeps them honest: ingest first (its database
 * is the backlog), then the groups that only read (peers before anything decides a
 * row, so the peers and Modboard show the same rows), the groups that decide rows last.
 */
export async function runGroups(ctx: BenchContext): Promise<GroupsOutcome> {
  const figures: Figure[] = [];
  const errors: { group: string; message: string }[] = [];
  const wanted = (group: Group) => ctx.options.groups.includes(group);
  const attempt = async (group: Group | 'dataset', work: () => Promise<Figure[]>) => {
    if (group !== 'dataset' && !wanted(group)) return;
    ctx.log(`— ${group}`);
    try {
      figures.push(...(await work()));
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      errors.push({ group, message });
      ctx.log(`${group} failed: ${message}`);
    }
  };

  const ingest: { file: string | null } = { file: null };
  await attempt('ingest', async () => {
    const outcome = await ingestFigures(ctx);
    ingest.file = outcome.databaseFile;
    return outcome.figures;
  });
  // Its own fresh database of messages: needs neither the backlog nor the dataset.
  await attempt('alerts', () => alertBacktestFigures(ctx));
  if (ctx.options.groups.every((g) => g === 'ingest' || g === 'alerts')) return { figures, errors, chromium: 'not run' };

  const prepared: { dataset: Dataset | null } = { dataset: null };
  await attempt('dataset', async () => {
    prepared.dataset = await prepareDataset(ctx, ingest.file);
    return [];
  });
  const data = prepared.dataset;
  if (!data) return { figures, errors, chromium: 'not run' };

  const held: { browser: Browser | null } = { browser: null };
  const chromium = async () => (held.browser ??= await launchChromium());
  let version = 'not run';
  try {
    await attempt('peers', async () => peerFigures(ctx, await chromium(), data));
    await attempt('contract', () => withContract(ctx, data, async (api, db) => [...(await windowFigures(ctx, api, db)), await searchFigure(ctx, api, db)]));
    await attempt('browser', async () => browserFigures(ctx, await chromium(), data));
    await attempt('bulk', () => withContract(ctx, data, async (api, db) => [await bulkDecisionFigure(ctx, api, db, data)]));
  } finally {
    if (held.browser) {
      version = held.browser.version();
      await held.browser.close();
    }
  }
  return { figures, errors, chromium: version };
}

/** Browser mode on the backlog, a contract client and a read-only connection of the bench's, for one group. */
async function withContract(ctx: BenchContext, data: Dataset, work: (api: Contract, db: ReadOnlyDatabase) => Promise<Figure[]>): Promise<Figure[]> {
  const server = await startServer(ctx.build, data.dataDir);
  const db = await openReadOnly(data.file);
  const api = await openContract(server.origin, server.token);
  try {
    return await work(api, db);
  } finally {
    api.close();
    await db.close();
    await server.stop();
  }
}
