import { describe, expect, it } from 'vitest';
import { isMediaLink, mediaSegments } from './media-segments';

const joined = (body: string) => mediaSegments(body).map((s) => s.text).join('');

describe('mediaSegments', () => {
  it('keeps a text without media as one text piece', () => {
    expect(mediaSegments('Has anyone tried the new route? https://example.com/route')).toEqual([
      { kind: 'text', text: 'Has anyone tried the new route? https://example.com/route' },
    ]);
  });

  it('cuts out platform placeholders and image links, in order, and joins back to the same text', () => {
    const body = 'look [image: explicit content] and https://i.imgur.com/abc then www.x.test/a.PNG?w=2, ok';
    expect(mediaSegments(body)).toEqual([
      { kind: 'text', text: 'look ' },
      { kind: 'media', text: '[image: explicit content]', label: 'image' },
      { kind: 'text', text: ' and ' },
      { kind: 'media', text: 'https://i.imgur.com/abc', label: 'media link' },
      { kind: 'text', text: ' then ' },
      { kind: 'media', text: 'www.x.test/a.PNG?w=2', label: 'media link' },
      { kind: 'text', text: ', ok' },
    ]);
    expect(joined(body)).toBe(body);
  });

  it('knows media files and hosts, not pages', () => {
    expect(isMediaLink('https://cdn.discordapp.com/attachments/1/2/file')).toBe(true);
    expect(isMediaLink('https://example.com/clip.mp4')).toBe(true);
    expect(isMediaLink('(https://example.com/photo.jpeg).')).toBe(false);
    expect(isMediaLink('https://example.com/photo.jpeg).')).toBe(true);
    expect(isMediaLink('https://example.com/page.html')).toBe(false);
    expect(isMediaLink('photo.jpg')).toBe(false);
    expect(mediaSegments('see (https://x.test/a.gif).')).toEqual([
      { kind: 'text', text: 'see (' },
      { kind: 'media', text: 'https://x.test/a.gif', label: 'media link' },
      { kind: 'text', text: ').' },
    ]);
    expect(mediaSegments('[GIF]')).toEqual([{ kind: 'media', text: '[GIF]', label: 'gif' }]);
    expect(mediaSegments('[not media]')).toEqual([{ kind: 'text', text: '[not media]' }]);
  });

  it('stays linear and bounded on a hostile 100 KB text', () => {
    const body = 'https://i.redd.it/x.png '.repeat(5000);
    const segments = mediaSegments(body);
    // Bounded by count, not by the clock (speed targets live in test/bench): of 5,000 links
    // only the first 400 are cut out, each with at most one text piece before it, plus the tail.
    expect(segments.filter((s) => s.kind === 'media')).toHaveLength(400);
    expect(segments.length).toBeLessThanOrEqual(2 * 400 + 1);
    expect(joined(body)).toBe(body);
  });
});
