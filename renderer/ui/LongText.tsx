import { useState } from 'react';

/** Shown at first; each "Show more" adds this much. A 100 KB answer is never laid out at once. */
const STEP = 2000;

/**
 * User text in full, safely: a text node (never markup), its own direction so an RTL
 * override cannot flip what follows, wrapped anywhere so a 100 KB word cannot widen
 * the pane, and revealed in steps.
 */
export function LongText({ text, className }: { text: string; className?: string }) {
  const [shown, setShown] = useState(STEP);
  const cut = text.length > shown;
  const end = cut && isHighSurrogate(text.charCodeAt(shown - 1)) ? shown - 1 : shown;
  return (
    <div className={`jr-long-text ${className ?? ''}`}>
      <bdi dir="auto">{cut ? `${text.slice(0, end)}…` : text}</bdi>
      {cut && (
        <button type="button" className="mb-button jr-small jr-more" onClick={() => setShown((n) => n + STEP * 5)}>
          Show more ({(text.length - end).toLocaleString()} more characters)
        </button>
      )}
    </div>
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
