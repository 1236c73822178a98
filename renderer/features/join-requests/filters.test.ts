import { describe, expect, it } from 'vitest';
import { joinRequestFiltersSchema } from '@shared/contract/tables';
import {
  ACCOUNT_AGE,
  applyPreset,
  clearNarrowing,
  communityOf,
  narrowingCount,
  presetIdOf,
  REQUEST_AGE,
  toggleSignal,
  withCommunity,
  withoutCommunity,
} from './filters';

describe('filters', () => {
  it('maps age presets onto the filter keys and back', () => {
    const f = applyPreset({ status: 'pending' }, ACCOUNT_AGE, 'lt30');
    expect(f).toEqual({ status: 'pending', accountAgeMaxDays: 30 });
    expect(presetIdOf(ACCOUNT_AGE, f)).toBe('lt30');
    expect(presetIdOf(REQUEST_AGE, f)).toBe('any');
    const older = applyPreset(f, ACCOUNT_AGE, 'gte365');
    expect(older).toEqual({ status: 'pending', accountAgeMinDays: 365 });
    expect(applyPreset(older, ACCOUNT_AGE, 'any')).toEqual({ status: 'pending' });
  });

  it('names a value no preset holds (from a saved view) custom', () => {
    expect(presetIdOf(ACCOUNT_AGE, { accountAgeMaxDays: 12 })).toBe('custom');
    expect(presetIdOf(ACCOUNT_AGE, { accountAgeMaxDays: 30, accountAgeMinDays: 2 })).toBe('custom');
  });

  it('toggles signals as an all-of list and drops the key when empty', () => {
    const one = toggleSignal({}, 'new-account');
    const two = toggleSignal(one, 'link-in-answer');
    expect(two).toEqual({ signals: ['new-account', 'link-in-answer'] });
    expect(toggleSignal(toggleSignal(two, 'new-account'), 'link-in-answer')).toEqual({});
  });

  it('filters by one community or by a whole tree, never both', () => {
    const tree = withCommunity({ status: 'pending', communityId: 'c_2' }, { id: 'c_1', tree: true });
    expect(tree).toEqual({ status: 'pending', communityTree: 'c_1' });
    expect(communityOf(tree)).toEqual({ id: 'c_1', tree: true });
    expect(withoutCommunity(tree)).toEqual({ status: 'pending' });
  });

  it('counts and clears narrowing filters but keeps the status', () => {
    const f = { status: 'pending' as const, platform: 'sandbox' as const, answered: 'unanswered' as const };
    expect(narrowingCount(f)).toBe(2);
    expect(clearNarrowing(f)).toEqual({ status: 'pending' });
  });

  it('always produces filters the contract accepts', () => {
    let f = applyPreset(applyPreset({ status: 'pending' }, ACCOUNT_AGE, 'lt7'), REQUEST_AGE, 'older7d');
    f = withCommunity(toggleSignal(f, 'cluster'), { id: 'c_9', tree: false });
    expect(joinRequestFiltersSchema.parse(f)).toEqual(f);
  });
});
