import { useCallback, useMemo } from 'react';
import { useQuery } from '../../../client/hooks';
import { COMMUNITY_TREE_QUERY } from '../communityTree';
import type { CommunityOption } from './ConditionEditor';

/** Communities in tree order for the community condition, and a name for any id a rule holds. */
export function useCommunityOptions() {
  const tree = useQuery('communities.window', COMMUNITY_TREE_QUERY, ['communities']);
  const rows = tree.data?.rows;
  const options = useMemo<CommunityOption[]>(
    () => (rows ?? []).map((row) => ({ id: row.id, label: `${'· '.repeat(row.depth)}${row.name}${row.parentName ? ` (in ${row.parentName})` : ''}` })),
    [rows],
  );
  const names = useMemo(() => new Map((rows ?? []).map((row) => [row.id, row.name])), [rows]);
  const communityName = useCallback((id: string) => names.get(id) ?? 'a community no longer synced', [names]);
  return { options, communityName };
}
