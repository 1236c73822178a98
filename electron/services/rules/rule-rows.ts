import type { ConnectionKind } from '@shared/domain/connection';
import type { JoinRequestStatus } from '@shared/domain/join-request';
import { ruleFacts, type RuleFacts } from '@shared/rules/facts';
import type { Reader } from '../store/database';
import { sql, trusted } from '../store/sql';

/** The columns of `join_requests j` a rule judges and a backtest reports. */
export interface RuleRow {
  seq: number;
  id: string;
  community_id: string;
  connection_id: string;
  person_name: string;
  first_answer: string;
  requested_at: number;
  account_created_at: number;
  signals: number;
  status: JoinRequestStatus;
  decided_by: string | null;
  /** JSON `[{question, answer}]`; '[]' when the caller left the text out (no text condition). */
  answers: string;
}

export const ruleRowColumns = (withAnswers: boolean) =>
  trusted(`j.seq, j.id, j.community_id, j.connection_id, j.person_name, j.first_answer, j.requested_at,
    j.account_created_at, j.signals, j.status, j.decided_by, ${withAnswers ? 'j.answers' : "'[]' AS answers"}`);

/**
 * What rules need to know beyond a row: the community tree and each connection's
 * platform. Small (one entry per community and connection), read once per backtest
 * or runner pass, so rows need no joins.
 */
export interface RuleScope {
  readonly parentOf: ReadonlyMap<string, string | null>;
  readonly communityName: ReadonlyMap<string, { readonly name: string; readonly parentName: string | null }>;
  readonly platformOf: ReadonlyMap<string, ConnectionKind>;
  /** A community and everything below it. */
  subtree(communityId: string): string[];
  connectionsOf(kinds: readonly ConnectionKind[]): string[];
}

export async function loadRuleScope(reader: Reader): Promise<RuleScope> {
  const communities = await reader.all<{ id: string; parent_id: string | null; name: string }>(sql`SELECT id, parent_id, name FROM communities`);
  const connections = await reader.all<{ id: string; kind: ConnectionKind }>(sql`SELECT id, kind FROM connections`);
  const parentOf = new Map(communities.map((c) => [c.id, c.parent_id]));
  const nameOf = new Map(communities.map((c) => [c.id, c.name]));
  const children = new Map<string, string[]>();
  for (const c of communities) if (c.parent_id) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c.id]);
  const platformOf = new Map(connections.map((c) => [c.id, c.kind]));
  return {
    parentOf,
    communityName: new Map(communities.map((c) => [c.id, { name: c.name, parentName: c.parent_id ? (nameOf.get(c.parent_id) ?? null) : null }])),
    platformOf,
    subtree(communityId) {
      const found = new Set<string>();
      const stack = [communityId];
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (found.has(id)) continue;
        found.add(id);
        stack.push(...(children.get(id) ?? []));
      }
      return [...found];
    },
    connectionsOf: (kinds) => connections.filter((c) => kinds.includes(c.kind)).map((c) => c.id),
  };
}

export function factsOfRow(row: RuleRow, scope: RuleScope): RuleFacts {
  return ruleFacts(
    {
      answers: JSON.parse(row.answers) as { answer: string }[],
      requestedAt: row.requested_at,
      accountCreatedAt: row.account_created_at,
      signals: row.signals,
      communityId: row.community_id,
      platform: scope.platformOf.get(row.connection_id) ?? 'sandbox',
    },
    scope.parentOf,
  );
}
