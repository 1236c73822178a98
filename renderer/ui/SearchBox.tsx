import { useEffect, useState } from 'react';
import { useDebouncedValue } from './useDebouncedValue';

const SEARCH_DEBOUNCE_MS = 180;

interface Props {
  readonly label: string;
  readonly onSearch: (text: string) => void;
}

/** The view's search field (`/` focuses it). Escape clears it and returns to the table. */
export function SearchBox({ label, onSearch }: Props) {
  const [text, setText] = useState('');
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => onSearch(settled.trim()), [settled, onSearch]);
  return (
    <input
      type="search"
      className="mb-search"
      aria-label={label}
      placeholder={`${label}  ( / )`}
      data-search-input=""
      maxLength={400}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          setText('');
          (document.querySelector('[role="grid"]') as HTMLElement | null)?.focus();
        } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
          event.preventDefault();
          (document.querySelector('[role="grid"]') as HTMLElement | null)?.focus();
        }
      }}
    />
  );
}
