import type { AlertMatch } from '@shared/flags/alert-rule-schema';

export interface TextPiece {
  readonly text: string;
  readonly marked: boolean;
}

const MAX_MARKS = 50;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Where the needles sit in the text, ignoring case, as sorted, merged [start, end) spans. */
function spansOf(text: string, pattern: RegExp | null): [number, number][] {
  if (!pattern) return [];
  const spans: [number, number][] = [];
  for (const found of text.matchAll(pattern)) {
    if (found[0].length === 0) continue;
    spans.push([found.index, found.index + found[0].length]);
    if (spans.length >= MAX_MARKS) break;
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/**
 * The patterns the cheap highlight looks for. Keywords and domains are plain text found
 * ignoring case (the matcher also ignores accents and punctuation, so a few true matches go
 * unmarked); mentions as the matcher counts them. A regex rule is not re-run here: its
 * sample shows what matched in words instead.
 */
function patternOf(match: AlertMatch): RegExp | null {
  switch (match.kind) {
    case 'keywords':
      return match.words.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${match.words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    case 'link-domains':
      return new RegExp(match.domains.map(escapeRegExp).join('|'), 'giu');
    case 'mention-flood':
      return /@[\p{L}\p{N}_.]{1,64}|<@!?\d{1,20}>/gu;
    case 'regex':
    case 'repeated-text':
      return null;
  }
}

/** A sample's text cut into plain and marked pieces (joined, the text itself). */
export function highlightPieces(text: string, match: AlertMatch): TextPiece[] {
  const spans = spansOf(text, patternOf(match));
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
