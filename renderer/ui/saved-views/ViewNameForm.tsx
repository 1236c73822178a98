import { useState } from 'react';

interface Props {
  readonly label: string;
  readonly submitLabel: string;
  readonly initial: string;
  readonly onSubmit: (name: string) => void;
  readonly onCancel: () => void;
}

export const MAX_VIEW_NAME = 80;

/** A name for a saved view, typed inline; Escape cancels. */
export function ViewNameForm({ label, submitLabel, initial, onSubmit, onCancel }: Props) {
  const [name, setName] = useState(initial);
  const trimmed = name.trim();
  return (
    <form
      className="mb-side-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed) onSubmit(trimmed);
      }}
    >
      <input
        className="mb-search"
        aria-label={label}
        placeholder={label}
        maxLength={MAX_VIEW_NAME}
        dir="auto"
        autoFocus
        value={name}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }}
      />
      <button type="submit" className="mb-button" disabled={!trimmed}>
        {submitLabel}
      </button>
      <button type="button" className="mb-button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
