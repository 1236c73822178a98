import type { AlertRule, AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import type { Store } from '../../store/database';
import type { ActingAs } from '../../store/repositories/audit';
import { recordAlertBacktest, saveAlertRule } from './rules-repository';

/**
 * Test support (imported by *.test.ts only): an alert rule saved on, as the panel does it
 * after a backtest. The backtest is recorded on paper (no messages scanned), which is all
 * main's "backtest before enabling" check reads.
 */
export async function enabledAlertRule(store: Store, definition: AlertRuleDefinition, by: ActingAs, now: number, id?: string): Promise<AlertRule> {
  await recordAlertBacktest(store, { definition, scanned: 0, matched: 0, ...by }, now);
  return saveAlertRule(store, { id, definition, enabled: true, ...by }, now);
}
