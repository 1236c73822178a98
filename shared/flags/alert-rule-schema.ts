import { z } from 'zod';
import { MAX_PATTERN_LENGTH, regexProblem } from '../rules/regex';

/**
 * The console's own alert rules over messages as they sync: each flags what matches for
 * review (a report raised by the rule, on the flagged queue). Stored in `rules` with
 * kind `alert`; validated here on the way in and parsed again on the way out.
 */
export const MAX_ALERT_WORDS = 50;
export const MAX_ALERT_DOMAINS = 100;

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(253)
  .regex(/^(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}$/u, 'A domain looks like example.com');

export const alertMatchSchema = z.discriminatedUnion('kind', [
  /** Whole words, ignoring case, accents and punctuation. */
  z.object({ kind: z.literal('keywords'), words: z.array(z.string().trim().min(1).max(100)).min(1).max(MAX_ALERT_WORDS), match: z.enum(['any', 'all']) }).strict(),
  /** The linear-time pattern subset of `shared/rules/regex` (no backreferences or lookaround). */
  z.object({ kind: z.literal('regex'), pattern: z.string().min(1).max(MAX_PATTERN_LENGTH), caseSensitive: z.boolean().optional() }).strict(),
  /** A link to one of these domains or their subdomains. */
  z.object({ kind: z.literal('link-domains'), domains: z.array(domain).min(1).max(MAX_ALERT_DOMAINS) }).strict(),
  /** At least this many @mentions in one message. */
  z.object({ kind: z.literal('mention-flood'), atLeast: z.number().int().min(2).max(200) }).strict(),
  /** The same text (normalized) in at least this many communities within the window. */
  z.object({ kind: z.literal('repeated-text'), communities: z.number().int().min(2).max(100), withinMinutes: z.number().int().min(1).max(7 * 24 * 60) }).strict(),
]);
export type AlertMatch = z.infer<typeof alertMatchSchema>;
export type AlertMatchKind = AlertMatch['kind'];
export const ALERT_MATCH_KINDS = ['keywords', 'regex', 'link-domains', 'mention-flood', 'repeated-text'] as const satisfies readonly AlertMatchKind[];

export const alertRuleDefinitionSchema = z
  .object({ name: z.string().trim().min(1).max(80), match: alertMatchSchema })
  .strict()
  .superRefine((definition, ctx) => {
    if (definition.match.kind !== 'regex') return;
    const problem = regexProblem(definition.match.pattern);
    if (problem) ctx.addIssue({ code: 'custom', path: ['match', 'pattern'], message: problem });
  });
export type AlertRuleDefinition = z.infer<typeof alertRuleDefinitionSchema>;

export interface AlertRule {
  readonly id: string;
  readonly version: number;
  readonly enabled: boolean;
  readonly definition: AlertRuleDefinition;
  readonly hits: number;
  readonly lastHitAt: number | null;
}

/** Texts shorter than this (normalized) are too common to count as repeated spam ("ok", "thanks!"). */
export const MIN_REPEATED_TEXT = 16;
