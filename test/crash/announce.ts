import type { TargetCandidate, TargetSpec } from '@shared/domain/announcements';
import { sql } from '@services/store/sql';
import { LOST } from './client';
import { rows } from './db';
import type { EpochContext } from './workload';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each target gets a text of its own (the placeholder), so the Sandbox's log shows whether any community got one twice. */
const textOf = (tag: string) => `Crash harness ${tag} for {{community.name}}`;

/**
 * Targets as a user picks them: a community tree (a root with its sub-groups), a saved
 * list, or a few communities by hand.
 */
async function chooseTargets(ctx: EpochContext, candidates: readonly TargetCandidate[]): Promise<Partial<TargetSpec> | null> {
  const roll = ctx.rng.float();
  const roots = candidates.filter((root) => root.parentId === null && candidates.some((c) => c.parentId === root.id));
  if (roll < 0.4 && roots.length > 0) return { trees: [ctx.rng.pick(roots).id] };
  const some = ctx.rng.sample(candidates, ctx.rng.int(2, 4)).map((c) => c.id);
  if (roll > 0.7) return { communities: some };
  const list = await ctx.ledger.track(ctx.client.call('announcements.saveTargetList', { name: `Crash list ${ctx.ledger.calls}`, targets: { communities: some } }));
  return list === LOST || !list.ok ? null : { lists: [list.value.id] };
}

/**
 * Composes and sends one announcement through the contract, as the desk does: a draft,
 * a preview whose problem targets are excluded, then the send (now, or now and then
 * scheduled a moment ahead). Resolves once the send is answered; with `cancelAfterMs`
 * a cancel follows that long after, unawaited, so a kill can cut it off.
 */
export async function announce(ctx: EpochContext, cancelAfterMs: number | null = null): Promise<void> {
  const listed = await ctx.ledger.track(ctx.client.call('announcements.targetCandidates', {}));
  if (listed === LOST || !listed.ok || listed.value.length < 3) return;
  const created = await ctx.ledger.track(ctx.client.call('announcements.create', { title: 'Crash harness' }));
  if (created === LOST || !created.ok) return;
  const id = created.value.id;
  const chosen = await chooseTargets(ctx, listed.value);
  if (!chosen) return;
  const content = { body: textOf(id), variants: {} };
  const preview = await ctx.ledger.track(ctx.client.call('announcements.preview', { content, targets: chosen }));
  if (preview === LOST || !preview.ok) return;
  const excluded = preview.value.rows.filter((row) => row.status === 'problem').map((row) => row.communityId);
  const expected = preview.value.count - excluded.length;
  if (expected < 1) return;
  const saved = await ctx.ledger.track(ctx.client.call('announcements.saveDraft', { id, title: 'Crash harness', ...content, targets: { ...chosen, excluded } }));
  if (saved === LOST || !saved.ok) return;
  const at = ctx.rng.chance(0.15) ? Date.now() + ctx.rng.int(200, 1_500) : null;
  const sent = await ctx.ledger.track(ctx.client.call('announcements.send', { id, at, expectedTargets: expected, confirmation: String(expected) }), (v) =>
    ctx.ledger.sends.push({ announcementId: id, targets: v.targets }),
  );
  if (sent === LOST || !sent.ok || cancelAfterMs === null) return;
  void sleep(cancelAfterMs).then(() => cancel(ctx, id));
}

function cancel(ctx: EpochContext, id: string): void {
  void ctx.ledger.track(
    ctx.client.call('announcements.cancel', { id }),
    (v) => ctx.ledger.cancels.push({ announcementId: id, cancelled: v.cancelled, backToDraft: v.backToDraft }),
    false,
    () => ctx.ledger.cancelsCut.add(id),
  );
}

/**
 * An edit (now and then a delete) everywhere of an announcement sent earlier. Refused
 * as `conflict` while nothing of it is live yet, which is fine: the answer is what counts.
 */
export function followUp(ctx: EpochContext): void {
  const cancelled = new Set([...ctx.ledger.cancels.map((c) => c.announcementId), ...ctx.ledger.cancelsCut]);
  const candidates = ctx.ledger.sends.filter((s) => !cancelled.has(s.announcementId));
  if (candidates.length === 0) return;
  const { announcementId: id } = ctx.rng.pick(candidates.slice(-4));
  const record = (kind: 'announce.edit' | 'announce.delete') => ({
    onOk: (v: { queued: number }) => ctx.ledger.followUps.push({ announcementId: id, kind, queued: v.queued }),
    onLost: () => ctx.ledger.followUpsCut.add(id),
  });
  if (ctx.rng.chance(0.2)) {
    const { onOk, onLost } = record('announce.delete');
    void ctx.ledger.track(ctx.client.call('announcements.delete', { id }), onOk, false, onLost);
    return;
  }
  const { onOk, onLost } = record('announce.edit');
  const content = { body: textOf(`${id} edit ${ctx.ledger.calls}`), variants: {} };
  void ctx.ledger.track(ctx.client.call('announcements.edit', { id, content }), onOk, false, onLost);
}

/** Waits (at most `maxMs`) until no announcement push is queued or on the wire: an edit skips posts still busy. */
async function settled(ctx: EpochContext, maxMs: number): Promise<void> {
  const until = Date.now() + maxMs;
  do {
    await sleep(100);
    const [busy] = await rows<{ n: number }>(ctx.dbFile, sql`SELECT count(*) AS n FROM outbox WHERE kind LIKE 'announce.%' AND state IN ('queued', 'in-flight')`);
    if (busy?.n === 0) return;
  } while (Date.now() < until);
}

/**
 * The `mid-announce` epoch: maybe an announcement sent and left a moment to go out,
 * an edit or delete of an earlier one, then a send (sometimes cancelled moments later)
 * whose pushes are on the wire, slowed or answered into the void, when the kill lands.
 */
export async function announceEpoch(ctx: EpochContext): Promise<void> {
  if (ctx.ledger.sends.length === 0 || ctx.rng.chance(0.4)) {
    await announce(ctx);
    await settled(ctx, 2_000);
  }
  if (ctx.rng.chance(0.7)) followUp(ctx);
  await announce(ctx, ctx.rng.chance(0.5) ? ctx.rng.int(0, 250) : null);
  await sleep(ctx.rng.int(0, 900));
}
