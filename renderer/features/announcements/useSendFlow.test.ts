import { describe, expect, it } from 'vitest';
import type { AnnouncementPreview } from '@shared/domain/announcements';
import { blockedReason } from './useSendFlow';

const preview = (over: Partial<AnnouncementPreview> = {}): AnnouncementPreview => ({
  rows: [],
  count: 3,
  reach: 30,
  ready: 3,
  problems: 0,
  excluded: 0,
  distinctTexts: 3,
  estimatedMs: 0,
  confirmOver: 20,
  ...over,
});

describe('blockedReason', () => {
  it('says what still blocks the send, and nothing once it can go', () => {
    const now = 1_000_000;
    expect(blockedReason(undefined, null, now)).toBe('Checking the targets…');
    expect(blockedReason(preview({ count: 0, ready: 0 }), null, now)).toBe('Choose at least one target.');
    expect(blockedReason(preview({ problems: 1, ready: 2 }), null, now)).toBe('Fix or exclude the target with a problem first.');
    expect(blockedReason(preview({ problems: 2, ready: 1 }), null, now)).toBe('Fix or exclude the 2 targets with a problem first.');
    expect(blockedReason(preview(), now - 1, now)).toBe('Pick a time in the future, or send now.');
    expect(blockedReason(preview(), now + 60_000, now)).toBeNull();
    expect(blockedReason(preview(), null, now)).toBeNull();
  });
});
