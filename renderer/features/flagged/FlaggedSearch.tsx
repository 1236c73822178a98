import { useEffect, useState } from 'react';
import { MAX_SEARCH_LENGTH } from '@shared/table/window';
import { useDebouncedValue } from '../../ui/useDebouncedValue';

const SEARCH_DEBOUNCE_MS = 180;

interface Props {
  /** Read at mount: remount (key) to show a search set by a saved view. */
  readonly initial: string;
  readonly onSearch: (text: string) => void;
  readonly onLeave: () => void;
}

/** Full-text search over messages and their authors (`/` focuses it); Escape clears and returns to the table. */
export function FlaggedSearch({ initial, onSearch, onLeave }: Props) {
  const [text, setText] = useState(initial);
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => onSearch(settled.trim()), [settled, onSearch]);
  return (
    <input
      type="search"
      className="mb-search"
      aria-label="Search messages and authors"
      placeholder="Search messages and authors  ( / )"
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
