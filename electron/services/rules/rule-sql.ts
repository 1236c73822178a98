import { assertNever } from '@shared/assert-never';
import { signalBit } from '@shared/domain/join-request';
import type { RuleCondition, RuleDefinition } from '@shared/rules/schema';
import { joinSql, sql, trusted, type SqlQuery } from '../store/sql';
import type { RuleScope } from './rule-rows';

const DAY_MS = 86_400_000;

/**
 * A condition as an SQL truth value over `join_requests j`, exactly as `evaluateRule`
 * judges it (the integration test holds them together); null for conditions on the
 * answers' words and patterns, which only JavaScript evaluates (SQLite has no safe
 * regex, and keyword matching ignores accents the way `normalizeText` does).
 */
export function conditionSql(condition: RuleCondition, scope: RuleScope): SqlQuery | null {
  const base = baseSql(condition, scope);
  return base && condition.not ? sql`NOT (${base})` : base;
}

function baseSql(condition: RuleCondition, scope: RuleScope): SqlQuery | null {
  switch (condition.kind) {
    case 'answer-keywords':
    case 'answer-regex':
      return null;
    case 'answers-empty':
      return sql`j.answers_text = ''`;
    case 'account-age': {
      const parts = [sql`j.account_created_at > 0`];
      if (condition.youngerThanDays !== undefined) parts.push(sql`j.requested_at - j.account_created_at < ${condition.youngerThanDays * DAY_MS}`);
      if (condition.atLeastDays !== undefined) parts.push(sql`j.requested_at - j.account_created_at >= ${condition.atLeastDays * DAY_MS}`);
      return sql`(${joinSql(parts, ' AND ')})`;
    }
    case 'signal':
      return sql`(j.signals & ${signalBit(condition.signal)}) <> 0`;
    case 'community': {
      const ids = condition.includeSubgroups ? [...new Set(condition.communityIds.flatMap((id) => scope.subtree(id)))] : condition.communityIds;
      return sql`j.community_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
    }
    case 'platform':
      return sql`j.connection_id IN (SELECT value FROM json_each(${JSON.stringify(scope.connectionsOf(condition.platforms))}))`;
    default:
      return assertNever(condition, 'rule condition');
  }
}

/**
 * Keeps rows that fail at most `allowed` of the conditions SQL can judge: a backtest
 * needs matches and near-misses (all but one), so rows failing two are never read.
 */
export function prefilter(definition: RuleDefinition, scope: RuleScope, allowed: number): SqlQuery {
  const failures = definition.conditions
    .map((condition) => conditionSql(condition, scope))
    .filter((expr): expr is SqlQuery => expr !== null)
    .map((expr) => sql`(NOT coalesce(${expr}, 0))`);
  return failures.length === 0 ? trusted('') : sql` AND (${joinSql(failures, ' + ')}) <= ${allowed}`;
}
