import { z } from 'zod';
import type { ConnectionSummary } from '../domain/connection';
import { call } from './define';

const id = z.string().min(1).max(64);

/** A Facebook group added by hand, with the links to its admin pages. */
export interface ManualGroup {
  readonly communityId: string;
  readonly connectionId: string;
  readonly name: string;
  readonly links: readonly { readonly label: string; readonly url: string }[];
  readonly recorded: number;
}

/**
 * Platforms without an API (Facebook Groups since April 2024): the moderator works in the
 * browser through deep links and records outcomes here, so counts, the audit log and
 * person cards stay complete.
 */
export const manualCalls = {
  'manual.addConnection': call(z.object({ name: z.string().trim().min(1).max(120) }).strict()).returns<ConnectionSummary>(),
  'manual.addGroup': call(
    z.object({ connectionId: id, url: z.string().trim().min(1).max(500), name: z.string().trim().min(1).max(200).optional() }).strict(),
  ).returns<{ readonly communityId: string }>(),
  'manual.groups': call(z.object({}).strict()).returns<readonly ManualGroup[]>(),
  'manual.recordJoinRequest': call(
    z
      .object({
        communityId: id,
        personName: z.string().trim().min(1).max(200),
        profileUrl: z.string().trim().max(500).optional(),
        answers: z.array(z.object({ question: z.string().max(500), answer: z.string().max(5000) }).strict()).max(10).optional(),
        decision: z.enum(['approve', 'decline', 'decline-ban']),
        reason: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
  ).returns<{ readonly joinRequestId: string }>(),
} as const;
