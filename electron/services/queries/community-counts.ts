import type { JoinRequestFilters } from '@shared/contract/tables';
import type { CommunityCount } from '@shared/domain/decisions';
import type { Reader } from '../store/database';
import { toFtsQuery } from '../store/fts';
import { sql, trusted, whereAll, type SqlQuery } from '../store/sql';
import { countableFromCounters, countableFromFacets, joinRequestConditions, joinRequestSearch } from './join-request-filters';

interface Raw {
  community_id: string;
  community_name: string;
  parent_name: string | null;
  count: number;
}

const toCount = (r: Raw): CommunityCount => ({
  communityId: r.community_id,
  communityName: r.community_name,
  parentName: r.parent_name,
  count: r.count,
});

/**
 * Per community, how many requests match the queue's filters (ignoring its own community
 * filter, so the side list shows where else the matches are). Plain status filters read
 * the trigger-kept counters; anything finer counts in SQL.
 */
export async function joinRequestCommunityCounts(reader: Reader, filters: JoinRequestFilters, search?: string): Promise<CommunityCount[]> {
  const { communityId: _c, communityTree: _t, ...rest } = filters;
  const text = search?.trim();
  const communities = trusted('communities c LEFT JOIN communities p ON p.id = c.parent_id');
  if (!text && rest.status && countableFromCounters(rest)) {
    const rows = await reader.all<Raw>(sql`SELECT q.community_id, q.n AS count, c.name AS community_name, p.name AS parent_name
      FROM ${communities} JOIN queue_counts q ON q.community_id = c.id
      WHERE q.queue = 'join_requests' AND q.status = ${rest.status} AND q.n > 0 ORDER BY c.tree_key`);
    return rows.map(toCount);
  }
  if (!text && countableFromFacets(rest)) {
    // The facet counters stand in for the rows (same column names), so the same conditions apply.
    const rows = await reader.all<Raw>(sql`SELECT g.community_id, g.count, c.name AS community_name, p.name AS parent_name
      FROM ${communities} JOIN (SELECT j.community_id, sum(j.n) AS count FROM join_request_facets j${whereAll(joinRequestConditions(rest))}
        GROUP BY j.community_id HAVING count > 0) g ON g.community_id = c.id ORDER BY c.tree_key`);
    return rows.map(toCount);
  }
  const where: SqlQuery[] = joinRequestConditions(rest);
  if (text) {
    const fts = toFtsQuery(text);
    where.push(fts ? joinRequestSearch(fts) : sql`0`);
  }
  const rows = await reader.all<Raw>(sql`SELECT g.community_id, g.count, c.name AS community_name, p.name AS parent_name
    FROM ${communities} JOIN (SELECT j.community_id, count(*) AS count FROM join_requests j${whereAll(where)} GROUP BY j.community_id) g
      ON g.community_id = c.id ORDER BY c.tree_key`);
  return rows.map(toCount);
}
