import type { JoinRequestFilters } from '@shared/contract/tables';
import { signalBit } from '@shared/domain/join-request';
import { sql, whereAll, type SqlQuery } from '../store/sql';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The join-request filters as SQL conditions over `join_requests j`. One definition
 * serves the queue's windows, bulk decisions on "everything matching" and previews,
 * so what the moderator sees is exactly what a bulk action reaches.
 */
export function joinRequestConditions(filters: JoinRequestFilters, now: number = Date.now()): SqlQuery[] {
  const where: SqlQuery[] = [];
  if (filters.status) where.push(sql`j.status = ${filters.status}`);
  if (filters.communityId) where.push(sql`j.community_id = ${filters.communityId}`);
  if (filters.communityTree)
    where.push(sql`j.community_id IN (WITH RECURSIVE tree(id) AS (SELECT ${filters.communityTree}
      UNION SELECT c.id FROM communities c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`);
  if (filters.platform) where.push(sql`j.connection_id IN (SELECT id FROM connections WHERE kind = ${filters.platform})`);
  // account_created_at is 0 when the platform does not say: such rows match no age filter.
  if (filters.accountAgeMinDays !== undefined)
    where.push(sql`j.account_created_at > 0 AND j.account_created_at <= ${now - filters.accountAgeMinDays * DAY_MS}`);
  if (filters.accountAgeMaxDays !== undefined) where.push(sql`j.account_created_at >= ${now - filters.accountAgeMaxDays * DAY_MS}`);
  if (filters.requestedWithinHours !== undefined) where.push(sql`j.requested_at >= ${now - filters.requestedWithinHours * HOUR_MS}`);
  if (filters.requestedOlderThanHours !== undefined)
    where.push(sql`j.requested_at <= ${now - filters.requestedOlderThanHours * HOUR_MS}`);
  const empty = signalBit('empty-answers');
  if (filters.answered === 'answered') where.push(sql`(j.signals & ${empty}) = 0`);
  if (filters.answered === 'unanswered') where.push(sql`(j.signals & ${empty}) <> 0`);
  if (filters.signals?.length) {
    const mask = filters.signals.reduce((bits, signal) => bits | signalBit(signal), 0);
    where.push(sql`(j.signals & ${mask}) = ${mask}`);
  }
  if (filters.clusterKey) where.push(sql`j.cluster_key = ${filters.clusterKey}`);
  return where;
}

export const joinRequestSearch = (fts: string): SqlQuery =>
  sql`j.seq IN (SELECT rowid FROM join_requests_fts WHERE join_requests_fts MATCH ${fts})`;

const narrows = (filters: JoinRequestFilters, allowed: ReadonlySet<string>): boolean =>
  Object.entries(filters).every(([key, value]) => value === undefined || allowed.has(key));

/** True when only status and community narrow the query, so the trigger-kept counters know the total. */
export const countableFromCounters = (filters: JoinRequestFilters): boolean => narrows(filters, new Set(['status', 'communityId']));

/**
 * Filters whose conditions read only status, community, connection and signals: the
 * columns of `join_request_facets` (migration 0008), whose counters then give the total.
 * Time filters and clusters are not among them; those count the rows themselves.
 */
const FACET_FILTERS: ReadonlySet<keyof JoinRequestFilters> = new Set(['status', 'communityId', 'communityTree', 'platform', 'answered', 'signals']);
export const countableFromFacets = (filters: JoinRequestFilters): boolean => narrows(filters, FACET_FILTERS);

/**
 * The number of requests matching `filters` as a sum over the facet counters. The
 * counters are aliased `j` so `joinRequestConditions` applies to them word for word:
 * what is counted is exactly what the window lists.
 */
export const facetTotal = (filters: JoinRequestFilters): SqlQuery =>
  sql`SELECT sum(j.n) AS n FROM join_request_facets j${whereAll(joinRequestConditions(filters))}`;
