import { describe, expect, it } from 'vitest';
import { samplePng } from '../sandbox/world/media';
import { sniffInlineImage } from './magic';
import { mediaHttpResponse } from './media-response';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffInlineImage', () => {
  it.each([
    ['PNG', samplePng('x'), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'image/gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
  ])('proves %s', (_what, data, type) => expect(sniffInlineImage(data)).toBe(type));

  it.each([
    ['SVG (can carry script)', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
    ['a PNG signature cut short', bytes([0x89, 0x50, 0x4e, 0x47])],
    ['RIFF that is not WebP (a WAV)', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
    ['PDF', bytes('%PDF-1.4')],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_what, data) => expect(sniffInlineImage(data)).toBeNull());
});

describe('mediaHttpResponse', () => {
  it('sends words, not a file, for a refusal, and never caches it', () => {
    expect(mediaHttpResponse({ kind: 'refused', status: 410, message: 'The platform no longer has this file.' })).toEqual({
      status: 410,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
        'Cross-Origin-Resource-Policy': 'same-origin',
        'Cache-Control': 'no-store',
      },
      body: 'The platform no longer has this file.',
    });
  });
});
