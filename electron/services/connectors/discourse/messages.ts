import type { CancelSignal, Cursor, MessageItem, Page } from '@shared/connectors';
import { z } from 'zod';
import { jsonCursor } from '../http/json-cursor';
import type { DiscourseApi } from './api';
import { categoryCommunity, postRef, SITE } from './ids';
import { personOf, postBody } from './to-items';
import { dsLatestPosts, type DsLatestPost } from './wire';

/** `/posts.json` serves 50 posts a page and takes no `limit`. */
export const LATEST_POSTS_PAGE = 50;

/**
 * The message feed is `GET /posts.json` (latest posts across the site, newest first),
 * paged back with `before=<post id>` (posts with a lower id). A round walks back from
 * the newest post until it meets the highest id already delivered (`top`), so each
 * round yields exactly the posts made since; the committed cursor then holds the new
 * top. The first round reads one page only: a forum's history is not new traffic.
 * `w` is the walk in progress: the next `before`, and the highest id it has seen.
 */
const state = z.object({ top: z.number().int().nullable(), w: z.object({ before: z.number().int(), high: z.number().int() }).nullable() });
const cursorCodec = jsonCursor('ds.m', state);

export function messageOfPost(post: DsLatestPost, site: string | null): MessageItem {
  return {
    externalId: postRef(post.id),
    communityExternalId: post.category_id ? categoryCommunity(post.category_id) : SITE,
    conversationId: `topic:${post.topic_id}`,
    author: personOf({ id: post.user_id, username: post.username, name: post.name ?? null, created_at: null }, site),
    body: postBody(post.raw, post.cooked) ?? '',
    sentAt: Date.parse(post.created_at) || 0,
    // The feed names the replied-to post by its number in the topic, not its id.
    replyToExternalId: null,
  };
}

export async function pullMessagePage(api: DiscourseApi, cursor: Cursor | null, signal: CancelSignal | undefined): Promise<Page<MessageItem>> {
  const { top, w } = cursorCodec.decode(cursor, { top: null, w: null });
  const query = w ? { before: w.before } : {};
  const { latest_posts: posts } = await api.read({ method: 'GET', path: 'posts.json', query, ...(signal ? { signal } : {}) }, dsLatestPosts, { notFound: 'community' });
  const fresh = posts.filter((post) => top === null || post.id > top);
  const high = Math.max(w?.high ?? top ?? 0, ...posts.map((post) => post.id));
  const low = Math.min(...posts.map((post) => post.id));
  // Done when this is the first round, the page reached known posts, or the forum has no older ones.
  const done = top === null || fresh.length < posts.length || posts.length < LATEST_POSTS_PAGE;
  return {
    items: fresh.map((post) => messageOfPost(post, api.site)),
    next: cursorCodec.encode(done ? { top: posts.length > 0 || top !== null ? high : null, w: null } : { top, w: { before: low, high } }),
    complete: done,
  };
}
