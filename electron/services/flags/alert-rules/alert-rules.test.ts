import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import { addConnection, message, openTempStore, person, report, type TempStore } from '../../store/repositories/testing';
import { sql } from '../../store/sql';
import { count, decide, flagIdOf, ingest, NOW } from '../testing';
import { deleteAlertRule, listAlertRules, saveAlertRule } from './rules-repository';
import { enabledAlertRule } from './testing';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore('modboard-alert-rules-');
  await addConnection(temp.store);
});
afterEach(() => temp.cleanup());

const by = { actor: 'me', device: 'desk-1' };
const save = (definition: AlertRuleDefinition, enabled = true, id?: string) =>
  enabled ? enabledAlertRule(temp.store, definition, by, NOW, id) : saveAlertRule(temp.store, { id, definition, enabled, ...by }, NOW);
const ruleFlags = () =>
  temp.store.reader.all<{ external_id: string; source: string; report_count: number; reasons: string }>(
    sql`SELECT m.external_id, f.source, f.report_count, f.reasons FROM flags f JOIN messages m ON m.id = f.message_id ORDER BY m.external_id`,
  );

describe('alert rules on arriving messages', () => {
  it('flags a matching message once, marked as raised by the rule, however often it is pulled again', async () => {
    const rule = await save({ name: 'Crypto spam', match: { kind: 'keywords', words: ['airdrop'], match: 'any' } });
    const page = [report('p1', { message: message('m1'), context: [message('m0', { body: 'Claim your AIRDROP now!' }), message('m2', { body: 'hello' })] })];
    await ingest(temp.store, page);
    await ingest(temp.store, page, 'CONN', NOW + 1_000);
    expect(await ruleFlags()).toEqual([
      { external_id: 'm0', source: 'rule', report_count: 1, reasons: '["Alert rule “Crypto spam”: keyword “airdrop”"]' },
      { external_id: 'm1', source: 'platform', report_count: 1, reasons: '["spam"]' },
    ]);
    expect((await listAlertRules(temp.store.reader))[0]).toMatchObject({ id: rule.id, version: 1, hits: 1, lastHitAt: NOW });

    // Dismissing a flag only a rule raised resolves its report here; nothing goes to the platform.
    const result = await decide(temp.store, { kind: 'ids', ids: [await flagIdOf(temp.store, 'm0')] }, { kind: 'dismiss' });
    expect(result.pushes).toBe(0);
    expect(await temp.store.reader.get(sql`SELECT status, sync_state FROM flags WHERE id = ${await flagIdOf(temp.store, 'm0')}`)).toEqual({ status: 'dismissed', sync_state: 'synced' });
  });

  it('runs again on an edited message, marks a rule flag as reported once people report it, and stops when paused or deleted', async () => {
    const rule = await save({ name: 'Links', match: { kind: 'link-domains', domains: ['scam.io'] } });
    await ingest(temp.store, [report('p1', { message: message('m1'), context: [message('m0', { body: 'fine' })] })]);
    expect(await ruleFlags()).toHaveLength(1);
    await ingest(temp.store, [report('p1', { message: message('m1'), context: [message('m0', { body: 'now see https://x.scam.io/a' })] })]);
    expect((await ruleFlags()).map((f) => [f.external_id, f.source])).toEqual([['m0', 'rule'], ['m1', 'platform']]);
    await ingest(temp.store, [report('p2', { message: message('m0', { body: 'now see https://x.scam.io/a' }), reason: 'scam' })]);
    expect((await ruleFlags())[0]).toMatchObject({ external_id: 'm0', source: 'platform', report_count: 2 });

    await save({ name: 'Links', match: { kind: 'link-domains', domains: ['scam.io'] } }, false, rule.id);
    await ingest(temp.store, [report('p3', { message: message('m3'), context: [message('m4', { body: 'https://scam.io' })] })]);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM flags f JOIN messages m ON m.id = f.message_id WHERE m.external_id = 'm4'`)).toBe(0);
    expect(await deleteAlertRule(temp.store, rule.id, by, NOW)).toBe(true);
    expect(await listAlertRules(temp.store.reader)).toEqual([]);
  });

  it('flags the same text posted in several communities within the window, through the text fingerprint index', async () => {
    await save({ name: 'Spam wave', match: { kind: 'repeated-text', communities: 3, withinMinutes: 30 } });
    const text = 'Earn 500 USD a day from home, DM me!';
    const wave = ['c1', 'c2', 'c3'].map((c, i) =>
      message(`w${i}`, { communityExternalId: c, conversationId: `conv-${c}`, author: person(`bot${i}`), body: i === 1 ? text.toUpperCase() : text, sentAt: NOW + i * 60_000 }),
    );
    await ingest(temp.store, [report('p1', { message: message('m1'), context: [] }), ...wave.map((m, i) => report(`q${i}`, { message: message(`x${i}`, { communityExternalId: m.communityExternalId, conversationId: m.conversationId }), context: [m] }))]);
    const flagged = (await ruleFlags()).filter((f) => f.source === 'rule').map((f) => f.external_id);
    expect(flagged).toEqual(['w0', 'w1', 'w2']);
    const plan = await temp.store.reader.all<{ detail: string }>(
      sql`EXPLAIN QUERY PLAN SELECT count(DISTINCT o.community_id) FROM messages m JOIN messages o ON o.text_key = m.text_key AND o.sent_at BETWEEN m.sent_at - 1 AND m.sent_at + 1 WHERE m.id = 'x' AND m.text_key IS NOT NULL`,
    );
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/messages_text_key/);
  });
});
