import { compileRule, evaluateRule } from '@shared/rules/evaluate';
import type { RuleSummary } from '@shared/rules/model';
import type { Tx } from '../store/database';
import { sql } from '../store/sql';
import { applyRuleHits, type HitContext } from './rule-hits';
import { factsOfRow, loadRuleScope, ruleRowColumns, type RuleRow } from './rule-rows';
import { enabledRules } from './rules-repository';

/** Arrivals judged per transaction: keeps each write short while a big pull lands. */
export const ARRIVALS_BATCH = 500;

export interface ArrivalsOutcome {
  /** Inbox entries taken (judged, or dropped because a person or the platform got there first). */
  readonly taken: number;
  /** Some decision was queued for the platform: the outbox drainer should wake. */
  readonly queued: boolean;
}

/**
 * Judges the oldest arrivals in the inbox, inside one write transaction: the enabled
 * rules are read here (a pause is seen at once), a request acts only while it is
 * still pending and untouched by any action, and the inbox entries go in the same
 * commit as the rules' actions, so a request is never judged twice. Rules are tried
 * in list order; the first that matches acts.
 */
export async function judgeArrivals(tx: Tx, context: HitContext): Promise<ArrivalsOutcome> {
  const inbox = await tx.all<{ seq: number }>(sql`SELECT seq FROM rule_inbox ORDER BY seq LIMIT ${ARRIVALS_BATCH}`);
  if (inbox.length === 0) return { taken: 0, queued: false };
  const seqs = JSON.stringify(inbox.map((entry) => entry.seq));
  let queued = false;
  const rules = await enabledRules(tx);
  if (rules.length > 0) {
    const rows = await tx.all<RuleRow>(sql`SELECT ${ruleRowColumns(true)} FROM json_each(${seqs}) i CROSS JOIN join_requests j ON j.seq = i.value
      WHERE j.status = 'pending' AND j.last_action_id IS NULL AND j.decided_by IS NULL ORDER BY j.seq`);
    for (const [rule, ids] of await matchFirst(tx, rules, rows)) queued = (await applyRuleHits(tx, rule, ids, context)) || queued;
  }
  await tx.run(sql`DELETE FROM rule_inbox WHERE seq IN (SELECT value FROM json_each(${seqs}))`);
  return { taken: inbox.length, queued };
}

async function matchFirst(tx: Tx, rules: readonly RuleSummary[], rows: readonly RuleRow[]): Promise<Map<RuleSummary, string[]>> {
  const hits = new Map<RuleSummary, string[]>();
  if (rows.length === 0) return hits;
  const scope = await loadRuleScope(tx);
  const compiled = rules.map((rule) => ({ rule, check: compileRule(rule.definition) }));
  for (const row of rows) {
    const facts = factsOfRow(row, scope);
    const first = compiled.find(({ check }) => evaluateRule(check, facts, 1).matched);
    if (first) hits.set(first.rule, [...(hits.get(first.rule) ?? []), row.id]);
  }
  return hits;
}
