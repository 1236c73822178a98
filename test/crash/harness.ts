import { parseCrashArgs, USAGE, type CrashTestOptions } from './args';
import { runIteration, type IterationResult } from './iteration';
import { hitWindow } from './observe';
import { killAll, startSandboxProcess } from './processes';

/**
 * `npm run crash-test -- --iterations N [--seed S]` (built to out/main/crash-test.js).
 * One Sandbox for the run, reset for each iteration; one fresh data folder per
 * iteration. Prints a line per iteration, a summary, and a final line
 * `crash-test: N iterations, seed S, V violations`; exits 1 on any violation.
 */
const line = (text: string) => process.stdout.write(`${text}\n`);

function describe(result: IterationResult): string {
  const kills = result.kills.map((k) => `${k.mode}${hitWindow(k) ? '*' : ''}`).join('+');
  const base = `#${result.index} kills=${kills} decisions=${result.decisions} announced=${result.announcementTargets} posts=${result.announcementPosts} follow-ups=${result.followUps} cancels=${result.cancels} rule-decided=${result.ruleDecided} flags=${result.alertFlags} lost=${result.lostAnswers} applied=${result.pushesApplied} replays=${result.replays} queued=${result.stillQueued}`;
  return result.violations.length === 0 ? `ok   ${base}` : `FAIL ${base}\n${result.violations.map((v) => `     - ${v}`).join('\n')}\n     data: ${result.dataDir}`;
}

async function run(options: CrashTestOptions): Promise<number> {
  const started = Date.now();
  line(`crash-test: seed ${options.seed}, ${options.iterations} iterations, Sandbox volume ${options.volume}`);
  const sandbox = await startSandboxProcess(['--seed', String(options.seed), '--volume', String(options.volume), '--reports', '30', '--no-trickle']);
  const results: IterationResult[] = [];
  try {
    for (let index = 1; index <= options.iterations; index++) {
      const result = await runIteration({ seed: options.seed, index, sandbox, keepData: options.keepData });
      results.push(result);
      if (!options.quiet || result.violations.length > 0) line(describe(result));
    }
  } finally {
    await sandbox.stop();
  }
  const violations = results.reduce((total, r) => total + r.violations.length, 0);
  const sum = (pick: (r: IterationResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const kills = sum((r) => r.kills.length);
  const byMode = new Map<string, { kills: number; hits: number }>();
  for (const kill of results.flatMap((r) => r.kills)) {
    const entry = byMode.get(kill.mode) ?? { kills: 0, hits: 0 };
    byMode.set(kill.mode, { kills: entry.kills + 1, hits: entry.hits + (hitWindow(kill) ? 1 : 0) });
  }
  line('');
  line(`kills: ${kills}; in the window aimed at (*): ${[...byMode].map(([mode, n]) => `${mode} ${n.hits}/${n.kills}`).join(', ')}`);
  line(`pushes on the wire at a kill: ${sum((r) => r.kills.reduce((t, k) => t + k.inFlight, 0))}, applied by the Sandbox but not yet recorded by the app: ${sum((r) => r.kills.reduce((t, k) => t + k.appliedUnanswered, 0))}`);
  line(`acknowledged decisions: ${sum((r) => r.decisions)}, announcement targets: ${sum((r) => r.announcementTargets)}, answers lost to a kill: ${sum((r) => r.lostAnswers)} (decisions cut: ${sum((r) => r.kills.reduce((t, k) => t + k.decisionsCut, 0))}, of which committed before the kill: ${sum((r) => r.kills.reduce((t, k) => t + k.committedUnanswered, 0))})`);
  line(`pushes that took effect: ${sum((r) => r.pushesApplied)}, idempotent replays: ${sum((r) => r.replays)}, still queued: ${sum((r) => r.stillQueued)}`);
  line(`announcements: ${sum((r) => r.announcementPosts)} posts on the Sandbox matched to their deliveries, ${sum((r) => r.followUps)} edits and deletes acknowledged, ${sum((r) => r.cancels)} cancels`);
  line(`rules: ${sum((r) => r.ruleDecided)} join requests decided by rules, each once; ${sum((r) => r.alertFlags)} alert-rule flags, one per marked message`);
  const refusals = new Map<string, number>();
  for (const [code, n] of results.flatMap((r) => [...r.refusals])) refusals.set(code, (refusals.get(code) ?? 0) + n);
  line(`calls refused by the app: ${[...refusals].map(([code, n]) => `${code} ${n}`).join(', ') || 'none'}`);
  line(`failed iterations: ${results.filter((r) => r.violations.length > 0).length}, time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  line(`crash-test: ${results.length} iterations, seed ${options.seed}, ${violations} violations`);
  return violations === 0 ? 0 : 1;
}

let options: CrashTestOptions | 'help';
try {
  options = parseCrashArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
  process.exit(2);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
if (options === 'help') {
  line(USAGE);
} else {
  run(options).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`crash-test failed to run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
