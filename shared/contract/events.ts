import type { Preferences } from '../domain/settings';
import type { QueueName } from '../domain/queues';
import type { StreamProgress } from '../domain/sync';
import { event } from './define';

/** Everything main pushes to the renderer. */
export const events = {
  /** Rows of these queues changed: visible windows and counts should refetch. */
  'queue.changed': event<{ readonly queues: readonly QueueName[] }>(),
  'sync.progress': event<StreamProgress>(),
  'settings.changed': event<Preferences>(),
} as const;
