import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRule, evaluateRule } from '@shared/rules/evaluate';
import type { RuleCondition } from '@shared/rules/schema';
import { seedQueue } from '../../../test/fixtures/seed-queue';
import { openTempStore, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { factsOfRow, loadRuleScope, ruleRowColumns, type RuleRow } from './rule-rows';
import { conditionSql } from './rule-sql';

const NOW = Date.UTC(2026, 7, 1);
let temp: TempStore;

beforeAll(async () => {
  temp = await openTempStore('modboard-rule-sql-');
  await seedQueue(temp.store, { joinRequests: 3_000, communities: 12, now: NOW });
  await temp.store.writer.transaction(async (tx) => {
    // A tree: 1 ⊃ 2 ⊃ 3, and 4 ⊃ 5; some accounts of unknown age; a second platform.
    await tx.run(sql`UPDATE communities SET parent_id = 'SEEDCOMMUNITY0000000000001' WHERE id = 'SEEDCOMMUNITY0000000000002'`);
    await tx.run(sql`UPDATE communities SET parent_id = 'SEEDCOMMUNITY0000000000002' WHERE id = 'SEEDCOMMUNITY0000000000003'`);
    await tx.run(sql`UPDATE communities SET parent_id = 'SEEDCOMMUNITY0000000000004' WHERE id = 'SEEDCOMMUNITY0000000000005'`);
    await tx.run(sql`UPDATE join_requests SET account_created_at = 0 WHERE seq % 13 = 0`);
    await tx.run(sql`INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('TG', 'telegram', 'Telegram', 1, 1)`);
    await tx.run(sql`UPDATE join_requests SET connection_id = 'TG' WHERE seq % 7 = 0`);
  });
}, 60_000);
afterAll(() => temp.cleanup());

const STRUCTURED: RuleCondition[] = [
  { kind: 'answers-empty' },
  { kind: 'account-age', youngerThanDays: 30 },
  { kind: 'account-age', atLeastDays: 365 },
  { kind: 'account-age', atLeastDays: 7, youngerThanDays: 400 },
  { kind: 'signal', signal: 'link-in-answer' },
  { kind: 'signal', signal: 'cluster' },
  { kind: 'community', communityIds: ['SEEDCOMMUNITY0000000000001'], includeSubgroups: true },
  { kind: 'community', communityIds: ['SEEDCOMMUNITY0000000000001', 'SEEDCOMMUNITY0000000000004'], includeSubgroups: false },
  { kind: 'platform', platforms: ['telegram'] },
];

describe('conditions compiled to SQL', () => {
  it.each([...STRUCTURED, ...STRUCTURED.map((c) => ({ ...c, not: true }))])('select exactly the rows the pure evaluation matches: %j', async (condition) => {
    const scope = await loadRuleScope(temp.store.reader);
    const where = conditionSql(condition, scope)!;
    const bySql = (await temp.store.reader.all<{ seq: number }>(sql`SELECT j.seq FROM join_requests j WHERE ${where} ORDER BY j.seq`)).map((r) => r.seq);
    const rule = compileRule({ name: 't', conditions: [condition], action: { kind: 'review' } });
    const rows = await temp.store.reader.all<RuleRow>(sql`SELECT ${ruleRowColumns(true)} FROM join_requests j ORDER BY j.seq`);
    const byJs = rows.filter((row) => evaluateRule(rule, factsOfRow(row, scope)).matched).map((r) => r.seq);
    expect(bySql).toEqual(byJs);
    expect(byJs.length).toBeGreaterThan(0);
    expect(byJs.length).toBeLessThan(rows.length);
  });

  it('leaves keywords and patterns to JavaScript', async () => {
    const scope = await loadRuleScope(temp.store.reader);
    expect(conditionSql({ kind: 'answer-keywords', words: ['x'], match: 'any' }, scope)).toBeNull();
    expect(conditionSql({ kind: 'answer-regex', pattern: 'x' }, scope)).toBeNull();
  });
});
