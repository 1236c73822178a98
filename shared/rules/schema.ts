import { z } from 'zod';
import { CONNECTION_KINDS } from '../domain/connection';
import { JOIN_SIGNALS } from '../domain/join-request';
import { MAX_PATTERN_LENGTH, regexProblem } from './regex';

/**
 * A join-request rule as stored (JSON, one row per version) and as sent by the editor:
 * every condition must hold (AND); `not` turns a condition around. Validated here on
 * the way in and parsed again on the way out of the store.
 */
export const MAX_CONDITIONS = 10;
export const MAX_KEYWORDS = 50;

const id = z.string().min(1).max(64);
const days = z.number().int().min(0).max(36_500);
const not = z.boolean().optional();

export const ruleConditionSchema = z.discriminatedUnion('kind', [
  /** Whole words, ignoring case, accents and punctuation, anywhere in the answers. */
  z.object({ kind: z.literal('answer-keywords'), words: z.array(z.string().trim().min(1).max(100)).min(1).max(MAX_KEYWORDS), match: z.enum(['any', 'all']), not }).strict(),
  /** Some answer matches the pattern (the linear-time subset in `regex/`). */
  z.object({ kind: z.literal('answer-regex'), pattern: z.string().min(1).max(MAX_PATTERN_LENGTH), caseSensitive: z.boolean().optional(), not }).strict(),
  /** No answer has any text (also true when the community asks no questions). */
  z.object({ kind: z.literal('answers-empty'), not }).strict(),
  /** Age of the account when it asked to join; an unknown age matches neither bound. */
  z.object({ kind: z.literal('account-age'), youngerThanDays: days.optional(), atLeastDays: days.optional(), not }).strict(),
  z.object({ kind: z.literal('signal'), signal: z.enum(JOIN_SIGNALS), not }).strict(),
  z.object({ kind: z.literal('community'), communityIds: z.array(id).min(1).max(200), includeSubgroups: z.boolean(), not }).strict(),
  z.object({ kind: z.literal('platform'), platforms: z.array(z.enum(CONNECTION_KINDS)).min(1).max(CONNECTION_KINDS.length), not }).strict(),
]);
export type RuleCondition = z.infer<typeof ruleConditionSchema>;
export type RuleConditionKind = RuleCondition['kind'];
export const RULE_CONDITION_KINDS = ['answer-keywords', 'answer-regex', 'answers-empty', 'account-age', 'signal', 'community', 'platform'] as const satisfies readonly RuleConditionKind[];

export const ruleActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approve') }).strict(),
  /** With a reason from the library: its text is stored and sent where the platform takes one. */
  z.object({ kind: z.literal('decline'), reasonId: id, ban: z.boolean().optional() }).strict(),
  /** Leaves the request pending with a visible marker (the `marked-for-review` signal). */
  z.object({ kind: z.literal('review') }).strict(),
]);
export type RuleAction = z.infer<typeof ruleActionSchema>;
export type RuleActionKind = RuleAction['kind'];

export const ruleDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    conditions: z.array(ruleConditionSchema).min(1).max(MAX_CONDITIONS),
    action: ruleActionSchema,
  })
  .strict()
  .superRefine((definition, ctx) => {
    definition.conditions.forEach((condition, index) => {
      if (condition.kind === 'answer-regex') {
        const problem = regexProblem(condition.pattern);
        if (problem) ctx.addIssue({ code: 'custom', path: ['conditions', index, 'pattern'], message: problem });
      }
      if (condition.kind === 'account-age') {
        const { youngerThanDays: younger, atLeastDays: atLeast } = condition;
        if (younger === undefined && atLeast === undefined)
          ctx.addIssue({ code: 'custom', path: ['conditions', index], message: 'Give "younger than" or "at least" (or both).' });
        if (younger !== undefined && atLeast !== undefined && atLeast >= younger)
          ctx.addIssue({ code: 'custom', path: ['conditions', index], message: '"At least" must be below "younger than", or nothing can match.' });
      }
    });
  });
export type RuleDefinition = z.infer<typeof ruleDefinitionSchema>;
