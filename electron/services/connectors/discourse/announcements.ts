import { createHash } from 'node:crypto';
import { ConnectorFailure, isConnectorFailure, type AnnouncementDelete, type AnnouncementEdit, type AnnouncementPost, type CancelSignal, type Outcome, type ReconcileResult } from '@shared/connectors';
import type { DiscourseApi } from './api';
import { deletePost } from './delete-post';
import { categoryOf, parsePrefixed, postRef } from './ids';
import { dsCreatedPost, dsTopicByExternalId } from './wire';

/** Topic titles: Discourse's default maximum is 255; the site minimum (15 by default) is the site's to enforce. */
const MAX_TITLE = 255;

/**
 * `POST /posts.json` takes no idempotency key. Modboard tags each announcement topic
 * with a topic `external_id` derived from the push's key (Topic.external_id, at most
 * 50 characters; `GET /t/external_id/{id}.json` finds it), so `reconcile` can ask
 * whether a send that lost its answer made a topic.
 */
export const externalIdFor = (idempotencyKey: string): string => `modboard-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}`;

/** The first line is the topic title (markdown heading marks dropped); the whole text is the body. */
export function titleOf(text: string): string {
  const first = text.split('\n').find((line) => line.trim() !== '') ?? '';
  return first.replace(/^#+\s*/, '').trim().slice(0, MAX_TITLE);
}

const topicUrl = (api: DiscourseApi, slug: string, topicId: number) => api.url(`t/${slug}/${topicId}`);

/** Topic external ids are unique: a retry of a send whose answer was lost is refused with this. */
const TAKEN = /external.?id.*(taken|exists)/i;

export async function sendAnnouncement(api: DiscourseApi, post: AnnouncementPost, idempotencyKey: string, signal: CancelSignal | undefined): Promise<Outcome> {
  const category = categoryOf(post.communityExternalId);
  const title = titleOf(post.text);
  if (title === '') throw new ConnectorFailure({ class: 'invalid', detail: 'An announcement needs a first line to be its topic title' });
  const body = { title, raw: post.text, external_id: externalIdFor(idempotencyKey), ...(category !== null ? { category } : {}) };
  try {
    return await api.pushFor({ method: 'POST', path: 'posts.json', body, ...(signal ? { signal } : {}) }, dsCreatedPost, { notFound: 'community' }, (created) => {
      const url = topicUrl(api, created.topic_slug, created.topic_id);
      return { externalId: postRef(created.id), ...(url ? { url } : {}) };
    });
  } catch (error) {
    if (!(isConnectorFailure(error) && error.error.class === 'invalid' && TAKEN.test(error.error.detail))) throw error;
    // The first try made the topic: answer with it, as a platform with native idempotency would.
    const earlier = await reconcileSend(api, idempotencyKey, signal);
    if (earlier.state === 'applied') return earlier.outcome;
    throw error;
  }
}

export function editAnnouncement(api: DiscourseApi, edit: AnnouncementEdit, signal: CancelSignal | undefined): Promise<Outcome> {
  const id = parsePrefixed(edit.messageExternalId, 'post');
  return api.push({ method: 'PUT', path: `posts/${id}.json`, body: { post: { raw: edit.text } }, ...(signal ? { signal } : {}) }, { notFound: 'message' });
}

export const deleteAnnouncement = (api: DiscourseApi, target: AnnouncementDelete, signal: CancelSignal | undefined): Promise<Outcome> =>
  deletePost(api, parsePrefixed(target.messageExternalId, 'post'), signal);

/**
 * Did a send with this key make a topic? `/t/external_id/{id}.json` redirects to the
 * topic (so the redirect is read, not followed), or answers 404. Any other push's key
 * finds no topic and reads as not-applied: safe, because every other Discourse push
 * reads state first (reviewable status, group request, deleted post, a warning's
 * message found by its external id) or is a no-op to repeat (suspend/silence answer
 * 409 → already-handled; unsuspend/unsilence; an edit to the same text).
 */
export async function reconcileSend(api: DiscourseApi, idempotencyKey: string, signal: CancelSignal | undefined): Promise<ReconcileResult> {
  const on = signal ? { signal } : {};
  const answer = await api.send({ method: 'GET', path: `t/external_id/${externalIdFor(idempotencyKey)}.json`, redirect: 'manual', ...on });
  if (answer.status === 404) return { state: 'not-applied' };
  const topicId = /\/t\/(?:[^/]+\/)?(\d+)/.exec(answer.headers.get('location') ?? '')?.[1];
  if (answer.status < 300 || answer.status >= 400 || topicId === undefined) api.fail(answer, { notFound: 'message', push: false });
  const topic = await api.read({ method: 'GET', path: `t/${topicId}.json`, ...on }, dsTopicByExternalId, { notFound: 'message' });
  const first = topic.post_stream.posts.find((p) => p.post_number === 1) ?? topic.post_stream.posts[0];
  const url = topicUrl(api, topic.slug, topic.id);
  return { state: 'applied', outcome: { status: 'applied', at: Date.now(), ...(first ? { externalId: postRef(first.id) } : {}), ...(url ? { url } : {}) } };
}
