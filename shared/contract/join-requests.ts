import { z } from 'zod';
import type {
  CommunityCount,
  DecisionPreview,
  DecisionReason,
  DecisionResult,
  JoinRequestDetail,
  PersonNote,
  RecentAction,
  UndoResult,
} from '../domain/decisions';
import { JOIN_DECISIONS } from '../domain/decisions';
import { MAX_SEARCH_LENGTH } from '../table/window';
import { call } from './define';
import { joinRequestFiltersSchema } from './tables';

const id = z.string().min(1).max(64);
export const MAX_EXPLICIT_TARGETS = 50_000;

/**
 * What a decision applies to: rows by id (one, or a selection), every row matching a
 * query (minus the ones unticked), or a whole cluster. Only pending rows are decided.
 */
export const joinTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(MAX_EXPLICIT_TARGETS) }).strict(),
  z
    .object({
      kind: z.literal('query'),
      filters: joinRequestFiltersSchema,
      search: z.string().max(MAX_SEARCH_LENGTH).optional(),
      except: z.array(id).max(MAX_EXPLICIT_TARGETS),
    })
    .strict(),
  z.object({ kind: z.literal('cluster'), clusterKey: z.string().min(1).max(200) }).strict(),
]);
export type JoinTarget = z.infer<typeof joinTargetSchema>;

export const joinDecisionSchema = z
  .object({
    target: joinTargetSchema,
    decision: z.enum(JOIN_DECISIONS),
    /** A reason from the library; its text is stored and sent where the platform takes one. */
    reasonId: id.optional(),
    /** A one-off reason typed by the moderator. */
    reasonText: z.string().trim().min(1).max(500).optional(),
    snoozeMinutes: z.number().int().min(1).max(60 * 24 * 30).optional(),
  })
  .strict();

const reasonInput = z
  .object({ id: id.optional(), label: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(500) })
  .strict();

export const joinRequestCalls = {
  'joinRequests.detail': call(z.object({ id }).strict()).returns<JoinRequestDetail>(),
  /**
   * Counts per community of what a decision on `target` would reach, for the bulk
   * confirmation; with `decision`, only rows whose platform can take it, the rest in `leftPending`.
   */
  'joinRequests.preview': call(z.object({ target: joinTargetSchema, decision: z.enum(JOIN_DECISIONS).optional() }).strict()).returns<DecisionPreview>(),
  'joinRequests.decide': call(joinDecisionSchema).returns<DecisionResult>(),
  /** Pending counts per community under the current filters (without the community filter itself). */
  'joinRequests.communityCounts': call(
    z.object({ filters: joinRequestFiltersSchema, search: z.string().max(MAX_SEARCH_LENGTH).optional() }).strict(),
  ).returns<readonly CommunityCount[]>(),
  'actions.recent': call(z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict()).returns<readonly RecentAction[]>(),
  'actions.undo': call(z.object({ actionId: id }).strict()).returns<UndoResult>(),
  'reasons.list': call(z.object({}).strict()).returns<readonly DecisionReason[]>(),
  'reasons.save': call(reasonInput).returns<DecisionReason>(),
  'reasons.delete': call(z.object({ id }).strict()).returns<{ readonly deleted: boolean }>(),
  'notes.add': call(z.object({ memberId: id, body: z.string().trim().min(1).max(5000) }).strict()).returns<PersonNote>(),
} as const;
