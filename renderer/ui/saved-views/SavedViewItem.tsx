import { useState } from 'react';
import type { SavedView } from '@shared/domain/decisions';
import { ViewNameForm } from './ViewNameForm';

interface Props {
  readonly view: SavedView;
  readonly shortcut: string | null;
  readonly active: boolean;
  readonly modified: boolean;
  readonly onSelect: () => void;
  readonly onRename: (name: string) => void;
  readonly onDelete: () => void;
}

export function SavedViewItem({ view, shortcut, active, modified, onSelect, onRename, onDelete }: Props) {
  const [renaming, setRenaming] = useState(false);
  if (renaming) {
    return (
      <li>
        <ViewNameForm
          label={`New name for ${view.name}`}
          submitLabel="Rename"
          initial={view.name}
          onSubmit={(name) => {
            onRename(name);
            setRenaming(false);
          }}
          onCancel={() => setRenaming(false)}
        />
      </li>
    );
  }
  return (
    <li className="mb-side-row">
      <button
        type="button"
        className="mb-side-entry"
        aria-pressed={active}
        aria-keyshortcuts={shortcut ?? undefined}
        onClick={onSelect}
      >
        {shortcut && <kbd aria-hidden="true">{shortcut}</kbd>}
        <span className="mb-text" dir="auto">
          {view.name}
        </span>
        {modified && <span className="mb-muted"> (changed)</span>}
      </button>
      <button type="button" className="mb-icon-button" aria-label={`Rename view ${view.name}`} title="Rename" onClick={() => setRenaming(true)}>
        ✎
      </button>
      <button type="button" className="mb-icon-button" aria-label={`Delete view ${view.name}`} title="Delete" onClick={onDelete}>
        ×
      </button>
    </li>
  );
}
