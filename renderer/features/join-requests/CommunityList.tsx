import { useMemo } from 'react';
import type { JoinRequestFilters } from '@shared/contract/tables';
import { useQuery } from '../../client/hooks';
import { formatCount } from '../../ui/format';
import { InlineText } from '../../ui/InlineText';
import { buildCommunityEntries, COMMUNITY_TREE_QUERY, visibleEntries } from './communityTree';
import { communityOf, withoutCommunity, type CommunityChoice } from './filters';

interface Props {
  readonly filters: JoinRequestFilters;
  readonly search: string;
  readonly onChoose: (choice: CommunityChoice | null) => void;
}

/**
 * Matching requests per community, as a tree: a community with sub-groups filters by
 * its whole tree, a leaf by itself. Counts follow every other filter and the search.
 */
export function CommunityList({ filters, search, onChoose }: Props) {
  const tree = useQuery('communities.window', COMMUNITY_TREE_QUERY, ['communities']);
  const counts = useQuery(
    'joinRequests.communityCounts',
    { filters: withoutCommunity(filters), ...(search ? { search } : {}) },
    ['join-requests'],
  );
  const chosen = communityOf(filters);
  const entries = useMemo(
    () => visibleEntries(buildCommunityEntries(tree.data?.rows ?? [], counts.data ?? []), chosen?.id ?? null),
    [tree.data, counts.data, chosen?.id],
  );
  const total = (counts.data ?? []).reduce((sum, entry) => sum + entry.count, 0);
  const error = counts.error ?? tree.error;

  return (
    <section aria-labelledby="jr-communities-title">
      <h2 id="jr-communities-title" className="mb-side-title">
        Communities
      </h2>
      <ul className="mb-side-list">
        <li className="mb-side-row">
          <button type="button" className="mb-side-entry" aria-pressed={chosen === null} onClick={() => onChoose(null)}>
            <span className="mb-text">All communities</span>
            <span className="mb-badge">{counts.data ? formatCount(total) : ''}</span>
          </button>
        </li>
        {entries.map((entry) => {
          const pressed = chosen?.id === entry.id && chosen.tree === entry.hasChildren;
          return (
            <li key={entry.id} className="mb-side-row">
              <button
                type="button"
                className="mb-side-entry"
                style={{ paddingInlineStart: 8 + entry.depth * 14 }}
                aria-pressed={pressed}
                aria-label={`${entry.name.slice(0, 200)}${entry.hasChildren ? ' and its sub-groups' : ''}, ${entry.treeCount} matching`}
                                onClick={() => onChoose(pressed ? null : { id: entry.id, tree: entry.hasChildren })}
              >
                <span className="mb-text">
                  <InlineText text={entry.name} />
                </span>
                <span className="mb-badge">{formatCount(entry.treeCount)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="mb-error mb-side-note">
          Could not load the counts: {error.message}
        </p>
      )}
    </section>
  );
}
