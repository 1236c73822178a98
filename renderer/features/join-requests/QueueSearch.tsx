import { useEffect, useState } from 'react';
import { MAX_SEARCH_LENGTH } from '@shared/table/window';
import { useDebouncedValue } from '../../ui/useDebouncedValue';

const SEARCH_DEBOUNCE_MS = 180;

interface Props {
  /** Read at mount: remount (key) to show a search set from outside, e.g. by a saved view. */
  readonly initial: string;
  readonly onSearch: (text: string) => void;
  readonly onLeave: () => void;
}

/**
 * The queue's full-text search (`/` focuses it: `data-search-input`). Like ui/SearchBox,
 * but it starts from a given text, which a saved view needs; Escape clears and returns to the table.
 */
export function QueueSearch({ initial, onSearch, onLeave }: Props) {
  const [text, setText] = useState(initial);
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => onSearch(settled.trim()), [settled, onSearch]);
  return (
    <input
      type="search"
      className="mb-search"
      aria-label="Search names and answers"
      placeholder="Search names and answers  ( / )"
      data-search-input=""
      maxLength={MAX_SEARCH_LENGTH}
      dir="auto"
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          setText('');
          onLeave();
        } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
          event.preventDefault();
          onLeave();
        }
      }}
    />
  );
}
