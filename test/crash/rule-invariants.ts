import { sql } from '@services/store/sql';
import { rows } from './db';
import type { Ledger } from './ledger';
import { ALERT_WORD } from './rules';

/**
 * Join-request rules after the drain: an acknowledged enabling survived; every arrival
 * was judged (the inbox is empty); no request was judged twice; each rule decision is
 * whole (a `rule.hit` entry per row it decided, committed with it); and a request a
 * rule decided has no other live push: never decided by both a rule and the moderator.
 * The pushes themselves are held to exactly once with every other push.
 */
async function checkJoinRules(file: string, ledger: Ledger, violations: string[]): Promise<number> {
  const stored = new Map((await rows<{ id: string; version: number; mode: string }>(file, sql`SELECT id, version, mode FROM rules`)).map((r) => [r.id, r]));
  for (const rule of ledger.rules) {
    const now = stored.get(rule.id);
    if (!now || now.version !== rule.version || now.mode !== 'auto') violations.push(`${rule.kind} rule ${rule.id} v${rule.version} was acknowledged enabled but is ${now ? `v${now.version} ${now.mode}` : 'missing'}`);
  }
  const [inbox] = await rows<{ n: number }>(file, sql`SELECT count(*) AS n FROM rule_inbox`);
  if ((inbox?.n ?? 0) > 0) violations.push(`${inbox?.n} arrivals were never judged by the rules (rule_inbox)`);
  const twice = await rows<{ subject_id: string; n: number }>(file, sql`SELECT subject_id, count(*) AS n FROM audit_log WHERE action = 'rule.hit'
    GROUP BY subject_id HAVING count(*) > 1 LIMIT 5`);
  for (const t of twice) violations.push(`join request ${t.subject_id} was judged by rules ${t.n} times`);
  const actions = await rows<{ id: string; count: number; hits: number }>(file, sql`SELECT a.id, a.count,
      (SELECT count(*) FROM audit_log h WHERE h.action = 'rule.hit' AND h.after ->> 'decisionAction' = a.id) AS hits
    FROM moderation_actions a WHERE a.actor LIKE 'rule:%'`);
  for (const a of actions) if (a.hits !== a.count) violations.push(`rule decision ${a.id} decided ${a.count} rows with ${a.hits} rule.hit entries`);
  const both = await rows<{ subject_id: string; actors: string }>(file, sql`SELECT subject_id, group_concat(actor || ' ' || state, ', ') AS actors FROM outbox
    WHERE kind = 'join.decide' AND state <> 'discarded' GROUP BY subject_id
    HAVING count(*) > 1 AND sum(actor LIKE 'rule:%') > 0 LIMIT 5`);
  for (const b of both) violations.push(`join request ${b.subject_id} was decided by a rule and again: ${b.actors}`);
  return actions.reduce((sum, a) => sum + a.count, 0);
}

/**
 * Alert rules: every message posted with the keyword after the rule's enabling was
 * acknowledged is one flag with one report from the rule, across kills; no message
 * without the keyword is flagged by it.
 */
async function checkAlertRules(file: string, ledger: Ledger, violations: string[]): Promise<number> {
  if (ledger.marked.length === 0) return 0;
  const found = await rows<{ external_id: string; body: string; flags: number; reports: number; rule_id: string | null }>(
    file,
    sql`SELECT m.external_id, m.body, (SELECT count(*) FROM flags f WHERE f.message_id = m.id) AS flags,
        (SELECT count(*) FROM reports r WHERE r.message_id = m.id AND r.rule_id IS NOT NULL) AS reports,
        (SELECT min(r.rule_id) FROM reports r WHERE r.message_id = m.id) AS rule_id
      FROM messages m WHERE m.body LIKE ${`%${ALERT_WORD}%`} OR m.id IN (SELECT message_id FROM reports WHERE rule_id IS NOT NULL)`,
  );
  const byId = new Map(found.map((m) => [m.external_id, m]));
  let flagged = 0;
  for (const marked of ledger.marked) {
    const message = byId.get(marked.externalId);
    if (!message) violations.push(`marked message ${marked.externalId} never arrived`);
    else if (message.flags !== 1 || message.reports !== 1 || message.rule_id !== marked.ruleId)
      violations.push(`marked message ${marked.externalId}: ${message.flags} flags, ${message.reports} rule reports (rule ${message.rule_id}), expected one of each from ${marked.ruleId}`);
    else flagged++;
  }
  for (const m of found) if (!m.body.includes(ALERT_WORD)) violations.push(`message ${m.external_id} without the keyword was flagged by a rule: ${JSON.stringify(m.body.slice(0, 80))}`);
  return flagged;
}

export async function checkRules(file: string, ledger: Ledger, violations: string[]): Promise<{ ruleDecided: number; alertFlags: number }> {
  return { ruleDecided: await checkJoinRules(file, ledger, violations), alertFlags: await checkAlertRules(file, ledger, violations) };
}
