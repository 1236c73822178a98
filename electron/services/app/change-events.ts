import type { QueueName } from '@shared/domain/queues';
import type { Store, TrackedTable } from '../store/database';
import type { EventHub } from '../contract/event-hub';

const QUEUES_OF_TABLE: Partial<Record<TrackedTable, readonly QueueName[]>> = {
  join_requests: ['join-requests', 'communities'],
  flags: ['flagged', 'communities'],
  messages: ['flagged'],
  communities: ['communities', 'join-requests', 'flagged'],
  connections: ['communities', 'outbox'],
  announcements: ['announcements'],
  outbox: ['outbox'],
  audit_log: ['audit'],
  saved_views: ['views'],
};

/** Coalescing window: a heavy pull commits many batches a second; the UI refetches at most this often. */
export const CHANGE_EVENT_INTERVAL_MS = 150;

/** Turns commits into `queue.changed` events, merged over a short window. */
export function forwardCommitsAsQueueEvents(store: Store, hub: EventHub): () => void {
  let pending = new Set<QueueName>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const queues = [...pending];
    pending = new Set();
    if (queues.length > 0) hub.emit('queue.changed', { queues });
  };
  const unsubscribe = store.onCommit((tables) => {
    for (const table of tables) for (const queue of QUEUES_OF_TABLE[table] ?? []) pending.add(queue);
    timer ??= setTimeout(flush, CHANGE_EVENT_INTERVAL_MS);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
