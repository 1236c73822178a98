import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, USAGE } from './args';
import { FULL, QUICK } from './config';
import type { BenchContext } from './core/context';
import { FIGURE_IDS } from './core/figure-ids';
import { describeMachine, loadNow } from './core/machine';
import { toMarkdown } from './core/markdown';
import { resultsSchema, type Figure, type Results } from './core/results-schema';
import { backlogOf } from './data/backlog';
import { runGroups } from './groups';
import { snapshotBuild } from './support/build-snapshot';

/**
 * `npm run bench` (built to out/main/bench.js): runs every group of figures in one
 * process on this machine and writes results.json and results.md. Exits non-zero only
 * when the bench itself breaks; a missed target is a result, not a failure.
 */
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function main(): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(process.argv.slice(2), ROOT);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const mode = options.quick ? QUICK : FULL;
  const sizes = options.rows ? { ...mode, joinRequests: options.rows, messages: options.rows } : mode;
  const started = Date.now();
  const loadAtStart = loadNow();
  const work = mkdtempSync(join(tmpdir(), 'modboard-bench-'));
  const build = snapshotBuild(ROOT);
  const ctx: BenchContext = {
    options,
    sizes,
    root: ROOT,
    build: build.root,
    work,
    backlog: backlogOf(sizes.joinRequests),
    log: (message) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`),
  };
  ctx.log(`${options.quick ? 'quick' : 'full'} run; groups ${options.groups.join(', ')}; temp folder ${work}`);
  let outcome;
  try {
    outcome = await runGroups(ctx);
  } finally {
    build.remove();
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
  const results: Results = resultsSchema.parse({
    schema: 1,
    mode: options.quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    machine: await describeMachine(outcome.chromium, loadAtStart),
    sizes: { ...sizes },
    figures: inTableOrder(outcome.figures),
    errors: outcome.errors,
  });
  mkdirSync(options.outDir, { recursive: true });
  writeFileSync(join(options.outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(options.outDir, 'results.md'), `${toMarkdown(results)}\n`);
  ctx.log(`wrote ${join(options.outDir, 'results.json')} and results.md (${results.figures.length} figures, ${results.errors.length} errors)`);
  return results.errors.length === 0 ? 0 : 1;
}

/** The order (ingest, decisions, windows, search, browser, memory, peers), whatever order the groups ran in. */
const inTableOrder = (figures: Figure[]): Figure[] => {
  const rank = (f: Figure) => {
    const at = (FIGURE_IDS as readonly string[]).indexOf(f.id);
    return at === -1 ? FIGURE_IDS.length : at;
  };
  return [...figures].sort((a, b) => rank(a) - rank(b));
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${USAGE}`);
    process.exit(1);
  },
);
