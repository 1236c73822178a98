import type { JoinRequestFilters } from '@shared/contract/tables';
import type { JoinSignal } from '@shared/domain/join-request';
import { compactFilters } from '../../ui/queue/viewDefinition';

/**
 * The filters bar's vocabulary over `JoinRequestFilters`: the filters object is the only
 * state (it is what the window query, the bulk "everything matching" target and saved
 * views carry); these pure helpers read and edit it for the controls.
 */
export interface FilterPreset {
  readonly id: string;
  readonly label: string;
  readonly filters: Partial<JoinRequestFilters>;
}

export interface PresetGroup {
  readonly label: string;
  /** The filter keys this group sets; choosing a preset replaces all of them. */
  readonly keys: readonly (keyof JoinRequestFilters)[];
  readonly presets: readonly FilterPreset[];
}

export const ACCOUNT_AGE: PresetGroup = {
  label: 'Account age',
  keys: ['accountAgeMinDays', 'accountAgeMaxDays'],
  presets: [
    { id: 'lt7', label: '< 7 days', filters: { accountAgeMaxDays: 7 } },
    { id: 'lt30', label: '< 30 days', filters: { accountAgeMaxDays: 30 } },
    { id: 'lt90', label: '< 90 days', filters: { accountAgeMaxDays: 90 } },
    { id: 'gte365', label: '≥ 1 year', filters: { accountAgeMinDays: 365 } },
  ],
};

export const REQUEST_AGE: PresetGroup = {
  label: 'Requested',
  keys: ['requestedWithinHours', 'requestedOlderThanHours'],
  presets: [
    { id: 'within1h', label: 'in the last hour', filters: { requestedWithinHours: 1 } },
    { id: 'within24h', label: 'in the last 24 h', filters: { requestedWithinHours: 24 } },
    { id: 'older24h', label: 'over 24 h ago', filters: { requestedOlderThanHours: 24 } },
    { id: 'older7d', label: 'over 7 days ago', filters: { requestedOlderThanHours: 24 * 7 } },
  ],
};

export const ANY = 'any';
export const CUSTOM = 'custom';

function without(filters: JoinRequestFilters, keys: readonly (keyof JoinRequestFilters)[]): JoinRequestFilters {
  const next: Record<string, unknown> = { ...filters };
  for (const key of keys) delete next[key];
  return compactFilters(next as JoinRequestFilters);
}

/** Which preset of `group` the filters hold: its id, `any` when none of its keys is set, else `custom`. */
export function presetIdOf(group: PresetGroup, filters: JoinRequestFilters): string {
  const set = group.keys.filter((key) => filters[key] !== undefined);
  if (set.length === 0) return ANY;
  const match = group.presets.find(
    (preset) => set.length === Object.keys(preset.filters).length && set.every((key) => preset.filters[key] === filters[key]),
  );
  return match?.id ?? CUSTOM;
}

export function applyPreset(filters: JoinRequestFilters, group: PresetGroup, presetId: string): JoinRequestFilters {
  const base = without(filters, group.keys);
  const preset = group.presets.find((candidate) => candidate.id === presetId);
  return preset ? compactFilters({ ...base, ...preset.filters }) : base;
}

export function hasSignal(filters: JoinRequestFilters, signal: JoinSignal): boolean {
  return filters.signals?.includes(signal) ?? false;
}

export function toggleSignal(filters: JoinRequestFilters, signal: JoinSignal): JoinRequestFilters {
  const current = filters.signals ?? [];
  const next = current.includes(signal) ? current.filter((s) => s !== signal) : [...current, signal];
  return compactFilters({ ...filters, signals: next.length > 0 ? next : undefined });
}

/** A community alone (`communityId`), or it with its sub-groups (`communityTree`); null for all. */
export interface CommunityChoice {
  readonly id: string;
  readonly tree: boolean;
}

export function communityOf(filters: JoinRequestFilters): CommunityChoice | null {
  if (filters.communityTree) return { id: filters.communityTree, tree: true };
  if (filters.communityId) return { id: filters.communityId, tree: false };
  return null;
}

export function withCommunity(filters: JoinRequestFilters, choice: CommunityChoice | null): JoinRequestFilters {
  const base = without(filters, ['communityId', 'communityTree']);
  if (!choice) return base;
  return compactFilters({ ...base, ...(choice.tree ? { communityTree: choice.id } : { communityId: choice.id }) });
}

/** The community filters removed: what the side list's counts are computed under. */
export const withoutCommunity = (filters: JoinRequestFilters) => withCommunity(filters, null);

/** Everything but the status, which is the queue's basic mode rather than a narrowing. */
export function narrowingCount(filters: JoinRequestFilters): number {
  return Object.entries(compactFilters(filters)).filter(([key]) => key !== 'status').length;
}

export const clearNarrowing = (filters: JoinRequestFilters): JoinRequestFilters => compactFilters({ status: filters.status });
