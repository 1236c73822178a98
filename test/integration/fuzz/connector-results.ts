import { z } from 'zod';
import { AUTH_FAILURE_REASONS, isConnectorFailure } from '@shared/connectors';

/**
 * What a connector may hand the engine on success, checked strictly: whatever a
 * platform sent, a returned page holds only well-formed items (finite numbers, ids
 * that are non-empty strings), or the call must have failed.
 */
const finite = z.number().refine(Number.isFinite, 'finite');
const id = z.string().min(1);
const person = z.object({
  externalId: id,
  displayName: z.string(),
  username: z.string().nullable(),
  accountCreatedAt: finite.nullable(),
  profileUrl: z.string().nullable(),
  history: z.object({ mutualCommunities: finite.nullable(), priorDeclines: finite.nullable(), priorRemovals: finite.nullable() }).nullable(),
});
const handledBy = z.object({ name: z.string(), at: finite }).nullable();
const community = z.object({
  externalId: id,
  parentExternalId: id.nullable(),
  name: z.string(),
  kind: z.string().min(1),
  memberCount: finite,
  language: z.string().nullable(),
  tags: z.array(z.string()),
  url: z.string().nullable(),
  rulesUrl: z.string().nullable(),
});
const joinRequest = z.object({
  externalId: id,
  version: z.string().nullable(),
  communityExternalId: id,
  person,
  requestedAt: finite,
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  status: z.enum(['pending', 'approved', 'declined', 'withdrawn']),
  handledBy,
});
const message = z.object({
  externalId: id,
  communityExternalId: id,
  conversationId: z.string(),
  author: person,
  body: z.string(),
  sentAt: finite,
  replyToExternalId: z.string().nullable(),
});
const report = z.object({
  externalId: id,
  version: z.string().nullable(),
  message,
  context: z.array(message),
  reporter: z.object({ name: z.string() }).nullable(),
  reportedAt: finite,
  status: z.enum(['open', 'resolved']),
  handledBy,
});
const feedItem = z.union([
  z.object({ feed: z.literal('joinRequests'), item: joinRequest }),
  z.object({ feed: z.literal('reports'), item: report }),
  z.object({ feed: z.literal('messages'), item: message }),
]);
const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable(), complete: z.boolean(), expectedTotal: finite.optional() });

const outcome = z.union([
  z.object({ status: z.literal('applied'), at: finite, externalId: z.string().optional(), url: z.string().optional() }),
  z.object({ status: z.literal('already-handled'), currentState: z.string().optional(), by: z.object({ name: z.string(), at: finite }).optional() }),
  z.object({ status: z.literal('partial'), succeeded: z.array(z.string()), failed: z.array(z.object({ id: z.string(), error: z.object({ class: z.string() }) })) }),
]);

export const RESULT_SCHEMAS = {
  verifyAuth: z.object({ principal: z.string(), scopesOk: z.boolean(), missing: z.array(z.string()) }),
  listCommunities: page(community),
  pullJoinRequests: page(joinRequest),
  pullReports: page(report),
  pullMessages: page(message),
  pullUpdates: page(feedItem),
  push: outcome,
  reconcile: z.union([z.object({ state: z.literal('applied'), outcome }), z.object({ state: z.enum(['not-applied', 'unknown']) })]),
} as const;

export type ResultKind = keyof typeof RESULT_SCHEMAS;

/** A failure must be a classified ConnectorFailure: anything else thrown is a parser bug. */
export function classOf(error: unknown): string {
  if (!isConnectorFailure(error)) throw new Error(`not a ConnectorFailure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (error.error.class === 'auth' && !AUTH_FAILURE_REASONS.includes(error.error.reason)) throw new Error(`unknown auth reason ${error.error.reason}`);
  return error.error.class;
}
