import type { CellText } from './types';

/** Past this a title is a denial of service, not a tooltip. */
export const MAX_TITLE_CHARS = 1000;
/** Ellipsis hides the rest anyway; laying out a 100 KB text node per cell is not free. */
export const MAX_CELL_CHARS = 2000;
/** Rough average glyph width at the table's font size, to guess when text is cut. */
const APPROX_CHAR_PX = 6.5;
const CELL_PADDING_PX = 16;

export function toCellText(value: CellText): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** A title only for text that probably does not fit, capped so a huge value stays cheap. */
export function titleFor(text: string, widthPx: number): string | undefined {
  const fits = Math.max(0, Math.floor((widthPx - CELL_PADDING_PX) / APPROX_CHAR_PX));
  return text.length > fits ? clipText(text, MAX_TITLE_CHARS) : undefined;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
