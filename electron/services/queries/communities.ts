import type { CommunityKind, CommunityRow } from '@shared/domain/community';
import type { ConnectionKind } from '@shared/domain/connection';
import type { COMMUNITY_SORT_COLUMNS, communityFiltersSchema } from '@shared/contract/tables';
import type { z } from 'zod';
import { sql, trusted, type SqlQuery } from '../store/sql';
import type { WindowSpec } from '../store/window-query';

type Column = (typeof COMMUNITY_SORT_COLUMNS)[number];
type Filters = z.infer<typeof communityFiltersSchema>;

interface Raw {
  id: string;
  name: string;
  kind: CommunityKind;
  platform: ConnectionKind;
  connection_name: string;
  parent_id: string | null;
  parent_name: string | null;
  depth: number;
  member_count: number;
  pending: number;
  open_flags: number;
  tags: string;
  language: string | null;
  platform_url: string | null;
  updated_at: number;
}

/**
 * Language and tags as the user sees them: their own language wins over the
 * platform's (a pull rewrites the platform's), and their tags join the platform's.
 * Over `communities c`; shared with the announcement desk, so both agree.
 */
export const EFFECTIVE_LANGUAGE = 'coalesce(c.language_override, c.language)';
export const ALL_TAGS = `(SELECT json_group_array(tag) FROM (SELECT t.tag FROM community_tags t WHERE t.community_id = c.id
    UNION SELECT u.tag FROM community_user_tags u WHERE u.community_id = c.id))`;

const PENDING = `(SELECT count(*) FROM join_requests jr WHERE jr.community_id = c.id AND jr.status = 'pending')`;
const OPEN_FLAGS = `(SELECT count(*) FROM flags fl WHERE fl.community_id = c.id AND fl.status = 'open')`;

/** Communities are few (tens to thousands), so computed sort keys are fine here. */
export const communitiesWindow: WindowSpec<Column, Filters, Raw, CommunityRow> = {
  name: 'communities',
  tables: ['communities', 'connections', 'join_requests', 'flags'],
  from: trusted('communities c JOIN connections n ON n.id = c.connection_id'),
  tiebreak: 'c.seq',
  sortColumns: {
    tree: 'c.tree_key',
    name: 'lower(c.name)',
    platform: 'n.kind',
    memberCount: 'c.member_count',
    pendingJoinRequests: PENDING,
    openFlags: OPEN_FLAGS,
    updatedAt: 'c.updated_at',
  },
  defaultSort: [{ column: 'tree', desc: false }],
  conditions(filters) {
    const where: SqlQuery[] = [];
    if (filters.platform) where.push(sql`n.kind = ${filters.platform}`);
    if (filters.tag)
      where.push(sql`(EXISTS (SELECT 1 FROM community_tags t WHERE t.community_id = c.id AND t.tag = ${filters.tag})
        OR EXISTS (SELECT 1 FROM community_user_tags u WHERE u.community_id = c.id AND u.tag = ${filters.tag}))`);
    return where;
  },
  search: ({ text }) => sql`instr(lower(c.name), lower(${text})) > 0`,
  select: trusted(`c.id, c.name, c.kind, n.kind AS platform, n.name AS connection_name, c.parent_id,
    p.name AS parent_name, c.depth, c.member_count, ${PENDING} AS pending, ${OPEN_FLAGS} AS open_flags,
    ${ALL_TAGS} AS tags, ${EFFECTIVE_LANGUAGE} AS language, c.platform_url, c.updated_at`),
  outer: trusted(
    'communities c ON c.seq = page.k JOIN connections n ON n.id = c.connection_id LEFT JOIN communities p ON p.id = c.parent_id',
  ),
  toRow: (r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    platform: r.platform,
    connectionName: r.connection_name,
    parentId: r.parent_id,
    parentName: r.parent_name,
    depth: r.depth,
    memberCount: r.member_count,
    pendingJoinRequests: r.pending,
    openFlags: r.open_flags,
    tags: JSON.parse(r.tags) as string[],
    language: r.language,
    platformUrl: r.platform_url,
    updatedAt: r.updated_at,
  }),
};
