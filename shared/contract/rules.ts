import { z } from 'zod';
import type { BacktestResult, RuleSummary, RuleVersionEntry } from '../rules/model';
import { ruleDefinitionSchema } from '../rules/schema';
import { call } from './define';

const id = z.string().min(1).max(64);

/** Join-request rules: definitions with versions, a switch, and a backtest over stored history. */
export const ruleCalls = {
  'rules.list': call(z.object({}).strict()).returns<readonly RuleSummary[]>(),
  'rules.versions': call(z.object({ id }).strict()).returns<readonly RuleVersionEntry[]>(),
  /** Creates a rule, or a new version of one (which pauses it until its own backtest and enabling). */
  'rules.save': call(z.object({ id: id.optional(), definition: ruleDefinitionSchema }).strict()).returns<RuleSummary>(),
  /** Enabling needs a backtest of the current version; pausing is immediate. */
  'rules.setEnabled': call(z.object({ id, enabled: z.boolean() }).strict()).returns<RuleSummary>(),
  'rules.delete': call(z.object({ id }).strict()).returns<{ readonly deleted: boolean }>(),
  /** A saved rule's current version (`ruleId`), or a draft not saved yet (`definition`). */
  'rules.backtest': call(
    z.union([z.object({ ruleId: id }).strict(), z.object({ definition: ruleDefinitionSchema }).strict()]),
  ).returns<BacktestResult>(),
} as const;
