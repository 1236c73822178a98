import type { BanScope, ConnectionCapabilities, FlaggedRow } from '@shared/domain/flagged';
import { actionBlock } from '@shared/flags/actions';

export type BanScopeKind = 'flag' | 'member' | 'choose';

interface BanReachInput {
  readonly scope: BanScopeKind;
  readonly rows: readonly Pick<FlaggedRow, 'connectionId'>[];
  /** The single author's communities (absent for several authors, or while loading). */
  readonly communities: BanScope['communities'] | undefined;
  readonly ticked: ReadonlySet<string>;
  readonly capabilities: readonly ConnectionCapabilities[];
}

/**
 * The connection of a ban-scope community. The scope names its connection and platform,
 * not its id; a connector's capabilities belong to its platform, so a same-named
 * connection of that platform is it, and any of that platform says the same.
 */
function connectionOf(community: BanScope['communities'][number], capabilities: readonly ConnectionCapabilities[]): ConnectionCapabilities | undefined {
  const samePlatform = capabilities.filter((c) => c.kind === community.platform);
  return samePlatform.find((c) => c.name === community.connectionName) ?? samePlatform[0];
}

/** The connections a ban with this scope reaches: the rows' own for "this community", the author's communities' otherwise. */
export function banConnections({ scope, rows, communities, ticked, capabilities }: BanReachInput): ConnectionCapabilities[] {
  const own = capabilities.filter((c) => rows.some((row) => row.connectionId === c.connectionId));
  if (scope === 'flag' || !communities) return own;
  const reached = communities.filter((c) => (scope === 'member' ? c.member && !c.blocked : ticked.has(c.communityId)));
  const theirs = reached.map((c) => connectionOf(c, capabilities)).filter((c): c is ConnectionCapabilities => c !== undefined);
  return [...new Map([...(scope === 'member' ? own : []), ...theirs].map((c) => [c.connectionId, c])).values()];
}

/** Why a ban for a time cannot reach those connections (null: it can, or nothing is known yet: main checks again). */
export const timedBanBlock = (connections: readonly ConnectionCapabilities[]): string | null => (connections.length === 0 ? null : actionBlock('ban', connections, true));

/** The ban's length and history window as the `ban` action takes them: `minutes` only for a timed ban, `deleteHistorySeconds` only when some. */
export function banTerms(minutes: number | null, deleteHistorySeconds: number): { minutes?: number; deleteHistorySeconds?: number } {
  return { ...(minutes === null ? {} : { minutes }), ...(deleteHistorySeconds > 0 ? { deleteHistorySeconds } : {}) };
}
