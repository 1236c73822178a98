import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from '@services/store/sql';
import { connectClient, LOST, type ContractClient } from './client';
import { integrityProblems, rows } from './db';
import { checkInvariants } from './invariants';
import { observeKill, type KillObservation } from './observe';
import { Ledger } from './ledger';
import { startApp, type AppProcess, type SandboxProcess } from './processes';
import { Random } from './rng';
import { faultsFor, KILL_MODES, runEpoch } from './workload';

export interface IterationOptions {
  readonly seed: number;
  readonly index: number;
  readonly sandbox: SandboxProcess;
  readonly keepData: boolean;
}

export interface IterationResult {
  readonly index: number;
  readonly kills: readonly KillObservation[];
  readonly decisions: number;
  readonly announcementTargets: number;
  readonly lostAnswers: number;
  readonly pushesApplied: number;
  readonly replays: number;
  readonly stillQueued: number;
  readonly announcementPosts: number;
  readonly followUps: number;
  readonly cancels: number;
  readonly ruleDecided: number;
  readonly alertFlags: number;
  /** Calls the app refused, by error code and the first clause of the message (a cancel after everything left...). */
  readonly refusals: ReadonlyMap<string, number>;
  readonly violations: readonly string[];
  readonly dataDir: string | null;
}

/** Decisions wait this long for undo before they are pushed: short, so a run drains fast, but undo still has a window. */
const GRACE_SECONDS = 1;
const DRAIN_TIMEOUT_MS = 60_000;
const SYNC_TIMEOUT_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settings for a fresh data folder: no first-run embedded Sandbox, a short undo window, no interval pulls in the way. */
function prepareDataDir(index: number): string {
  const dataDir = mkdtempSync(join(tmpdir(), `modboard-crash-${index}-`));
  const settings = { deviceId: `crash-harness-${index}`, preferences: { undoGraceSeconds: GRACE_SECONDS, syncIntervalMinutes: 60 }, sandboxProvisioned: true };
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify(settings));
  return dataDir;
}

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

async function syncIdle(client: ContractClient): Promise<boolean> {
  const overview = await client.call('sync.overview', {});
  if (overview === LOST || !overview.ok) throw new Error(`sync.overview failed: ${JSON.stringify(overview)}`);
  return !overview.value.running;
}

/** One data folder's life: connect, work, SIGKILL one or more times, restart, drain, sync, check. */
export async function runIteration(options: IterationOptions): Promise<IterationResult> {
  const rng = new Random(options.seed, options.index);
  const { sandbox } = options;
  const dataDir = prepareDataDir(options.index);
  const dbFile = join(dataDir, 'modboard.sqlite');
  const ledger = new Ledger();
  const violations: string[] = [];
  const kills: KillObservation[] = [];
  let app: AppProcess | null = null;
  let client: ContractClient | null = null;
  try {
    await sandbox.post('/_sandbox/reset');
    await sandbox.post('/_sandbox/faults', faultsFor('none', rng));
    app = await startApp(dataDir);
    client = await connectClient(app.origin, app.token);
    const added = await client.call('connections.addSandbox', { name: 'Crash target', url: sandbox.url, token: sandbox.token });
    if (added === LOST || !added.ok) throw new Error(`could not add the Sandbox connection: ${JSON.stringify(added)}`);
    const connectionId = added.value.id;
    await until('the first pull', SYNC_TIMEOUT_MS, async () => (await rows<{ n: number }>(dbFile, sql`SELECT count(*) AS n FROM join_requests`))[0]?.n !== 0 && (await syncIdle(client as ContractClient)));

    const killCount = rng.chance(0.35) ? 2 : 1;
    // Rules are switched on mid-run, at the start of one of the epochs, so they act while a kill lands.
    const joinRuleAt = rng.chance(0.5) ? rng.int(0, killCount - 1) : -1;
    const alertRuleAt = rng.chance(0.4) ? rng.int(0, killCount - 1) : -1;
    for (let k = 0; k < killCount; k++) {
      const mode = rng.pick(KILL_MODES);
      const running: AppProcess = app;
      const cutBefore = ledger.lostDecisions;
      const plan = { enableJoinRule: k === joinRuleAt, enableAlertRule: k === alertRuleAt };
      await runEpoch({ client, sandbox, dbFile, rng, ledger, graceMs: GRACE_SECONDS * 1_000, kill: () => running.kill() }, mode, plan);
      client.close();
      for (const problem of await integrityProblems(dbFile)) violations.push(`after the kill ${mode}: ${problem}`);
      kills.push(await observeKill(mode, dbFile, sandbox, ledger, ledger.lostDecisions - cutBefore));
      app = await startApp(dataDir);
      client = await connectClient(app.origin, app.token);
    }

    await sandbox.post('/_sandbox/faults', faultsFor('none', rng));
    const live = client;
    // The full sync first, so what rules decide on its arrivals is drained too.
    await until('sync to go idle', SYNC_TIMEOUT_MS, () => syncIdle(live));
    const started = await live.call('sync.runNow', {});
    if (started === LOST || !started.ok) throw new Error(`sync.runNow failed: ${JSON.stringify(started)}`);
    await until('the final full sync', SYNC_TIMEOUT_MS, () => syncIdle(live));
    await until('the rules and the outbox to drain', DRAIN_TIMEOUT_MS, async () => {
      const [left] = await rows<{ n: number }>(
        dbFile,
        sql`SELECT (SELECT count(*) FROM outbox WHERE state IN ('queued', 'in-flight')) + (SELECT count(*) FROM rule_inbox) AS n`,
      );
      return left?.n === 0;
    }).catch((error: unknown) => violations.push(String(error instanceof Error ? error.message : error)));
    live.close();
    await app.stop();
    app = null;

    for (const problem of await integrityProblems(dbFile)) violations.push(`at the end: ${problem}`);
    const report = await checkInvariants(dbFile, sandbox, connectionId, ledger);
    violations.push(...report.violations);
    return {
      index: options.index,
      kills,
      decisions: ledger.decisions.length,
      announcementTargets: ledger.sends.reduce((sum, send) => sum + send.targets, 0),
      lostAnswers: ledger.lost,
      pushesApplied: report.pushesApplied,
      replays: report.replays,
      stillQueued: report.stillQueued,
      announcementPosts: report.announcementPosts,
      followUps: ledger.followUps.reduce((sum, f) => sum + f.queued, 0),
      cancels: ledger.cancels.length,
      ruleDecided: report.ruleDecided,
      alertFlags: report.alertFlags,
      refusals: ledger.refusals,
      violations,
      dataDir: violations.length > 0 || options.keepData ? dataDir : null,
    };
  } catch (error) {
    violations.push(`the run itself failed: ${error instanceof Error ? error.message : String(error)}`);
    const failed = { pushesApplied: 0, replays: 0, stillQueued: 0, announcementTargets: 0, announcementPosts: 0, followUps: 0, cancels: 0, ruleDecided: 0, alertFlags: 0 };
    return { index: options.index, kills, decisions: ledger.decisions.length, lostAnswers: ledger.lost, refusals: ledger.refusals, ...failed, violations, dataDir };
  } finally {
    client?.close();
    await app?.kill();
    if (violations.length === 0 && !options.keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}
