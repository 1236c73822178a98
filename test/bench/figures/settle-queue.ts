import type { Contract } from '../support/contract';
import { request } from './window-scenarios';

/** Waits until main's anchor ladder for the queue's default view is built (the renderer's first window starts it). */
export async function settleQueue(api: Contract): Promise<void> {
  const { total } = await api.call('joinRequests.window', request(0));
  if (total > 0) await api.call('joinRequests.window', { ...request(total - 1), limit: 1 });
}
