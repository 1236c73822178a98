import { z } from 'zod';
import { alertRuleDefinitionSchema, type AlertRule } from '../flags/alert-rule-schema';
import { MAX_WARNING_LENGTH } from '../flags/warning-template';
import type { DecisionPreview, DecisionReason, UndoResult } from '../domain/decisions';
import { LIFTABLE_SANCTIONS, type BanScope, type ConnectionCapabilities, type ExportedCase, type FlagDecisionResult, type FlagDetail, type LiftResult, type RecentFlagAction } from '../domain/flagged';
import type { AlertBacktestResult } from '../domain/flagged-backtest';
import { MAX_SEARCH_LENGTH } from '../table/window';
import { call } from './define';
import { flaggedFiltersSchema } from './tables';

const id = z.string().min(1).max(64);
export const MAX_FLAG_TARGETS = 50_000;
/** The longest delete-history window platforms take with a ban (Discord: 7 days). */
export const MAX_DELETE_HISTORY_SECONDS = 604_800;
const note = z.string().trim().min(1).max(2000);

/**
 * What an action applies to: flags by id (one, or a selection), every flag matching a
 * query (minus the ones unticked), or every open flag of the author of one flag.
 */
export const flagTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(MAX_FLAG_TARGETS) }).strict(),
  z
    .object({
      kind: z.literal('query'),
      filters: flaggedFiltersSchema,
      search: z.string().max(MAX_SEARCH_LENGTH).optional(),
      except: z.array(id).max(MAX_FLAG_TARGETS),
    })
    .strict(),
  z.object({ kind: z.literal('author'), flagId: id }).strict(),
]);
export type FlagTarget = z.infer<typeof flagTargetSchema>;

/** Where a ban reaches: each flag's own community, every community the author is in, or chosen ones (one author only). */
export const banScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flag-community') }).strict(),
  z.object({ kind: z.literal('member-communities') }).strict(),
  z.object({ kind: z.literal('communities'), communityIds: z.array(id).min(1).max(1000) }).strict(),
]);
export type BanScopeChoice = z.infer<typeof banScopeSchema>;

export const flagActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dismiss'), note: note.optional() }).strict(),
  z.object({ kind: z.literal('remove'), note: note.optional() }).strict(),
  /** The warning: a removal reason from the library (`reasonId`), or a one-off template (`warningText`). */
  z
    .object({ kind: z.literal('remove-warn'), reasonId: id.optional(), warningText: z.string().trim().min(1).max(MAX_WARNING_LENGTH).optional() })
    .strict()
    .refine((a) => (a.reasonId === undefined) !== (a.warningText === undefined), 'Give a reason from the library or a one-off warning, not both'),
  /** `minutes: null` mutes until unmuted. */
  z.object({ kind: z.literal('mute'), minutes: z.number().int().min(1).max(366 * 24 * 60).nullable() }).strict(),
  z.object({ kind: z.literal('kick') }).strict(),
  /**
   * `minutes`: a ban that ends by itself (needs `member.banTimed`); absent, until lifted.
   * `deleteHistorySeconds`: the platform also deletes the author's messages from that far back (at most 7 days).
   */
  z
    .object({
      kind: z.literal('ban'),
      scope: banScopeSchema,
      minutes: z.number().int().min(1).max(366 * 24 * 60).optional(),
      deleteHistorySeconds: z.number().int().min(0).max(MAX_DELETE_HISTORY_SECONDS).optional(),
    })
    .strict(),
  /** The author's messages sent within the last `withinHours`, wherever they are stored. */
  z.object({ kind: z.literal('purge'), withinHours: z.number().int().min(1).max(24 * 90) }).strict(),
]);
export type FlagAction = z.infer<typeof flagActionSchema>;

/** Whose ban or mute to lift (a member id; every linked identity of the person is included), and where. */
export const liftSanctionSchema = z
  .object({
    personId: id,
    communities: z.union([z.literal('all'), z.array(id).min(1).max(1000)]),
    kind: z.enum(LIFTABLE_SANCTIONS),
  })
  .strict();
export type LiftSanctionInput = z.infer<typeof liftSanctionSchema>;

const reasonInput = z
  .object({ id: id.optional(), label: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(MAX_WARNING_LENGTH) })
  .strict();

export const flaggedCalls = {
  /** The flagged message in its conversation, its reports, its author across your communities, and the evidence kept. */
  'flagged.detail': call(z.object({ id }).strict()).returns<FlagDetail>(),
  /** Counts per community of what an action on `target` would reach, for the bulk confirmation. */
  'flagged.preview': call(z.object({ target: flagTargetSchema, action: flagActionSchema }).strict()).returns<DecisionPreview>(),
  'flagged.decide': call(z.object({ target: flagTargetSchema, action: flagActionSchema }).strict()).returns<FlagDecisionResult>(),
  /** The communities a ban of this flag's author can reach, with which the author is in and which platforms can ban. */
  'flagged.banScope': call(z.object({ flagId: id }).strict()).returns<BanScope>(),
  /** Each connection's connector capabilities, read from its descriptor. */
  'flagged.capabilities': call(z.object({}).strict()).returns<readonly ConnectionCapabilities[]>(),
  'flagged.recentActions': call(z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict()).returns<readonly RecentFlagAction[]>(),
  'flagged.undo': call(z.object({ actionId: id }).strict()).returns<UndoResult>(),
  /**
   * Lifts a ban or mute that reached the platform (use undo while it waits out the grace period):
   * one `unban`/`unmute` push per identity and community, itself undoable within the grace period.
   */
  'flagged.liftSanction': call(liftSanctionSchema).returns<LiftResult>(),
  /** The case with its evidence (each snapshot verified against its hash) as a file's text. */
  'flagged.export': call(z.object({ flagId: id, format: z.enum(['json', 'csv']) }).strict()).returns<ExportedCase>(),
  'removalReasons.list': call(z.object({}).strict()).returns<readonly DecisionReason[]>(),
  'removalReasons.save': call(reasonInput).returns<DecisionReason>(),
  'removalReasons.delete': call(z.object({ id }).strict()).returns<{ readonly deleted: boolean }>(),
  'alertRules.list': call(z.object({}).strict()).returns<readonly AlertRule[]>(),
  /** Creates a rule or a new version of one; it applies to messages that arrive from then on. */
  'alertRules.save': call(z.object({ id: id.optional(), definition: alertRuleDefinitionSchema, enabled: z.boolean() }).strict()).returns<AlertRule>(),
  'alertRules.delete': call(z.object({ id }).strict()).returns<{ readonly deleted: boolean }>(),
  /** Runs a rule over every stored message before it is enabled: matches per community, samples, and matches a moderator dismissed. */
  'alertRules.backtest': call(z.object({ definition: alertRuleDefinitionSchema }).strict()).returns<AlertBacktestResult>(),
} as const;
