import { describe, expect, it } from 'vitest';
import { hiddenReason } from './hiddenReason';

describe('hiddenReason', () => {
  it('names the chosen categories the text falls in, before media', () => {
    expect(hiddenReason('[image] you will bleed, I will kill you', { blurMedia: true, categories: ['violence', 'hate'] })).toBe('violence and gore');
  });

  it('hides media only while media blurring is on', () => {
    expect(hiddenReason('look [image: explicit]', { blurMedia: true, categories: [] })).toBe('media');
    expect(hiddenReason('look https://i.imgur.com/x', { blurMedia: false, categories: [] })).toBeNull();
    expect(hiddenReason('hello there', { blurMedia: true, categories: ['violence'] })).toBeNull();
  });
});
