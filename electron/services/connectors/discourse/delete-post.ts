import { isConnectorFailure, type CancelSignal, type Outcome } from '@shared/connectors';
import type { DiscourseApi } from './api';
import { dsPost } from './wire';

/**
 * Deletes a post (a topic's first post takes the topic with it). Staff can still read
 * a deleted post, and deleting it again is refused, so the post is read first: gone or
 * already deleted is already-handled. That makes a re-send after a crash safe.
 */
export async function deletePost(api: DiscourseApi, postId: number, signal: CancelSignal | undefined): Promise<Outcome> {
  const on = signal ? { signal } : {};
  try {
    const post = await api.read({ method: 'GET', path: `posts/${postId}.json`, ...on }, dsPost, { notFound: 'message' });
    if (post.deleted_at) return { status: 'already-handled', currentState: 'deleted' };
  } catch (error) {
    if (isConnectorFailure(error) && error.error.class === 'not-found') return { status: 'already-handled', currentState: 'deleted' };
    throw error;
  }
  return api.push({ method: 'DELETE', path: `posts/${postId}.json`, ...on }, { notFound: 'message' });
}
