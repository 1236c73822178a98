import { z } from 'zod';
import { COMMUNITY_KINDS } from '@shared/domain/community';

/**
 * The Sandbox platform's JSON API, as a real platform would document it: snake_case
 * fields, ISO-8601 UTC times, string ids. The server validates request bodies with
 * these schemas; the Sandbox connector validates every response with them, so a
 * change here that the two sides disagree on fails to compile or fails a test.
 */

const time = z.iso.datetime();
const id = z.string().min(1).max(200);
const reason = z.string().max(500).nullable().default(null);

export const wireUser = z.object({
  id,
  display_name: z.string(),
  username: z.string().nullable(),
  created_at: time,
  profile_url: z.string(),
  mutual_communities: z.number().int().min(0),
  prior_declines: z.number().int().min(0),
  prior_removals: z.number().int().min(0),
});

export const wireHandledBy = z.object({ name: z.string(), at: time }).nullable();

export const wireCommunity = z.object({
  id,
  parent_id: id.nullable(),
  name: z.string(),
  kind: z.enum(COMMUNITY_KINDS),
  member_count: z.number().int().min(0),
  language: z.string(),
  tags: z.array(z.string()),
  url: z.string(),
  rules_url: z.string().nullable(),
  screening_questions: z.array(z.string()),
});

export const wireJoinRequest = z.object({
  id,
  version: z.number().int().min(1),
  community_id: id,
  user: wireUser,
  requested_at: time,
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  status: z.enum(['pending', 'approved', 'declined', 'withdrawn']),
  handled_by: wireHandledBy,
});

/** Loose on purpose: the connector skips an entry it cannot read rather than failing the page. */
export const wireAttachment = z.object({
  ref: z.string(),
  kind: z.string(),
  name: z.string(),
  content_type: z.string().nullable(),
  size: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});

export const wireMessage = z.object({
  id,
  community_id: id,
  conversation_id: id,
  author: wireUser,
  body: z.string(),
  sent_at: time,
  reply_to: id.nullable(),
  /** Absent when the message has none. */
  attachments: z.array(z.unknown()).optional(),
});

export const wireReport = z.object({
  id,
  version: z.number().int().min(1),
  community_id: id,
  message: wireMessage,
  context: z.object({ before: z.array(wireMessage), after: z.array(wireMessage) }),
  reporter: z.object({ name: z.string() }).nullable(),
  reason: z.string(),
  reported_at: time,
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(['dismissed', 'actioned']).nullable(),
  handled_by: wireHandledBy,
});

/** Every list endpoint pages the same way; `next` is null only when a list cannot be resumed. */
export const wirePage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable(), complete: z.boolean(), total: z.number().int().min(0) });

export const wireMe = z.object({ principal: z.string(), display_name: z.string(), scopes: z.array(z.string()) });

export const SANDBOX_SCOPES = ['communities:read', 'members:moderate', 'messages:moderate', 'announcements:write'] as const;

/** The body of every successful push. */
export const wirePushResult = z.object({
  result: z.enum(['applied', 'partial']),
  at: time,
  id: id.optional(),
  url: z.string().optional(),
  removed: z.array(id).optional(),
  failed: z.array(z.object({ id, code: z.enum(['not_found']) })).optional(),
});

/** The body of every error response. Extra fields depend on `code`. */
export const wireError = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    retry_after_ms: z.number().min(0).optional(),
    scope: z.enum(['global', 'account', 'target']).optional(),
    bucket: z.string().optional(),
    what: z.string().optional(),
    handled_by: wireHandledBy.optional(),
    current_state: z.string().optional(),
    current_version: z.number().int().optional(),
  }),
});

/** What the platform remembers about a push, by idempotency key. */
export const wireAction = z.object({
  key: z.string(),
  received_at: time,
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  response: z.unknown(),
});

export const decisionBody = z.object({
  decision: z.enum(['approve', 'decline']),
  reason,
  ban: z.boolean().default(false),
  version: z.number().int().min(1).nullable().default(null),
});

export const resolveBody = z.object({
  resolution: z.enum(['dismissed', 'actioned']),
  version: z.number().int().min(1).nullable().default(null),
});

export const MAX_BULK_REMOVE = 100;
export const MAX_ANNOUNCEMENT_LENGTH = 4_000;

export const removeBody = z.object({ reason });
export const bulkRemoveBody = z.object({ message_ids: z.array(id).min(1).max(MAX_BULK_REMOVE), reason });
export const kickBody = z.object({ reason });
export const banBody = z.object({
  until: time.nullable().default(null),
  delete_history_seconds: z.number().int().min(0).max(604_800).default(0),
  reason,
});
export const muteBody = z.object({ until: time.nullable().default(null), reason });
export const MAX_WARNING_TEXT = 2_000;
/** A warning to a member; `message_id` ties it to the message it is about (the Sandbox sends it as a reply). */
export const warnBody = z.object({ text: z.string().min(1).max(MAX_WARNING_TEXT), message_id: id.nullable().default(null) });
/** Lifting a ban or mute takes no options. */
export const liftBody = z.object({}).strict();
export const announcementBody = z.object({ text: z.string().min(1).max(MAX_ANNOUNCEMENT_LENGTH) });

export type WireUser = z.infer<typeof wireUser>;
export type WireCommunity = z.infer<typeof wireCommunity>;
export type WireJoinRequest = z.infer<typeof wireJoinRequest>;
export type WireMessage = z.infer<typeof wireMessage>;
export type WireReport = z.infer<typeof wireReport>;
export type WirePushResult = z.infer<typeof wirePushResult>;
export type WireError = z.infer<typeof wireError>;
