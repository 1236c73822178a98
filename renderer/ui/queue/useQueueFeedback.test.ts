import { describe, expect, it } from 'vitest';
import { undoneText } from './useQueueFeedback';

describe('undoneText', () => {
  it('says how many rows came back, and which had already reached the platform', () => {
    expect(undoneText({ restored: 3, alreadyPushed: 0 }, 'stay decided')).toBe('Undone: 3 back in the queue.');
    expect(undoneText({ restored: 2, alreadyPushed: 1 }, 'stay decided')).toBe('Undone: 2 back in the queue; 1 had already reached the platform and stay decided.');
    expect(undoneText({ restored: 0, alreadyPushed: 0 }, 'stay')).toBe('Undone: nothing was sent to the platform.');
    expect(undoneText({ restored: 0, alreadyPushed: 1200 }, 'stay')).toBe(`Undone: 0 back in the queue; ${(1200).toLocaleString()} had already reached the platform and stay.`);
  });
});
