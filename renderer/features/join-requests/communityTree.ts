import type { CommunityRow } from '@shared/domain/community';
import type { CommunityCount } from '@shared/domain/decisions';

const MAX_COMMUNITIES = 500;
/** Every community in tree order (parents before their sub-groups), for the side list and the rule editor. */
export const COMMUNITY_TREE_QUERY = { offset: 0, limit: MAX_COMMUNITIES, sort: [{ column: 'tree' as const, desc: false }], filters: {} };

/** One line of the Communities side list, in tree order. */
export interface CommunityEntry {
  readonly id: string;
  readonly name: string;
  readonly parentName: string | null;
  readonly depth: number;
  /** Matching requests in this community itself. */
  readonly count: number;
  /** In it and all its sub-groups. */
  readonly treeCount: number;
  readonly hasChildren: boolean;
}

/**
 * Counts come per community, without the tree's shape; the tree comes from the
 * communities table (in `tree` order, with depth). A community the tree does not know
 * yet (synced since) is listed at the top level rather than dropped.
 */
export function buildCommunityEntries(tree: readonly CommunityRow[], counts: readonly CommunityCount[]): CommunityEntry[] {
  const own = new Map(counts.map((c) => [c.communityId, c.count]));
  const parentOf = new Map(tree.map((row) => [row.id, row.parentId]));
  const treeCount = new Map<string, number>();
  for (const [id, count] of own) {
    let current: string | null | undefined = id;
    const seen = new Set<string>();
    while (current && !seen.has(current)) {
      seen.add(current);
      treeCount.set(current, (treeCount.get(current) ?? 0) + count);
      current = parentOf.get(current);
    }
  }
  const hasChildren = new Set(tree.map((row) => row.parentId).filter((id): id is string => id !== null));
  const entries: CommunityEntry[] = tree.map((row) => ({
    id: row.id,
    name: row.name,
    parentName: row.parentName,
    depth: row.depth,
    count: own.get(row.id) ?? 0,
    treeCount: treeCount.get(row.id) ?? 0,
    hasChildren: hasChildren.has(row.id),
  }));
  const known = new Set(tree.map((row) => row.id));
  const unknown = counts
    .filter((c) => !known.has(c.communityId))
    .map((c) => ({ id: c.communityId, name: c.communityName, parentName: c.parentName, depth: 0, count: c.count, treeCount: c.count, hasChildren: false }));
  return [...unknown, ...entries];
}

/** Entries worth listing: with matches, or the one the queue is filtered to. */
export const visibleEntries = (entries: readonly CommunityEntry[], selectedId: string | null) =>
  entries.filter((entry) => entry.treeCount > 0 || entry.id === selectedId);
