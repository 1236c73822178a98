import { createHash } from 'node:crypto';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import { canonicalJson, type JsonValue } from '@shared/flags/canonical-json';
import { BACKTEST_FRESH_HOURS, backtestRequiredMessage } from '@shared/rules/backtest-gate';
import type { RuleDefinition } from '@shared/rules/schema';
import { AppFailure } from '@shared/result';
import type { ActingAs } from '../store/repositories/audit';
import { appendAudit } from '../store/repositories/audit';
import type { Tx } from '../store/database';
import { sql } from '../store/sql';

/**
 * "Backtest before enabling", enforced by main and not only by the UI. Each backtest main
 * runs leaves an audit entry naming the hash of what it tested; enabling a rule looks for
 * one of its current definition from the last BACKTEST_FRESH_HOURS. The audit log is
 * append-only (triggers refuse updates and deletes) and indexed by subject, so the record
 * needs no table of its own, cannot be edited after the fact, and says who tested what.
 */
export type RuleKind = 'join' | 'alert';

export const BACKTEST_FRESH_MS = BACKTEST_FRESH_HOURS * 60 * 60 * 1000;

const SUBJECT: Readonly<Record<RuleKind, string>> = { join: 'join-rule-definition', alert: 'alert-rule-definition' };
const ACTION: Readonly<Record<RuleKind, string>> = { join: 'rule.backtest', alert: 'alert-rule.backtest' };

const sha256 = (value: JsonValue) => createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');

/**
 * What decides a join rule's verdicts and what it then does: conditions and action (the
 * backtest's disagreements with people depend on the action). The name is left out.
 */
export const joinRuleHash = (definition: RuleDefinition): string => sha256({ conditions: definition.conditions, action: definition.action });

/** An alert rule's one test; the name is left out, so renaming an enabled rule keeps it on. */
export const alertRuleHash = (definition: AlertRuleDefinition): string => sha256(definition.match);

export interface BacktestRecord {
  readonly kind: RuleKind;
  readonly hash: string;
  readonly name: string;
  readonly scanned: number;
  readonly matched: number;
  /** The saved rule and version that were run, when it was one (join rules). */
  readonly ruleId?: string;
  readonly version?: number;
}

/** Written only after a backtest finished: a failed or abandoned run enables nothing. */
export async function recordBacktest(tx: Tx, record: BacktestRecord, by: ActingAs, now: number): Promise<void> {
  const { kind, hash, name, scanned, matched, ruleId, version } = record;
  await appendAudit(tx, {
    ...by,
    action: ACTION[kind],
    subjectType: SUBJECT[kind],
    subjectId: hash,
    after: { scanned, matched, ...(ruleId ? { ruleId, version } : {}) },
    summary: `Backtested ${kind === 'join' ? 'rule' : 'alert rule'} “${name}” over ${scanned.toLocaleString('en-US')} stored ${kind === 'join' ? 'requests' : 'messages'}: ${matched.toLocaleString('en-US')} matched`,
    at: now,
  });
}

/**
 * Refuses (nothing written yet by the caller) unless this exact definition was backtested
 * within BACKTEST_FRESH_MS of `now`. Read inside the caller's write transaction, so the
 * check and the enabling see the same log.
 */
export async function requireFreshBacktest(tx: Tx, kind: RuleKind, hash: string, now: number): Promise<void> {
  const row = await tx.get<{ last: number | null }>(
    sql`SELECT max(at) AS last FROM audit_log WHERE subject_type = ${SUBJECT[kind]} AND subject_id = ${hash} AND action = ${ACTION[kind]}`,
  );
  const last = row?.last ?? null;
  if (last === null) throw new AppFailure('conflict', backtestRequiredMessage('never'));
  if (now - last > BACKTEST_FRESH_MS) throw new AppFailure('conflict', backtestRequiredMessage('stale'));
}
