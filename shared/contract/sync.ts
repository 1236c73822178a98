import { z } from 'zod';
import type { SyncOverview } from '../domain/sync';
import { call } from './define';

export const syncCalls = {
  'sync.overview': call(z.object({}).strict()).returns<SyncOverview>(),
  'sync.runNow': call(z.object({ connectionId: z.string().min(1).max(64).optional() }).strict()).returns<{
    readonly started: number;
  }>(),
} as const;
