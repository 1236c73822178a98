import { useState } from 'react';
import { assignRowSlots, NO_SLOTS, type RowSlots } from './row-slots';

/** Keys for rows first..last that follow from the previous window's (see `row-slots.ts`). */
export function useRowSlots(first: number, last: number): RowSlots {
  const [slots, setSlots] = useState(NO_SLOTS);
  if (slots.first === first && slots.keys.length === Math.max(0, last - first + 1)) return slots;
  // State from the previous render, updated during render: React re-runs this component at once, before its
  // children render, and a render it discards leaves the stored keys as they were.
  const next = assignRowSlots(slots, first, last);
  setSlots(next);
  return next;
}
