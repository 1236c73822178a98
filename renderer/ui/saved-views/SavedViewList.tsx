import { useState } from 'react';
import type { SavedView } from '@shared/domain/decisions';
import { Dialog } from '../dialog';
import { SavedViewItem } from './SavedViewItem';
import { ViewNameForm } from './ViewNameForm';
import './saved-views.css';

export interface SavedViewListProps {
  readonly views: readonly SavedView[];
  readonly activeId: string | null;
  /** The table no longer shows what the active view saved. */
  readonly modified: boolean;
  readonly error: string | null;
  readonly onSelect: (view: SavedView) => void;
  readonly onSaveNew: (name: string) => void;
  readonly onSaveChanges: (view: SavedView) => void;
  readonly onRename: (view: SavedView, name: string) => void;
  readonly onDelete: (view: SavedView) => void;
}

/** Saved views of one table: the first nine answer to the number keys. */
export function SavedViewList(props: SavedViewListProps) {
  const { views, activeId, modified } = props;
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const active = views.find((view) => view.id === activeId) ?? null;

  return (
    <section className="mb-saved-views" aria-labelledby="mb-saved-views-title">
      <h2 id="mb-saved-views-title" className="mb-side-title">
        Saved views
      </h2>
      {views.length === 0 && <p className="mb-muted mb-side-note">Save filters, sort, search and columns as a view.</p>}
      <ul className="mb-side-list">
        {views.map((view, index) => (
          <SavedViewItem
            key={view.id}
            view={view}
            shortcut={index < 9 ? String(index + 1) : null}
            active={view.id === activeId}
            modified={view.id === activeId && modified}
            onSelect={() => props.onSelect(view)}
            onRename={(name) => props.onRename(view, name)}
            onDelete={() => setDeleting(view)}
          />
        ))}
      </ul>
      {active && modified && (
        <button type="button" className="mb-button mb-side-action" onClick={() => props.onSaveChanges(active)}>
          Save changes to <bdi>{active.name}</bdi>
        </button>
      )}
      {adding ? (
        <ViewNameForm
          label="Name of the new view"
          submitLabel="Save view"
          initial=""
          onSubmit={(name) => {
            props.onSaveNew(name);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="mb-button mb-side-action" onClick={() => setAdding(true)}>
          Save current view…
        </button>
      )}
      {props.error && (
        <p role="alert" className="mb-error mb-side-note">
          {props.error}
        </p>
      )}
      {deleting && (
        <Dialog
          title={<>Delete the view <bdi>{deleting.name}</bdi>?</>}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            props.onDelete(deleting);
            setDeleting(null);
          }}
        >
          <p>The queue keeps showing what it shows now; only the saved view goes.</p>
          <p>
            <button
              type="button"
              className="mb-button mb-button--primary"
              data-autofocus=""
              onClick={() => {
                props.onDelete(deleting);
                setDeleting(null);
              }}
            >
              Delete view
            </button>{' '}
            <button type="button" className="mb-button" onClick={() => setDeleting(null)}>
              Cancel
            </button>
          </p>
        </Dialog>
      )}
    </section>
  );
}
