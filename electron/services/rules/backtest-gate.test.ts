import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import type { RuleDefinition } from '@shared/rules/schema';
import { listAlertRules, recordAlertBacktest, saveAlertRule } from '../flags/alert-rules/rules-repository';
import { openTempStore, T0, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { BACKTEST_FRESH_MS } from './backtest-record';
import { getRule, markBacktested, saveRule, setRuleEnabled } from './rules-repository';
import { acting, SPAM_REASON } from './testing';

/**
 * "Backtest before enabling" held by main on a real SQLite file: whatever a caller sends,
 * a rule is switched on only after a recent backtest of exactly the test it will run, and
 * a refusal writes nothing.
 */
let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore('modboard-backtest-gate-');
});
afterEach(() => temp.cleanup());

const HOUR = 60 * 60 * 1000;
const by = { actor: 'me', device: 'desk-1' };
/** Everything a refused call could have touched. */
const snapshot = async () => ({
  rules: await temp.store.reader.all(sql`SELECT id, name, mode, version, definition, backtested_version FROM rules ORDER BY id`),
  versions: await temp.store.reader.all(sql`SELECT rule_id, version FROM rule_versions ORDER BY rule_id, version`),
  audit: await temp.store.reader.all(sql`SELECT seq FROM audit_log ORDER BY seq`),
});

describe('join-request rules', () => {
  const rule: RuleDefinition = {
    name: 'Crypto answers',
    conditions: [{ kind: 'answer-regex', pattern: 'crypto|forex' }],
    action: { kind: 'decline', reasonId: SPAM_REASON },
  };
  const backtest = (saved: { id: string; version: number; definition: RuleDefinition }, now: number) =>
    markBacktested(temp.store, { id: saved.id, version: saved.version, definition: saved.definition, scanned: 10, matched: 2, ...acting(now) });

  it('refuses to enable a rule never backtested, and writes nothing', async () => {
    const saved = await saveRule(temp.store, { definition: rule, ...acting(T0) });
    const before = await snapshot();
    await expect(setRuleEnabled(temp.store, { id: saved.id, enabled: true, ...acting(T0) })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Backtest this rule before enabling it/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('enables after a backtest of the current version, which the audit log records by the definition’s hash', async () => {
    const saved = await saveRule(temp.store, { definition: rule, ...acting(T0) });
    await backtest(saved, T0);
    expect(await setRuleEnabled(temp.store, { id: saved.id, enabled: true, ...acting(T0 + HOUR) })).toMatchObject({ enabled: true });
    const log = await temp.store.reader.all<{ action: string; subject_type: string; summary: string }>(
      sql`SELECT action, subject_type, summary FROM audit_log WHERE action = 'rule.backtest'`,
    );
    expect(log).toEqual([{ action: 'rule.backtest', subject_type: 'join-rule-definition', summary: 'Backtested rule “Crypto answers” over 10 stored requests: 2 matched' }]);
  });

  it('refuses after the pattern changed since the backtest: the new version is paused and untested', async () => {
    const first = await saveRule(temp.store, { definition: rule, ...acting(T0) });
    await backtest(first, T0);
    await setRuleEnabled(temp.store, { id: first.id, enabled: true, ...acting(T0) });
    const edited = await saveRule(temp.store, { id: first.id, definition: { ...rule, conditions: [{ kind: 'answer-regex', pattern: 'crypto' }] }, ...acting(T0 + 1) });
    expect(edited).toMatchObject({ version: 2, enabled: false });
    // A late answer for version 1 vouches for version 1 only.
    await backtest(first, T0 + 2);
    await expect(setRuleEnabled(temp.store, { id: first.id, enabled: true, ...acting(T0 + 3) })).rejects.toThrow(/Backtest this rule before enabling it/);
    expect((await getRule(temp.store.reader, first.id)).enabled).toBe(false);
  });

  it('refuses a backtest older than the window, and takes one just inside it', async () => {
    const saved = await saveRule(temp.store, { definition: rule, ...acting(T0) });
    await backtest(saved, T0);
    await expect(setRuleEnabled(temp.store, { id: saved.id, enabled: true, ...acting(T0 + BACKTEST_FRESH_MS + 1) })).rejects.toThrow(/more than 24 hours old/);
    expect(await setRuleEnabled(temp.store, { id: saved.id, enabled: true, ...acting(T0 + BACKTEST_FRESH_MS) })).toMatchObject({ enabled: true });
  });
});

describe('alert rules', () => {
  const pills: AlertRuleDefinition = { name: 'Pills', match: { kind: 'regex', pattern: 'ph[a4]rma|pills' } };
  const save = (definition: AlertRuleDefinition, enabled: boolean, now: number, id?: string) => saveAlertRule(temp.store, { id, definition, enabled, ...by }, now);
  const backtest = (definition: AlertRuleDefinition, now: number) => recordAlertBacktest(temp.store, { definition, scanned: 500, matched: 7, ...by }, now);

  it('refuses to add a rule on without a backtest, and writes nothing', async () => {
    const before = await snapshot();
    await expect(save(pills, true, T0)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/this exact definition has not been backtested/) });
    expect(await snapshot()).toEqual(before);
    expect(await save(pills, false, T0)).toMatchObject({ enabled: false });
  });

  it('enables after a backtest of the same test; a renamed copy needs none, a changed pattern does', async () => {
    await backtest(pills, T0);
    expect(await save({ ...pills, name: 'Pharma spam' }, true, T0 + HOUR)).toMatchObject({ enabled: true });
    await expect(save({ name: 'Pills', match: { kind: 'regex', pattern: 'pills|viagra' } }, true, T0 + HOUR)).rejects.toThrow(/Backtest this rule before enabling it/);
  });

  it('an enabled rule keeps running through a rename, but a new pattern needs its own backtest (or is saved off)', async () => {
    await backtest(pills, T0);
    const on = await save(pills, true, T0);
    // Two days later, well past the window: a rename of the running rule needs no new backtest.
    expect(await save({ ...pills, name: 'Pharma' }, true, T0 + 48 * HOUR, on.id)).toMatchObject({ enabled: true, version: 2 });
    const before = await snapshot();
    const changed: AlertRuleDefinition = { name: 'Pharma', match: { kind: 'regex', pattern: 'pills|viagra' } };
    await expect(save(changed, true, T0 + 49 * HOUR, on.id)).rejects.toThrow(/Backtest this rule before enabling it/);
    expect(await snapshot()).toEqual(before);
    expect((await listAlertRules(temp.store.reader))[0]).toMatchObject({ enabled: true, definition: { match: pills.match } });
    await backtest(changed, T0 + 49 * HOUR);
    expect(await save(changed, true, T0 + 49 * HOUR, on.id)).toMatchObject({ enabled: true, version: 3, definition: changed });
  });

  it('turning a rule back on needs a backtest from the last 24 hours; turning it off never waits', async () => {
    await backtest(pills, T0);
    const on = await save(pills, true, T0);
    expect(await save(pills, false, T0 + HOUR, on.id)).toMatchObject({ enabled: false });
    await expect(save(pills, true, T0 + BACKTEST_FRESH_MS + 1, on.id)).rejects.toThrow(/more than 24 hours old/);
    await backtest(pills, T0 + BACKTEST_FRESH_MS + 2);
    expect(await save(pills, true, T0 + BACKTEST_FRESH_MS + 3, on.id)).toMatchObject({ enabled: true });
  });
});
