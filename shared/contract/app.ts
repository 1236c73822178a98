import { z } from 'zod';
import { preferencesPatchSchema, type Preferences } from '../domain/settings';
import type { QueueCounts } from '../domain/queues';
import { call } from './define';

export interface AppInfo {
  readonly version: string;
  /** `desktop` inside Electron, `browser` when served by `npm run serve`. */
  readonly host: 'desktop' | 'browser';
  readonly dataDir: string;
  readonly schemaVersion: number;
  readonly deviceId: string;
}

export interface OpenExternalResult {
  /** False when the user declined, or when the host leaves opening to the browser. */
  readonly opened: boolean;
}

const nothing = z.object({}).strict();

export const appCalls = {
  'app.info': call(nothing).returns<AppInfo>(),
  'settings.get': call(nothing).returns<Preferences>(),
  'settings.update': call(preferencesPatchSchema).returns<Preferences>(),
  'queues.counts': call(nothing).returns<QueueCounts>(),
  'shell.openExternal': call(z.object({ url: z.string().max(4096) }).strict()).returns<OpenExternalResult>(),
} as const;
