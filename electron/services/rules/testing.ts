import type { RuleSummary } from '@shared/rules/model';
import type { RuleDefinition } from '@shared/rules/schema';
import type { Logger } from '../app/host';
import type { Store } from '../store/database';
import { markBacktested, saveRule, setRuleEnabled } from './rules-repository';

/** Test support for the rules service (imported by *.test.ts only). */
export const SPAM_REASON = '01JREASON0000000000000002';
export const SPAM_REASON_TEXT = 'Your request looks like spam or advertising.';

export const silentLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export const acting = (now: number) => ({ actor: 'me', device: 'TESTDESK', now });

/** Saves a rule (as `versions` successive saves), backtests it on paper and switches it on. */
export async function enabledRule(store: Store, definition: RuleDefinition, now: number, versions = 1): Promise<RuleSummary> {
  let saved = await saveRule(store, { definition, ...acting(now) });
  for (let v = 1; v < versions; v++) saved = await saveRule(store, { id: saved.id, definition, ...acting(now) });
  await markBacktested(store, { id: saved.id, version: saved.version, definition: saved.definition, scanned: 0, matched: 0, ...acting(now) });
  return setRuleEnabled(store, { id: saved.id, enabled: true, ...acting(now) });
}
