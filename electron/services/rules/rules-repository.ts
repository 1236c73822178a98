import { newId } from '@shared/ids';
import type { RuleSummary, RuleVersionEntry } from '@shared/rules/model';
import { ruleDefinitionSchema, type RuleDefinition } from '@shared/rules/schema';
import { backtestRequiredMessage } from '@shared/rules/backtest-gate';
import { AppFailure } from '@shared/result';
import type { Reader, Store, Tx } from '../store/database';
import { sql } from '../store/sql';
import { joinRuleHash, recordBacktest, requireFreshBacktest } from './backtest-record';

interface RuleRaw {
  id: string;
  name: string;
  version: number;
  mode: string;
  definition: string;
  backtested_version: number | null;
  hits: number;
  last_hit_at: number | null;
  updated_at: number;
}

/** JSON columns are parsed with the same schema that validated them on the way in (STYLE §10). */
export const parseDefinition = (json: string): RuleDefinition => ruleDefinitionSchema.parse(JSON.parse(json));

const toSummary = (r: RuleRaw): RuleSummary => ({
  id: r.id,
  name: r.name,
  version: r.version,
  enabled: r.mode === 'auto',
  definition: parseDefinition(r.definition),
  backtestedVersion: r.backtested_version,
  hits: r.hits,
  lastHitAt: r.last_hit_at,
  updatedAt: r.updated_at,
});

const COLUMNS = sql`id, name, version, mode, definition, backtested_version, hits, last_hit_at, updated_at`;
const ACTIVE = sql`kind = 'join' AND deleted_at IS NULL`;

/** In the order they are tried: the first enabled rule that matches a new request acts on it. */
export async function listRules(reader: Reader): Promise<RuleSummary[]> {
  return (await reader.all<RuleRaw>(sql`SELECT ${COLUMNS} FROM rules WHERE ${ACTIVE} ORDER BY position, created_at`)).map(toSummary);
}

export async function getRule(reader: Reader, id: string): Promise<RuleSummary> {
  const row = await reader.get<RuleRaw>(sql`SELECT ${COLUMNS} FROM rules WHERE id = ${id} AND ${ACTIVE}`);
  if (!row) throw new AppFailure('not-found', 'That rule was deleted.');
  return toSummary(row);
}

/** The enabled rules, read inside the runner's transaction so a pause takes effect at once. */
export async function enabledRules(tx: Tx): Promise<RuleSummary[]> {
  return (await tx.all<RuleRaw>(sql`SELECT ${COLUMNS} FROM rules WHERE ${ACTIVE} AND mode = 'auto' ORDER BY position, created_at`)).map(toSummary);
}

export async function ruleVersions(reader: Reader, id: string): Promise<RuleVersionEntry[]> {
  const rows = await reader.all<{ version: number; definition: string; created_at: number; actor: string }>(
    sql`SELECT version, definition, created_at, actor FROM rule_versions WHERE rule_id = ${id} ORDER BY version DESC`,
  );
  return rows.map((r) => ({ version: r.version, definition: parseDefinition(r.definition), createdAt: r.created_at, actor: r.actor }));
}

export interface Acting {
  readonly actor: string;
  readonly device: string;
  readonly now: number;
}

