import { mix } from '../prng';
import { generateCommunities } from './communities';
import type { SandboxCommunity } from './model';
import type { PeopleContext } from './people';

/** How long before the epoch the generated backlog reaches. */
export const BACKLOG_SPAN_MS = 14 * 86_400_000;

export interface RaidPlan {
  readonly start: number;
  readonly size: number;
  readonly community: SandboxCommunity;
  readonly startsAt: number;
}

/**
 * When backlog item `index` of `count` appeared: spread evenly over the span before
 * the epoch, older indices older, so paging in index order reads oldest first.
 */
export function backlogTime(seed: number, epochMs: number, stream: number, index: number, count: number): number {
  const spacing = BACKLOG_SPAN_MS / Math.max(1, count);
  const jitter = (mix(seed, stream, index, 99) / 4294967296) * spacing;
  return Math.floor(epochMs - BACKLOG_SPAN_MS + index * spacing + jitter);
}

/** Everything the per-index generators need, computed once per world. */
export interface GeneratorContext extends PeopleContext {
  readonly communities: readonly SandboxCommunity[];
  readonly byId: ReadonlyMap<string, SandboxCommunity>;
  /** Communities that take members (and so join requests and reports). */
  readonly memberCommunities: readonly SandboxCommunity[];
  readonly volume: number;
  readonly reportCount: number;
  readonly raid: RaidPlan | null;
}

export function createGeneratorContext(options: {
  seed: number;
  epochMs: number;
  volume: number;
  reportCount: number;
  hostileNameRate: number;
}): GeneratorContext {
  const communities = generateCommunities(options.seed);
  const memberCommunities = communities.filter((c) => c.acceptsMembers);
  const raid = planRaid(options.seed, options.epochMs, options.volume, memberCommunities);
  return {
    ...options,
    communities,
    byId: new Map(communities.map((c) => [c.id, c])),
    memberCommunities,
    raid,
    raidOrdinal: (index) => (raid && index >= raid.start && index < raid.start + raid.size ? index - raid.start : null),
  };
}

/**
 * One raid in the backlog: about 2% of the join requests (12 to 2,000), contiguous
 * indices, all for one group with screening questions, a few seconds apart, three
 * hours before the epoch.
 */
function planRaid(seed: number, epochMs: number, volume: number, candidates: readonly SandboxCommunity[]): RaidPlan | null {
  const screened = candidates.filter((c) => c.kind === 'group' && c.screeningQuestions.length > 0 && c.parentId === null);
  const community = screened[mix(seed, 77) % Math.max(1, screened.length)];
  if (!community || volume < 24) return null;
  const size = Math.min(2_000, Math.max(12, Math.round(volume * 0.02)));
  return { start: Math.floor(volume * 0.7), size, community, startsAt: epochMs - 3 * 3_600_000 };
}
