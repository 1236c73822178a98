import type { AlertRule, AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import { alertRuleDefinitionSchema } from '@shared/flags/alert-rule-schema';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import type { Reader, Store, Tx } from '../../store/database';
import { appendAudit, type ActingAs } from '../../store/repositories/audit';
import { sql } from '../../store/sql';
import { alertRuleHash, recordBacktest, requireFreshBacktest } from '../../rules/backtest-record';

interface Raw {
  id: string;
  version: number;
  mode: string;
  definition: string;
  hits: number;
  last_hit_at: number | null;
}

/**
 * Alert rules live in `rules` with kind `alert` (join-request rules share the table with
 * kind `join`): mode `auto` is on, `off` paused; every save of a changed definition is a
 * new version in `rule_versions`. A stored definition this version cannot read is skipped.
 */
function toRule(r: Raw): AlertRule | null {
  const parsed = alertRuleDefinitionSchema.safeParse(JSON.parse(r.definition));
  if (!parsed.success) return null;
  return { id: r.id, version: r.version, enabled: r.mode !== 'off', definition: parsed.data, hits: r.hits, lastHitAt: r.last_hit_at };
}

const SELECT = sql`SELECT id, version, mode, definition, hits, last_hit_at FROM rules WHERE kind = 'alert' AND deleted_at IS NULL`;

export async function listAlertRules(reader: Reader | Tx): Promise<AlertRule[]> {
  return (await reader.all<Raw>(sql`${SELECT} ORDER BY position, created_at`)).map(toRule).filter((r): r is AlertRule => r !== null);
}

export async function enabledAlertRules(tx: Tx): Promise<AlertRule[]> {
  return (await tx.all<Raw>(sql`${SELECT} AND mode <> 'off' ORDER BY position, created_at`)).map(toRule).filter((r): r is AlertRule => r !== null);
}

/** Whether a stored definition runs the same test as a new one (a stored one this version cannot read never does). */
function sameTest(stored: string, next: AlertRuleDefinition): boolean {
  const parsed = alertRuleDefinitionSchema.safeParse(JSON.parse(stored));
  return parsed.success && alertRuleHash(parsed.data) === alertRuleHash(next);
}

/**
 * Saves a rule on or off. Turning one on, adding one on, or changing the test of one that is
 * on needs a backtest of that test from the last day (`recordAlertBacktest`); otherwise a
 * `conflict` "Backtest this rule before enabling it". A rename or switching off needs none.
 */
export async function saveAlertRule(
  store: Store,
  input: { id?: string | undefined; definition: AlertRuleDefinition; enabled: boolean } & ActingAs,
  now: number,
): Promise<AlertRule> {
  const definition = JSON.stringify(input.definition);
  const mode = input.enabled ? 'auto' : 'off';
  const id = input.id ?? newId(now);
  await store.writer.transaction(async (tx) => {
    const current = input.id ? await tx.get<{ version: number; definition: string; mode: string }>(sql`SELECT version, definition, mode FROM rules
      WHERE id = ${input.id} AND kind = 'alert' AND deleted_at IS NULL`) : undefined;
    if (input.id && !current) throw new AppFailure('not-found', 'That alert rule was deleted.');
    // Main, not only the form, holds "backtest before enabling": switching a rule on, or
    // changing the test of one that is on, needs a recent backtest of the test it will run.
    // Refused before anything is written; the caller's edit stays in its form.
    if (input.enabled && !(current && current.mode !== 'off' && sameTest(current.definition, input.definition)))
      await requireFreshBacktest(tx, 'alert', alertRuleHash(input.definition), now);
    const version = current ? current.version + (current.definition === definition ? 0 : 1) : 1;
    if (current) {
      await tx.run(sql`UPDATE rules SET name = ${input.definition.name}, definition = ${definition}, mode = ${mode}, version = ${version},
        updated_at = ${now} WHERE id = ${id}`);
    } else {
      await tx.run(sql`INSERT INTO rules (id, kind, name, definition, mode, position, created_at, updated_at, version)
        VALUES (${id}, 'alert', ${input.definition.name}, ${definition}, ${mode},
          (SELECT coalesce(max(position), 0) + 1 FROM rules WHERE kind = 'alert'), ${now}, ${now}, 1)`);
    }
    if (!current || version !== current.version)
      await tx.run(sql`INSERT INTO rule_versions (rule_id, version, definition, actor, created_at) VALUES (${id}, ${version}, ${definition}, ${input.actor}, ${now})`);
    await appendAudit(tx, {
      actor: input.actor,
      device: input.device,
      action: current ? 'alert-rule.save' : 'alert-rule.add',
      subjectType: 'rule',
      subjectId: id,
      after: { version, enabled: input.enabled, definition: input.definition },
      summary: `${current ? 'Saved' : 'Added'} alert rule “${input.definition.name}” (version ${version}, ${input.enabled ? 'on' : 'off'})`,
      at: now,
    });
    tx.touch('rules');
  });
  const saved = (await listAlertRules(store.reader)).find((rule) => rule.id === id);
  if (!saved) throw new AppFailure('internal', 'The alert rule was saved but cannot be read back.');
  return saved;
}

/** Deleted rules stay in the table (with their versions) so reports keep naming the rule that raised them. */
export async function deleteAlertRule(store: Store, id: string, by: ActingAs, now: number): Promise<boolean> {
  return store.writer.transaction(async (tx) => {
    const { changes } = await tx.run(sql`UPDATE rules SET deleted_at = ${now}, mode = 'off', updated_at = ${now}
      WHERE id = ${id} AND kind = 'alert' AND deleted_at IS NULL`);
    if (changes > 0) {
      await appendAudit(tx, { ...by, action: 'alert-rule.delete', subjectType: 'rule', subjectId: id, summary: 'Deleted an alert rule', at: now });
      tx.touch('rules');
    }
    return changes > 0;
  });
}

/** After `backtestAlertRule` finished: the record that lets exactly this test be enabled for a day. */
export async function recordAlertBacktest(
  store: Store,
  run: { definition: AlertRuleDefinition; scanned: number; matched: number } & ActingAs,
  now: number,
): Promise<void> {
  await store.writer.transaction(async (tx) => {
    const { definition, scanned, matched, actor, device } = run;
    await recordBacktest(tx, { kind: 'alert', hash: alertRuleHash(definition), name: definition.name, scanned, matched }, { actor, device }, now);
  });
}
