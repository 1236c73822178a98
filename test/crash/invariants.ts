import { sql } from '@services/store/sql';
import { rows } from './db';
import type { Ledger } from './ledger';
import type { SandboxProcess } from './processes';
import { checkAnnouncements, type SandboxPost } from './announcement-invariants';
import { checkRules } from './rule-invariants';
import { EFFECTFUL, intentOf, type SandboxAction } from './sandbox-log';

interface OutboxRow {
  readonly id: string;
  readonly idempotency_key: string;
  readonly state: string;
  readonly last_error: string | null;
  readonly request: string | null;
}

export interface InvariantReport {
  readonly violations: string[];
  /** Decisions still queued after the drain: allowed, but worth a look when many. */
  readonly stillQueued: number;
  readonly pushesApplied: number;
  readonly replays: number;
  /** Posts on the Sandbox, each checked against its delivery. */
  readonly announcementPosts: number;
  /** Join requests decided by rules, each checked to be decided once. */
  readonly ruleDecided: number;
  /** Flags raised by the alert rule on the harness's messages. */
  readonly alertFlags: number;
}

/**
 * Every decision the app acknowledged is durable, and every decision stored (answered
 * or cut off by the kill) is whole: its rows, audit entries and pushes all committed together.
 */
async function checkDecisions(file: string, ledger: Ledger, violations: string[]): Promise<void> {
  const stored = await rows<{ id: string; count: number; decision: string; undone_at: number | null }>(file, sql`SELECT id, count, decision, undone_at FROM moderation_actions`);
  const actions = new Map(stored.map((a) => [a.id, a]));
  const countBy = async (query: ReturnType<typeof sql>) => new Map((await rows<{ action: string; n: number }>(file, query)).map((r) => [r.action, r.n]));
  const audited = await countBy(sql`SELECT substr(id, 1, instr(id, '.') - 1) AS action, count(*) AS n FROM audit_log WHERE id LIKE '%.%' AND id NOT LIKE '%.undo.%' GROUP BY 1`);
  const pushed = await countBy(sql`SELECT substr(id, 1, instr(id, '.') - 1) AS action, count(*) AS n FROM outbox GROUP BY 1`);
  for (const action of stored) {
    if ((audited.get(action.id) ?? 0) !== action.count) violations.push(`decision ${action.id}: ${audited.get(action.id) ?? 0} audit entries for ${action.count} rows`);
    const expectedPushes = action.decision === 'snooze' ? 0 : action.count;
    if ((pushed.get(action.id) ?? 0) !== expectedPushes) violations.push(`decision ${action.id}: ${pushed.get(action.id) ?? 0} outbox rows for ${expectedPushes} pushes`);
  }
  for (const decision of ledger.decisions) {
    const action = actions.get(decision.actionId);
    if (!action) violations.push(`acknowledged decision ${decision.actionId} (${decision.count} rows) is missing after the crash`);
    else if (action.count !== decision.count) violations.push(`decision ${decision.actionId} was acknowledged for ${decision.count} rows but stored for ${action.count}`);
  }
  for (const actionId of ledger.undone)
    if (actions.get(actionId)?.undone_at == null) violations.push(`acknowledged undo of ${actionId} is missing after the crash`);
}

/**
 * After the drain: each outbox row reached the Sandbox exactly once (done), never
 * (discarded by undo), or is still queued; the Sandbox knows no push the app does not;
 * no join request was decided twice, and no community got the same announcement twice,
 * under different keys.
 */
async function checkExactlyOnce(file: string, actions: readonly SandboxAction[], violations: string[]) {
  const outbox = await rows<OutboxRow>(file, sql`SELECT id, idempotency_key, state, last_error, json_extract(payload, '$.requestExternalId') AS request FROM outbox`);
  const effects = new Map<string, number>();
  const perRequest = new Map<string, number>();
  for (const action of actions) {
    if (!EFFECTFUL.has(action.effect)) continue;
    effects.set(action.idempotencyKey, (effects.get(action.idempotencyKey) ?? 0) + 1);
    perRequest.set(intentOf(action), (perRequest.get(intentOf(action)) ?? 0) + 1);
  }
  const known = new Set(outbox.map((row) => row.idempotency_key));
  let stillQueued = 0;
  for (const row of outbox) {
    const times = effects.get(row.idempotency_key) ?? 0;
    switch (row.state) {
      case 'done':
        if (times !== 1) violations.push(`push ${row.id} (${row.request}) is done but took effect ${times} times on the Sandbox`);
        break;
      case 'discarded':
        if (times !== 0) violations.push(`push ${row.id} (${row.request}) was undone but took effect ${times} times on the Sandbox`);
        break;
      case 'queued':
        stillQueued++;
        if (times > 0) violations.push(`push ${row.id} (${row.request}) is queued again although it took effect ${times} times`);
        break;
      default:
        violations.push(`push ${row.id} (${row.request}) ended ${row.state} after the drain: ${row.last_error ?? 'no reason'}`);
    }
  }
  for (const action of actions)
    if (!known.has(action.idempotencyKey)) violations.push(`the Sandbox received ${action.path} with key ${action.idempotencyKey}, which no outbox row holds`);
  for (const [path, times] of perRequest) if (times > 1) violations.push(`${path} took effect ${times} times`);
  const applied = actions.filter((a) => EFFECTFUL.has(a.effect)).length;
  return { stillQueued, pushesApplied: applied, replays: actions.filter((a) => a.effect === 'duplicate').length };
}

/** After a final full sync, every item the Sandbox has is stored once: cursors never skipped one. */
async function checkCursors(file: string, sandbox: SandboxProcess, connectionId: string, violations: string[]): Promise<void> {
  const state = await sandbox.get<{ world: { joinRequests: { total: number } } }>('/_sandbox/state');
  const total = state.world.joinRequests.total;
  const local = await rows<{ external_id: string }>(file, sql`SELECT external_id FROM join_requests WHERE connection_id = ${connectionId}`);
  const ids = new Set(local.map((r) => r.external_id));
  if (ids.size !== local.length) violations.push(`${local.length - ids.size} join requests are stored twice`);
  const missing: string[] = [];
  for (let index = 0; index < total; index++) if (!ids.has(`jr_${index}`)) missing.push(`jr_${index}`);
  if (missing.length > 0) violations.push(`${missing.length} of ${total} Sandbox join requests never arrived (first: ${missing.slice(0, 5).join(', ')})`);
}

export async function checkInvariants(file: string, sandbox: SandboxProcess, connectionId: string, ledger: Ledger): Promise<InvariantReport> {
  const violations: string[] = [];
  const { actions } = await sandbox.get<{ actions: SandboxAction[] }>('/_sandbox/actions');
  const { announcements } = await sandbox.get<{ announcements: SandboxPost[] }>('/_sandbox/announcements');
  await checkDecisions(file, ledger, violations);
  const pushes = await checkExactlyOnce(file, actions, violations);
  await checkAnnouncements(file, ledger, actions, announcements, violations);
  const rules = await checkRules(file, ledger, violations);
  await checkCursors(file, sandbox, connectionId, violations);
  return { violations, ...pushes, ...rules, announcementPosts: announcements.length };
}
