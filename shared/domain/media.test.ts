import { describe, expect, it } from 'vitest';
import { claimsInlineImage } from './media';

describe('claimsInlineImage', () => {
  it('takes only the four types shown inline, whatever the case or parameters', () => {
    expect(['image/png', 'image/jpeg', 'IMAGE/GIF', 'image/webp; charset=binary'].map(claimsInlineImage)).toEqual([true, true, true, true]);
  });

  it('refuses stickers that could never be shown, SVG, video and an unknown type', () => {
    expect(['application/x-tgsticker', 'video/webm', 'application/json', 'image/svg+xml', 'text/html', null].map(claimsInlineImage)).toEqual([false, false, false, false, false, false]);
  });
});
