import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const GROUPS = ['ingest', 'alerts', 'contract', 'browser', 'peers', 'bulk'] as const;
export type Group = (typeof GROUPS)[number];

export interface BenchOptions {
  readonly quick: boolean;
  readonly outDir: string;
  readonly groups: readonly Group[];
  /** Keep the temp folder (databases, CSV, peer build) for inspection. */
  readonly keep: boolean;
  /** Overrides the backlog size (join requests and messages) of the mode. */
  readonly rows: number | null;
}

export const USAGE = `usage: npm run bench -- [--quick] [--out-dir DIR] [--only ${GROUPS.join(',')}] [--keep]
  --quick    small sizes, one repetition (CI's smoke run); writes to bench/tmp/quick unless --out-dir
  --out-dir  where results.json and results.md go (default: bench/)
  --only     run some groups of figures (the ingest group makes the database the others use)
  --keep     keep the temp folder with the databases and the peer pages
  --rows N   another backlog size (join requests and messages) for a look at how a figure scales
`;

export function parseBenchArgs(argv: readonly string[], root: string): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      'out-dir': { type: 'string' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      rows: { type: 'string' },
    },
    strict: true,
  });
  const groups = values.only ? values.only.split(',').map((g) => g.trim()) : [...GROUPS];
  for (const group of groups) if (!(GROUPS as readonly string[]).includes(group)) throw new Error(`unknown group "${group}"\n${USAGE}`);
  const quick = values.quick ?? false;
  const rows = values.rows === undefined ? null : Number(values.rows);
  if (rows !== null && !(Number.isInteger(rows) && rows >= 1000)) throw new Error(`--rows must be a whole number ≥ 1000\n${USAGE}`);
  return {
    quick,
    outDir: resolve(root, values['out-dir'] ?? (quick ? 'bench/tmp/quick' : 'bench')),
    groups: groups as Group[],
    keep: values.keep ?? false,
    rows,
  };
}
