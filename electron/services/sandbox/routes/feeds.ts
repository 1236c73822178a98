import { json, parseLimit, problem, type ApiResponse } from '../http/respond';
import { wireCommunityOf, wireJoinRequestOf, wireMessageOf, wireReportOf } from '../http/serialize';
import { SANDBOX_SCOPES } from '../http/wire';
import type { FeedPageOf } from '../world/feed-store';
import type { CursorReading } from '../world/feed-cursor';
import { PRINCIPAL, type ApiRoute } from './route';

export const MAX_JOIN_REQUEST_PAGE = 1_000;
export const MAX_REPORT_PAGE = 200;
export const MAX_MESSAGE_PAGE = 1_000;
const COMMUNITY_PAGE = 100;

type Paged<R> = FeedPageOf<R> | { readonly reason: Extract<CursorReading, { ok: false }>['reason'] };

function pageResponse<R>(page: Paged<R>, toWire: (item: R) => unknown): ApiResponse {
  if ('reason' in page) {
    return page.reason === 'expired'
      ? problem(410, 'cursor_expired', 'This cursor belongs to an earlier state of the platform; start again without one')
      : problem(400, 'invalid_cursor', 'Unreadable cursor');
  }
  return json(200, { items: page.items.map(toWire), next: page.next, complete: page.complete, total: page.total });
}

export const feedRoutes: readonly ApiRoute[] = [
  {
    method: 'GET',
    pattern: '/v1/me',
    push: false,
    handle: () => json(200, { principal: PRINCIPAL, display_name: 'Modboard (Sandbox bot)', scopes: [...SANDBOX_SCOPES] }),
  },
  {
    // The community list is small and has no change feed: it is re-listed in full each time.
    method: 'GET',
    pattern: '/v1/communities',
    push: false,
    handle: ({ query }, { world }) => {
      const limit = parseLimit(query, COMMUNITY_PAGE, COMMUNITY_PAGE);
      if (typeof limit !== 'number') return limit;
      const offset = decodeOffset(world.id, query.get('cursor'));
      if (offset === null || offset > world.communities.length) return problem(400, 'invalid_cursor', 'Unreadable cursor');
      const slice = world.communities.slice(offset, offset + limit);
      const end = offset + slice.length;
      const complete = end >= world.communities.length;
      return json(200, {
        items: slice.map(wireCommunityOf),
        next: complete ? null : encodeOffset(world.id, end),
        complete,
        total: world.communities.length,
      });
    },
  },
  {
    method: 'GET',
    pattern: '/v1/join-requests',
    push: false,
    handle: ({ query }, { world }) => {
      const limit = parseLimit(query, 200, MAX_JOIN_REQUEST_PAGE);
      if (typeof limit !== 'number') return limit;
      return pageResponse(world.joinRequests.page(query.get('cursor'), limit), wireJoinRequestOf);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/reports',
    push: false,
    handle: ({ query }, { world }) => {
      const limit = parseLimit(query, 50, MAX_REPORT_PAGE);
      if (typeof limit !== 'number') return limit;
      return pageResponse(world.reports.page(query.get('cursor'), limit), wireReportOf);
    },
  },
  {
    // Ordinary traffic, oldest first: every report's conversation, then what members post.
    method: 'GET',
    pattern: '/v1/messages',
    push: false,
    handle: ({ query }, { world }) => {
      const limit = parseLimit(query, 200, MAX_MESSAGE_PAGE);
      if (typeof limit !== 'number') return limit;
      return pageResponse(world.messages.page(query.get('cursor'), limit), wireMessageOf);
    },
  },
];

const encodeOffset = (worldId: string, offset: number) => Buffer.from(`${worldId}.o.${offset}`).toString('base64url');

function decodeOffset(worldId: string, cursor: string | null): number | null {
  if (!cursor) return 0;
  const [world, tag, value] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  const offset = Number(value);
  return world === worldId && tag === 'o' && Number.isSafeInteger(offset) && offset >= 0 ? offset : null;
}
