import { z } from 'zod';
import type { SavedView } from '../domain/decisions';
import { call } from './define';

export const VIEW_TABLE_KEYS = ['join-requests', 'flagged', 'communities'] as const;

/** A saved view's definition is the table's own business; main only checks its size and shape. */
const definition = z
  .record(z.string().max(64), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 64_000, 'A saved view may hold at most 64 KB');

export const viewCalls = {
  'views.list': call(z.object({ tableKey: z.enum(VIEW_TABLE_KEYS) }).strict()).returns<readonly SavedView[]>(),
  'views.save': call(
    z
      .object({
        id: z.string().min(1).max(64).optional(),
        tableKey: z.enum(VIEW_TABLE_KEYS),
        name: z.string().trim().min(1).max(80),
        definition,
      })
      .strict(),
  ).returns<SavedView>(),
  'views.delete': call(z.object({ id: z.string().min(1).max(64) }).strict()).returns<{ readonly deleted: boolean }>(),
} as const;
