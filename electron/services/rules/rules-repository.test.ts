import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleDefinition } from '@shared/rules/schema';
import { openTempStore, T0, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { deleteRule, listRules, markBacktested, ruleVersions, saveRule, setRuleEnabled } from './rules-repository';
import { acting, SPAM_REASON } from './testing';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore('modboard-rules-repo-');
});
afterEach(() => temp.cleanup());

const tested = (rule: { id: string; version: number }, def: RuleDefinition, now = T0) =>
  markBacktested(temp.store, { id: rule.id, version: rule.version, definition: def, scanned: 0, matched: 0, ...acting(now) });

const definition: RuleDefinition = {
  name: 'No answers',
  conditions: [{ kind: 'answers-empty' }],
  action: { kind: 'decline', reasonId: SPAM_REASON },
};

describe('rules repository', () => {
  it('keeps every version; a new version is paused until its own backtest', async () => {
    const first = await saveRule(temp.store, { definition, ...acting(T0) });
    expect(first).toMatchObject({ version: 1, enabled: false, backtestedVersion: null, hits: 0 });
    await expect(setRuleEnabled(temp.store, { id: first.id, enabled: true, ...acting(T0) })).rejects.toThrow(/Backtest this rule before enabling it/);
    await tested(first, definition);
    expect(await setRuleEnabled(temp.store, { id: first.id, enabled: true, ...acting(T0) })).toMatchObject({ enabled: true });

    const second = await saveRule(temp.store, { id: first.id, definition: { ...definition, name: 'Empty answers' }, ...acting(T0 + 1) });
    expect(second).toMatchObject({ id: first.id, name: 'Empty answers', version: 2, enabled: false, backtestedVersion: 1 });
    await tested({ id: first.id, version: 1 }, definition);
    await expect(setRuleEnabled(temp.store, { id: first.id, enabled: true, ...acting(T0) })).rejects.toThrow(/Backtest this rule before enabling it/);
    expect((await ruleVersions(temp.store.reader, first.id)).map((v) => [v.version, v.definition.name])).toEqual([
      [2, 'Empty answers'],
      [1, 'No answers'],
    ]);
  });

  it('pauses at once, deletes softly, and logs every change in the audit log', async () => {
    const rule = await saveRule(temp.store, { definition, ...acting(T0) });
    await tested(rule, definition);
    await setRuleEnabled(temp.store, { id: rule.id, enabled: true, ...acting(T0) });
    expect(await setRuleEnabled(temp.store, { id: rule.id, enabled: false, ...acting(T0) })).toMatchObject({ enabled: false });
    expect(await deleteRule(temp.store, { id: rule.id, ...acting(T0) })).toBe(true);
    expect(await deleteRule(temp.store, { id: rule.id, ...acting(T0) })).toBe(false);
    expect(await listRules(temp.store.reader)).toEqual([]);
    expect(await ruleVersions(temp.store.reader, rule.id)).toHaveLength(1);
    const log = await temp.store.reader.all<{ action: string; subject_id: string }>(sql`SELECT action, subject_id FROM audit_log WHERE subject_type = 'rule' ORDER BY seq`);
    expect(log.map((l) => l.action)).toEqual(['rule.save', 'rule.enable', 'rule.pause', 'rule.delete']);
  });

  it('refuses a decline reason that is gone from the library', async () => {
    await expect(saveRule(temp.store, { definition: { ...definition, action: { kind: 'decline', reasonId: 'GONE' } }, ...acting(T0) })).rejects.toThrow(
      /no longer in the library/,
    );
  });
});
