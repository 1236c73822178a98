import { estimateSendMs, type EstimateOptions } from '@shared/announcements/duration';
import { previewTarget, type Purpose } from '@shared/announcements/preflight';
import { summarizePreview } from '@shared/announcements/summary';
import { resolveTargets } from '@shared/announcements/targets';
import type { AnnouncementContent, AnnouncementPreview, PreviewRow, TargetSpec } from '@shared/domain/announcements';
import { DEFAULT_HEADROOM } from '../sync/rate-gate';
import { loadCommunities, type CommunityRecord } from './candidates';
import type { AnnouncementDeps } from './deps';
import { listFields } from './fields';
import { postingOf } from './posting';
import { targetListMap } from './target-lists';

/**
 * A round trip plus the drainer's two commits per push, for connections whose rate
 * limits are far above what one call at a time can send.
 */
const CALL_MS = 30;

export interface PlannedTarget {
  readonly record: CommunityRecord;
  readonly row: PreviewRow;
}

export interface Plan {
  readonly preview: AnnouncementPreview;
  /** Included targets only, each with its row. */
  readonly targets: readonly PlannedTarget[];
}

/**
 * The preview of `content` for these communities: each one's exact text and preflight
 * status, the counts, and how long the pushes would take at each connection's rates.
 */
async function planFor(
  deps: AnnouncementDeps,
  matched: readonly { readonly record: CommunityRecord; readonly excluded: boolean }[],
  content: AnnouncementContent,
  purpose: Purpose,
  at: number,
): Promise<Plan> {
  const [definedFields, posting] = await Promise.all([
    listFields(deps.store.reader),
    postingOf(deps, matched.map((m) => m.record.connectionId)),
  ]);
  const planned = matched.map(({ record, excluded }) => {
    const ability = posting.get(record.connectionId)?.ability;
    const facts = { ...record, communityId: record.id, posting: ability ?? { send: false, edit: false, delete: false, unavailable: 'unknown connection', maxLength: null } };
    return { record, row: previewTarget(facts, content, { purpose, at, definedFields }, excluded) };
  });
  const included = planned.filter((p) => p.row.status !== 'excluded');
  const perConnection = new Map<string, number>();
  for (const { record } of included) perConnection.set(record.connectionId, (perConnection.get(record.connectionId) ?? 0) + 1);
  const options: EstimateOptions = { capability: purpose === 'send' ? 'announce.send' : 'announce.edit', headroom: DEFAULT_HEADROOM, callMs: CALL_MS };
  const estimatedMs = estimateSendMs(
    [...perConnection].map(([id, targets]) => ({ descriptor: posting.get(id)?.descriptor ?? null, targets })),
    options,
  );
  return { preview: summarizePreview(planned.map((p) => p.row), estimatedMs, deps.confirmOver()), targets: included };
}

/** What a send of `content` to `targets` would do at `at`. */
export async function planSend(deps: AnnouncementDeps, content: AnnouncementContent, targets: TargetSpec, at: number): Promise<Plan> {
  const [communities, lists] = await Promise.all([loadCommunities(deps.store.reader), targetListMap(deps.store.reader)]);
  const resolved = resolveTargets(targets, communities, lists);
  const included = new Set(resolved.included.map((c) => c.id));
  const excluded = new Set(resolved.excluded.map((c) => c.id));
  const matched = communities
    .filter((c) => included.has(c.id) || excluded.has(c.id))
    .map((record) => ({ record, excluded: excluded.has(record.id) }));
  return planFor(deps, matched, content, 'send', at);
}

/** What an edit everywhere would do: the communities that hold a live copy, with the new text. */
export async function planEdit(deps: AnnouncementDeps, communityIds: readonly string[], content: AnnouncementContent): Promise<Plan> {
  const communities = await loadCommunities(deps.store.reader, communityIds);
  return planFor(deps, communities.map((record) => ({ record, excluded: false })), content, 'edit', deps.now());
}
