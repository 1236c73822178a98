import { clipText, MAX_CELL_CHARS, titleFor, toCellText } from './text';
import type { CellText } from './types';

/** Without a known width, assume a narrow column: a spare tooltip costs less than a hidden value. */
const UNKNOWN_WIDTH_PX = 160;

/**
 * User text, safe in a dense cell: a plain text node (never HTML), its own
 * direction so an RTL name or a bidi override cannot flip its neighbours,
 * cut by CSS with an ellipsis, and a capped title with the full value.
 */
export function TextCell({ value, width }: { readonly value: CellText; readonly width?: number }) {
  const text = toCellText(value);
  if (text === '') return null;
  return (
    <span className="mb-dt-text" dir="auto" title={titleFor(text, width ?? UNKNOWN_WIDTH_PX)}>
      {clipText(text, MAX_CELL_CHARS)}
    </span>
  );
}
