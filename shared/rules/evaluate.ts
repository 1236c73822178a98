import { assertNever } from '../assert-never';
import { signalBit } from '../domain/join-request';
import type { RuleFacts } from './facts';
import { compileSafeRegex } from './regex';
import type { RuleCondition, RuleDefinition } from './schema';
import { containsWords, normalizeText, padded } from './text';

const DAY_MS = 86_400_000;
/** Machine steps a regex condition may spend on one answer (answers are few: platforms ask at most a handful of questions). */
export const REGEX_BUDGET = 200_000;

/** A condition that could not be decided (a regex over its budget) counts as failed: a rule never acts when unsure. */
type Outcome = boolean | 'inconclusive';

interface Scratch {
  /** All answers normalised into one string, made on first use. */
  words?: string;
}

interface Check {
  /** Position in the definition: what verdicts and near-misses report. */
  readonly index: number;
  /** Cheap checks run first, so a request that fails two of them never reaches a regex. */
  readonly costly: boolean;
  test(facts: RuleFacts, scratch: Scratch): Outcome;
}

export interface CompiledRule {
  readonly definition: RuleDefinition;
  readonly checks: readonly Check[];
}

export interface RuleVerdict {
  readonly matched: boolean;
  /** Indices of the conditions that did not hold (in definition order), up to the `stopAfter` given. */
  readonly failed: readonly number[];
  /** A condition ran out of its regex budget (and so counts as failed). */
  readonly inconclusive: boolean;
}

const wordsOf = (facts: RuleFacts, scratch: Scratch) => (scratch.words ??= padded(normalizeText(facts.answers.join('\n'))));

function baseTest(condition: RuleCondition): Check['test'] {
  switch (condition.kind) {
    case 'answer-keywords': {
      const words = condition.words.map(normalizeText).filter((w) => w !== '');
      return (facts, scratch) => {
        const text = wordsOf(facts, scratch);
        return condition.match === 'all' ? words.every((w) => containsWords(text, w)) : words.some((w) => containsWords(text, w));
      };
    }
    case 'answer-regex': {
      const regex = compileSafeRegex(condition.pattern, { caseSensitive: condition.caseSensitive ?? false });
      return (facts) => {
        let outcome: Outcome = false;
        for (const answer of facts.answers) {
          const found = regex.search(answer, REGEX_BUDGET);
          if (found === 'match') return true;
          if (found === 'over-budget') outcome = 'inconclusive';
        }
        return outcome;
      };
    }
    case 'answers-empty':
      return (facts) => facts.answers.every((a) => a.trim() === '');
    case 'account-age': {
      const { youngerThanDays: younger, atLeastDays: atLeast } = condition;
      return (facts) =>
        facts.accountAgeMs !== null &&
        (younger === undefined || facts.accountAgeMs < younger * DAY_MS) &&
        (atLeast === undefined || facts.accountAgeMs >= atLeast * DAY_MS);
    }
    case 'signal': {
      const bit = signalBit(condition.signal);
      return (facts) => (facts.signals & bit) !== 0;
    }
    case 'community': {
      const ids = new Set(condition.communityIds);
      return condition.includeSubgroups ? (facts) => facts.communityPath.some((id) => ids.has(id)) : (facts) => ids.has(facts.communityId);
    }
    case 'platform': {
      const kinds = new Set<string>(condition.platforms);
      return (facts) => kinds.has(facts.platform);
    }
    default:
      return assertNever(condition, 'rule condition');
  }
}

const TEXT_KINDS = new Set<RuleCondition['kind']>(['answer-keywords', 'answer-regex']);

/** Prepares a validated definition for many evaluations (patterns compiled once). */
export function compileRule(definition: RuleDefinition): CompiledRule {
  const checks = definition.conditions.map((condition, index): Check => {
    const test = baseTest(condition);
    return {
      index,
      costly: TEXT_KINDS.has(condition.kind),
      test: condition.not
        ? (facts, scratch) => {
            const outcome = test(facts, scratch);
            return outcome === 'inconclusive' ? outcome : !outcome;
          }
        : test,
    };
  });
  return { definition, checks: [...checks.filter((c) => !c.costly), ...checks.filter((c) => c.costly)] };
}

/**
 * Judges one request. Pure: the same facts always give the same verdict. `stopAfter`
 * ends the work once that many conditions failed (a backtest only needs to know "all
 * but one"); the default evaluates every condition.
 */
export function evaluateRule(rule: CompiledRule, facts: RuleFacts, stopAfter = Infinity): RuleVerdict {
  const failed: number[] = [];
  const scratch: Scratch = {};
  let inconclusive = false;
  for (const check of rule.checks) {
    const outcome = check.test(facts, scratch);
    if (outcome === true) continue;
    if (outcome === 'inconclusive') inconclusive = true;
    failed.push(check.index);
    if (failed.length >= stopAfter) break;
  }
  return { matched: failed.length === 0, failed: failed.sort((a, b) => a - b), inconclusive };
}
