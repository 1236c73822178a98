import { parseArgs } from 'node:util';

export interface CrashTestOptions {
  readonly iterations: number;
  readonly seed: number;
  readonly volume: number;
  readonly keepData: boolean;
  readonly quiet: boolean;
}

export const USAGE = `Usage: npm run crash-test -- [--iterations N] [--seed S] [--volume V] [--keep-data] [--quiet]

Starts browser mode (out/main/serve.js) against a standalone Sandbox (out/main/sandbox.js),
runs a random workload through the contract, SIGKILLs it at chosen moments (mid-transaction,
mid-pull, mid-push, mid-acknowledgement), restarts it and checks the invariants.

  --iterations N   data folders to run (default 20)
  --seed S         makes the plan repeatable (default: random, printed)
  --volume V       Sandbox join-request backlog per iteration (default 1000)
  --keep-data      keep every data folder (those with violations are always kept)
  --quiet          print only failures and the summary`;

export function parseCrashArgs(argv: readonly string[]): CrashTestOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      iterations: { type: 'string' },
      seed: { type: 'string' },
      volume: { type: 'string' },
      'keep-data': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const whole = (name: string, raw: string | undefined, fallback: number, max: number) => {
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) > max) throw new Error(`--${name} must be a whole number up to ${max} (got "${raw}")`);
    return Number(raw);
  };
  return {
    iterations: whole('iterations', values.iterations, 20, 1_000_000),
    seed: whole('seed', values.seed, Math.floor(Math.random() * 2 ** 31), 2 ** 32 - 1),
    volume: whole('volume', values.volume, 1_000, 1_000_000),
    keepData: values['keep-data'] === true,
    quiet: values.quiet === true,
  };
}
