import { useEffect, useState } from 'react';
import { MAX_SEARCH_LENGTH } from '@shared/table/window';
import { useDebouncedValue } from './useDebouncedValue';

const SEARCH_DEBOUNCE_MS = 180;

interface Props {
  readonly label: string;
  readonly onSearch: (text: string) => void;
  /** Read at mount: remount (key) to show a search set from outside, e.g. by a saved view. */
  readonly initial?: string;
  /** Where Escape, Enter and ↓ send focus; the view's table by default. */
  readonly onLeave?: () => void;
}

const focusGrid = () => (document.querySelector('[role="grid"]') as HTMLElement | null)?.focus();

/** A view's full-text search (`/` focuses it). Escape clears it and returns to the table. */
export function SearchBox({ label, onSearch, initial = '', onLeave = focusGrid }: Props) {
  const [text, setText] = useState(initial);
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => onSearch(settled.trim()), [settled, onSearch]);
  return (
    <input
      type="search"
      className="mb-search"
      aria-label={label}
      placeholder={`${label}  ( / )`}
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
