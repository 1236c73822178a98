import { describe, expect, it } from 'vitest';
import { needsReason, statusAfter } from './decisionText';

describe('decisions on join requests', () => {
  it('know the status each leaves its rows in, and which ask for a reason', () => {
    expect(statusAfter('approve')).toBe('approved');
    expect(statusAfter('decline-ban')).toBe('declined');
    expect(statusAfter('snooze')).toBe('snoozed');
    expect(needsReason('decline')).toBe(true);
    expect(needsReason('approve')).toBe(false);
  });
});
