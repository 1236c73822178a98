import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * A short run of the crash harness (`npm run crash-test`) so every CI run kills the app
 * mid-work twenty times (the figure) — mid-decision, mid-pull, mid-push,
 * mid-acknowledgement, mid-announcement, with rules acting on arrivals — and checks
 * nothing was lost, doubled or corrupted. The long runs use the same entry:
 * `npm run crash-test -- --iterations 300`. CRASH_ITERATIONS and CRASH_SEED change this
 * run's length and plan.
 * An iteration takes 3.6–4.5 s on 2 cores: 20 took 72 s, 40 took 164–179 s with the machine loaded.
 */
const HARNESS = join(resolve(import.meta.dirname, '../..'), 'out/main/crash-test.js');
const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 20);
const SEED = process.env.CRASH_SEED ?? String(Math.floor(Math.random() * 2 ** 31));

test(`crash harness: ${ITERATIONS} iterations of SIGKILL mid-work, then every invariant holds`, async () => {
  test.setTimeout(60_000 + ITERATIONS * 20_000);
  const child = spawn(process.execPath, [HARNESS, '--iterations', String(ITERATIONS), '--seed', SEED], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  const last = output.trim().split('\n').at(-1) ?? '';
  expect(last, output).toBe(`crash-test: ${ITERATIONS} iterations, seed ${SEED}, 0 violations`);
  expect(code, output).toBe(0);
});
