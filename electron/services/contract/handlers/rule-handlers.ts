import type { ServiceContext } from '../../app/context';
import { backtestRule } from '../../rules/backtest';
import { deleteRule, getRule, listRules, markBacktested, ruleVersions, saveRule, setRuleEnabled } from '../../rules/rules-repository';
import type { Handlers } from '../dispatch';

type RuleHandlers = Pick<Handlers, 'rules.list' | 'rules.versions' | 'rules.save' | 'rules.setEnabled' | 'rules.delete' | 'rules.backtest'>;

/** The Rules panel's calls. The rule runner itself is started and stopped by the composition root. */
export function ruleHandlers(context: ServiceContext): RuleHandlers {
  const { store } = context;
  const acting = () => ({ actor: context.actor, device: context.settings.get().deviceId, now: Date.now() });
  return {
    'rules.list': () => listRules(store.reader),
    'rules.versions': ({ id }) => ruleVersions(store.reader, id),
    'rules.save': ({ id, definition }) => saveRule(store, { id, definition, ...acting() }),
    'rules.setEnabled': ({ id, enabled }) => setRuleEnabled(store, { id, enabled, ...acting() }),
    'rules.delete': async ({ id }) => ({ deleted: await deleteRule(store, { id, ...acting() }) }),
    'rules.backtest': async (input) => {
      if ('definition' in input) return backtestRule(store.reader, input.definition, { ruleId: null, version: null });
      const rule = await getRule(store.reader, input.ruleId);
      const result = await backtestRule(store.reader, rule.definition, { ruleId: rule.id, version: rule.version });
      await markBacktested(store, { id: rule.id, version: rule.version, definition: rule.definition, scanned: result.scanned, matched: result.matched, ...acting() });
      return result;
    },
  };
}
