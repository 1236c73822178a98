import type { AlertRule } from '@shared/flags/alert-rule-schema';
import { textMatcher } from '@shared/flags/alert-match';
import type { Tx } from '../../store/database';
import { sql } from '../../store/sql';
import { insertRuleReports, type RuleHit } from './rule-reports';

const MINUTE_MS = 60_000;

interface Arrived {
  id: string;
  external_id: string;
  author_name: string;
  body: string;
}

/**
 * Runs the enabled alert rules over messages that just arrived (new, or edited) on one
 * connection, inside the ingest's transaction: text rules in memory (regexes bounded),
 * "repeated text across groups" as one set-based query over the text fingerprints.
 * Each hit becomes a rule report on the message's flag, once per rule version.
 * Returns how many reports it raised.
 */
export async function applyAlertRules(tx: Tx, connectionId: string, rules: readonly AlertRule[], arriving: readonly string[], now: number): Promise<number> {
  if (rules.length === 0 || arriving.length === 0) return 0;
  const batch = JSON.stringify(arriving);
  const messages = await tx.all<Arrived>(sql`SELECT m.id, m.external_id, m.author_name, m.body FROM json_each(${batch}) e
    CROSS JOIN messages m ON m.connection_id = ${connectionId} AND m.external_id = e.value`);
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    const name = rule.definition.name;
    const hit = (message: Arrived, what: string): RuleHit => ({
      messageId: message.id,
      messageExternalId: message.external_id,
      authorName: message.author_name,
      ruleId: rule.id,
      ruleVersion: rule.version,
      reason: `Alert rule “${name}”: ${what}`,
    });
    const { match } = rule.definition;
    if (match.kind === 'repeated-text') {
      const repeated = await tx.all<Arrived & { n: number }>(sql`SELECT m.id, m.external_id, m.author_name, m.body, count(DISTINCT o.community_id) AS n
        FROM json_each(${batch}) e CROSS JOIN messages m ON m.connection_id = ${connectionId} AND m.external_id = e.value
        JOIN messages o ON o.text_key = m.text_key AND o.sent_at BETWEEN m.sent_at - ${match.withinMinutes * MINUTE_MS} AND m.sent_at + ${match.withinMinutes * MINUTE_MS}
        WHERE m.text_key IS NOT NULL GROUP BY m.id HAVING count(DISTINCT o.community_id) >= ${match.communities}`);
      hits.push(...repeated.map((message) => hit(message, `the same text in ${message.n} communities within ${match.withinMinutes} min`)));
      continue;
    }
    const matcher = textMatcher(match);
    if (!matcher) continue;
    for (const message of messages) {
      const what = matcher(message.body);
      if (what) hits.push(hit(message, what));
    }
  }
  const raised = await insertRuleReports(tx, connectionId, hits, now);
  if (raised > 0) {
    const ruleIds = JSON.stringify([...new Set(hits.map((h) => h.ruleId))]);
    await tx.run(sql`UPDATE rules SET hits = (SELECT count(*) FROM reports r WHERE r.rule_id = rules.id), last_hit_at = ${now}
      WHERE id IN (SELECT value FROM json_each(${ruleIds}))`);
    tx.touch('rules');
  }
  return raised;
}
