import type { RuleDefinition } from '@shared/rules/schema';
import { sql } from '@services/store/sql';
import { LOST } from './client';
import { rows } from './db';
import type { EpochContext } from './workload';

/** The alert rules' keyword: only the harness's own messages carry it. */
export const ALERT_WORD = 'crashmarker';

type Scope = { readonly kind: 'community'; readonly communityIds: string[]; readonly includeSubgroups: false };

/**
 * Join-request rules acting differently, each scoped to a few communities: they match a
 * few in a hundred arrivals, as every decision a rule makes lengthens the drain (the
 * Sandbox connector sends at most 18 pushes a second).
 */
const JOIN_RULES: readonly ((reasonId: string, scope: Scope) => RuleDefinition)[] = [
  (reasonId, scope) => ({ name: 'Crash: young accounts', conditions: [scope, { kind: 'account-age', youngerThanDays: 60 }], action: { kind: 'decline', reasonId } }),
  (_, scope) => ({ name: 'Crash: established accounts', conditions: [scope, { kind: 'account-age', atLeastDays: 60 }], action: { kind: 'approve' } }),
  (reasonId, scope) => ({
    name: 'Crash: Sandbox, decline and ban',
    conditions: [scope, { kind: 'platform', platforms: ['sandbox'] }, { kind: 'account-age', youngerThanDays: 365 }],
    action: { kind: 'decline', reasonId, ban: true },
  }),
];

/**
 * A join-request rule written, backtested and enabled through the contract mid-run, as
 * the Rules dialog does: from the next ingest on it judges every arrival, while the
 * kills land. Only an `ok` to the enabling is recorded: it must survive any crash.
 */
export async function enableJoinRule(ctx: EpochContext): Promise<void> {
  const [reason] = await rows<{ id: string }>(ctx.dbFile, sql`SELECT id FROM decision_reasons WHERE deleted_at IS NULL ORDER BY position`);
  const communities = await rows<{ id: string }>(ctx.dbFile, sql`SELECT id FROM communities WHERE kind <> 'announcements' ORDER BY seq`);
  if (!reason || communities.length === 0) return;
  const scope: Scope = { kind: 'community', communityIds: ctx.rng.sample(communities, 3).map((c) => c.id), includeSubgroups: false };
  const saved = await ctx.ledger.track(ctx.client.call('rules.save', { definition: ctx.rng.pick(JOIN_RULES)(reason.id, scope) }));
  if (saved === LOST || !saved.ok) return;
  const tested = await ctx.ledger.track(ctx.client.call('rules.backtest', { ruleId: saved.value.id }));
  if (tested === LOST || !tested.ok) return;
  await ctx.ledger.track(ctx.client.call('rules.setEnabled', { id: saved.value.id, enabled: true }), (rule) =>
    ctx.ledger.rules.push({ id: rule.id, version: rule.version, kind: 'join' }),
  );
}

/** An alert rule on the harness's keyword, backtested and then enabled on save (main refuses it untested). */
export async function enableAlertRule(ctx: EpochContext): Promise<void> {
  const definition = { name: 'Crash: marker', match: { kind: 'keywords' as const, words: [ALERT_WORD], match: 'any' as const } };
  const tested = await ctx.ledger.track(ctx.client.call('alertRules.backtest', { definition }));
  if (tested === LOST || !tested.ok) return;
  await ctx.ledger.track(ctx.client.call('alertRules.save', { definition, enabled: true }), (rule) =>
    ctx.ledger.rules.push({ id: rule.id, version: rule.version, kind: 'alert' }),
  );
}

/**
 * Members post messages carrying the keyword on the Sandbox (after the rule's enabling
 * was acknowledged): each must become exactly one flag once pulled, kills or not.
 */
export async function postMarked(ctx: EpochContext, count: number): Promise<void> {
  const rule = ctx.ledger.rules.find((r) => r.kind === 'alert');
  if (!rule) return;
  const communities = await rows<{ external_id: string }>(ctx.dbFile, sql`SELECT external_id FROM communities WHERE kind <> 'announcements' ORDER BY seq LIMIT 40`);
  const people = await rows<{ external_id: string }>(ctx.dbFile, sql`SELECT external_id FROM members ORDER BY seq LIMIT 50`);
  if (communities.length === 0 || people.length === 0) return;
  for (let i = 0; i < count; i++) {
    const body = `${ctx.rng.pick(['Look', 'Hey', 'Psst'])} ${ALERT_WORD} number ${ctx.ledger.marked.length + 1}`;
    const input = { communityId: ctx.rng.pick(communities).external_id, personId: ctx.rng.pick(people).external_id, body };
    const posted = await ctx.sandbox.post<{ id: string }>('/_sandbox/messages', input).catch(() => null);
    if (posted) ctx.ledger.marked.push({ externalId: posted.id, ruleId: rule.id });
  }
}

/** Whether an acknowledged join-request rule is on: then epochs bring arrivals for it to judge. */
export const joinRuleOn = (ctx: EpochContext) => ctx.ledger.rules.some((r) => r.kind === 'join');