async function audit(tx: Tx, acting: Acting, action: string, ruleId: string, after: Record<string, unknown>, summary: string): Promise<void> {
  await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
    VALUES (${newId(acting.now)}, ${acting.now}, ${acting.actor}, ${acting.device}, ${action}, 'rule', ${ruleId}, NULL, ${JSON.stringify(after)}, ${summary})`);
  tx.touch('rules', 'audit_log');
}

/**
 * A new rule, or a new version of one. A new version is paused: what was backtested
 * and enabled was the previous version, and this one has not been tried yet.
 */
export async function saveRule(store: Store, input: { id?: string | undefined; definition: RuleDefinition } & Acting): Promise<RuleSummary> {
  const { definition, now } = input;
  const json = JSON.stringify(definition);
  const id = await store.writer.transaction(async (tx) => {
    if (definition.action.kind === 'decline') {
      const reason = await tx.get(sql`SELECT 1 AS found FROM decision_reasons WHERE id = ${definition.action.reasonId} AND deleted_at IS NULL`);
      if (!reason) throw new AppFailure('invalid-input', 'The decline reason is no longer in the library; pick another.');
    }
    let ruleId = input.id;
    let version = 1;
    if (ruleId) {
      const current = await tx.get<{ version: number }>(sql`SELECT version FROM rules WHERE id = ${ruleId} AND ${ACTIVE}`);
      if (!current) throw new AppFailure('not-found', 'That rule was deleted.');
      version = current.version + 1;
      await tx.run(sql`UPDATE rules SET name = ${definition.name}, definition = ${json}, version = ${version}, mode = 'off', updated_at = ${now}
        WHERE id = ${ruleId}`);
    } else {
      ruleId = newId(now);
      await tx.run(sql`INSERT INTO rules (id, kind, name, definition, mode, position, version, created_at, updated_at)
        VALUES (${ruleId}, 'join', ${definition.name}, ${json}, 'off',
          (SELECT coalesce(max(position), 0) + 1 FROM rules WHERE kind = 'join'), 1, ${now}, ${now})`);
    }
    await tx.run(sql`INSERT INTO rule_versions (rule_id, version, definition, actor, created_at) VALUES (${ruleId}, ${version}, ${json}, ${input.actor}, ${now})`);
    await audit(tx, input, 'rule.save', ruleId, { version, definition }, `Saved rule “${definition.name}” version ${version} (paused)`);
    return ruleId;
  });
  return getRule(store.reader, id);
}

/**
 * Pausing is immediate. Enabling needs a backtest of the current version (the editor saves,
 * then backtests by rule id) from the last day: `requireFreshBacktest`. Main checks it,
 * whatever the caller showed, before anything is written.
 */
export async function setRuleEnabled(store: Store, input: { id: string; enabled: boolean } & Acting): Promise<RuleSummary> {
  await store.writer.transaction(async (tx) => {
    const rule = await tx.get<{ name: string; version: number; backtested_version: number | null; definition: string }>(
      sql`SELECT name, version, backtested_version, definition FROM rules WHERE id = ${input.id} AND ${ACTIVE}`,
    );
    if (!rule) throw new AppFailure('not-found', 'That rule was deleted.');
    if (input.enabled) {
      if (rule.backtested_version !== rule.version) throw new AppFailure('conflict', backtestRequiredMessage('never'));
      await requireFreshBacktest(tx, 'join', joinRuleHash(parseDefinition(rule.definition)), input.now);
    }
    await tx.run(sql`UPDATE rules SET mode = ${input.enabled ? 'auto' : 'off'}, updated_at = ${input.now} WHERE id = ${input.id}`);
    await audit(tx, input, input.enabled ? 'rule.enable' : 'rule.pause', input.id, { version: rule.version },
      `${input.enabled ? 'Enabled' : 'Paused'} rule “${rule.name}” version ${rule.version}`);
  });
  return getRule(store.reader, input.id);
}

/** Kept with its versions (audit entries name them); gone from the list and from the runner. */
export async function deleteRule(store: Store, input: { id: string } & Acting): Promise<boolean> {
  return store.writer.transaction(async (tx) => {
    const rule = await tx.get<{ name: string; version: number }>(sql`SELECT name, version FROM rules WHERE id = ${input.id} AND ${ACTIVE}`);
    if (!rule) return false;
    await tx.run(sql`UPDATE rules SET deleted_at = ${input.now}, mode = 'off', updated_at = ${input.now} WHERE id = ${input.id}`);
    await audit(tx, input, 'rule.delete', input.id, { version: rule.version }, `Deleted rule “${rule.name}”`);
    return true;
  });
}

/**
 * After a backtest of a saved rule finished: records what was tested (the hash of the
 * definition that ran, in the audit log) and marks `version` backtested, unless the rule
 * has moved on since (then the record only vouches for the old definition).
 */
export async function markBacktested(
  store: Store,
  run: { id: string; version: number; definition: RuleDefinition; scanned: number; matched: number } & Acting,
): Promise<void> {
  await store.writer.transaction(async (tx) => {
    const record = { kind: 'join' as const, hash: joinRuleHash(run.definition), name: run.definition.name, scanned: run.scanned, matched: run.matched };
    await recordBacktest(tx, { ...record, ruleId: run.id, version: run.version }, run, run.now);
    await tx.run(sql`UPDATE rules SET backtested_version = ${run.version} WHERE id = ${run.id} AND version = ${run.version}`);
    tx.touch('rules');
  });
}
