import type { CancelSignal, Cursor, JoinRequestItem, Page, ReportItem } from '@shared/connectors';
import { z } from 'zod';
import { clampPage } from '../http/base-url';
import { jsonCursor } from '../http/json-cursor';
import type { DiscourseApi } from './api';
import { FRESH_SWEEP, sweepState, sweepStep } from './review-sweep';
import { joinFromRequester, joinFromReviewable, reportFromReviewable } from './to-items';
import { dsGroupList, dsRequesters } from './wire';

export const USER_REVIEWABLE = 'ReviewableUser';
/** members.json pages; Discourse caps `limit` well above this. */
export const REQUESTERS_PAGE = 50;

const reportCursor = jsonCursor('ds.r', sweepState);

/** Reports: every pending reviewable except user approvals (those are join requests). */
export async function pullReportPage(api: DiscourseApi, cursor: Cursor | null, signal: CancelSignal | undefined): Promise<Page<ReportItem>> {
  const step = await sweepStep(api, reportCursor.decode(cursor, FRESH_SWEEP), null, signal);
  return {
    items: step.reviewables.filter((r) => r.type !== USER_REVIEWABLE).map((r) => reportFromReviewable(r, step.side, api.site)),
    next: reportCursor.encode(step.state),
    complete: step.done,
  };
}

/**
 * Group requests: the groups that take requests are listed first (groups.json pages,
 * kept in the cursor as [id, name]), then each group's requesters page by page.
 */
const groupSweep = z.object({ page: z.number().int().min(-1), list: z.array(z.tuple([z.number().int(), z.string()])), gi: z.number().int().min(0), o: z.number().int().min(0) });
type GroupSweep = z.output<typeof groupSweep>;
const FRESH_GROUPS: GroupSweep = { page: 0, list: [], gi: 0, o: 0 };

const joinState = z.object({ ph: z.enum(['review', 'groups']), r: sweepState, g: groupSweep });
const joinCursor = jsonCursor('ds.j', joinState);

/** Join requests: user approvals from the review queue, then requests to join groups. */
export async function pullJoinPage(api: DiscourseApi, cursor: Cursor | null, limit: number | undefined, signal: CancelSignal | undefined): Promise<Page<JoinRequestItem>> {
  const state = joinCursor.decode(cursor, { ph: 'review', r: FRESH_SWEEP, g: FRESH_GROUPS });
  if (state.ph === 'review') {
    const step = await sweepStep(api, state.r, USER_REVIEWABLE, signal);
    return {
      items: step.reviewables.filter((r) => r.type === USER_REVIEWABLE).map((r) => joinFromReviewable(r, step.side, api.site)),
      next: joinCursor.encode({ ph: step.done ? 'groups' : 'review', r: step.state, g: FRESH_GROUPS }),
      complete: false,
    };
  }
  const { items, g, done } = await groupStep(api, state.g, clampPage(limit, REQUESTERS_PAGE, REQUESTERS_PAGE), signal);
  return { items, next: joinCursor.encode({ ph: done ? 'review' : 'groups', r: state.r, g: done ? FRESH_GROUPS : g }), complete: done };
}

async function groupStep(api: DiscourseApi, g: GroupSweep, limit: number, signal: CancelSignal | undefined): Promise<{ items: JoinRequestItem[]; g: GroupSweep; done: boolean }> {
  const on = signal ? { signal } : {};
  if (g.page >= 0) {
    const page = await api.read({ method: 'GET', path: 'groups.json', query: { page: g.page }, ...on }, dsGroupList, { notFound: 'community' });
    const list = [...g.list, ...page.groups.filter((group) => group.allow_membership_requests).map((group): [number, string] => [group.id, group.name])];
    const more = Boolean(page.load_more_groups) && page.groups.length > 0;
    return { items: [], g: { ...g, page: more ? g.page + 1 : -1, list }, done: !more && list.length === 0 };
  }
  const current = g.list[g.gi];
  if (!current) return { items: [], g, done: true };
  const [id, name] = current;
  const query = { requesters: 'true', offset: g.o, limit };
  const page = await api.read({ method: 'GET', path: `groups/${encodeURIComponent(name)}/members.json`, query, ...on }, dsRequesters, { notFound: 'community' });
  const items = page.members.map((member) => joinFromRequester({ id, name }, member, api.site));
  const next = page.members.length < limit ? { ...g, gi: g.gi + 1, o: 0 } : { ...g, o: g.o + limit };
  return { items, g: next, done: next.gi >= g.list.length };
}
