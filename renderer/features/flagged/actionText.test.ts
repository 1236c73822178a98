import { describe, expect, it } from 'vitest';
import { leavesQuery } from '../../ui/queue/rows/optimistic';
import { doneText, lengthText, liftText, statusAfter } from './actionText';

describe('flag actions', () => {
  it('dismiss leaves flags dismissed, every other action actioned: both leave the open queue', () => {
    expect(statusAfter('dismiss')).toBe('dismissed');
    expect(statusAfter('ban')).toBe('actioned');
    expect(leavesQuery({ status: 'open' }, statusAfter('remove'))).toBe(true);
    expect(leavesQuery({}, statusAfter('dismiss'))).toBe(false);
  });
});

describe('action words', () => {
  const result = { actionId: 'a', count: 1, graceUntil: 0, pushes: 3, communities: 3 };
  it('names a ban’s length, and says nothing of it for a ban until lifted', () => {
    expect(doneText({ kind: 'ban', scope: { kind: 'member-communities' }, minutes: 7 * 24 * 60 }, result)).toBe('Banned for 7 days in 3 communities (1 flag)');
    expect(doneText({ kind: 'ban', scope: { kind: 'member-communities' } }, result)).toBe('Banned in 3 communities (1 flag)');
    expect(lengthText(60)).toBe('1 hour');
    expect(lengthText(36 * 60)).toBe('36 hours');
    expect(lengthText(90)).toBe('90 minutes');
  });

  it('says where a lift reaches and how many pushes it queued', () => {
    expect(liftText('ban', { actionId: 'l', pushes: 1, communities: 1, graceUntil: 0 })).toBe('Lifted the ban in 1 community: 1 unban queued');
    expect(liftText('mute', { actionId: 'l', pushes: 4, communities: 3, graceUntil: 0 })).toBe('Lifted the mute in 3 communities: 4 unmutes queued');
  });
});
