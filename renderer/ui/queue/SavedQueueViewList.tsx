import { SavedViewList } from '../saved-views';
import type { SavedQueueViews } from './useSavedQueueViews';

/** A queue's saved views in its side list, wired to `useSavedQueueViews`. */
export function SavedQueueViewList({ views }: { views: SavedQueueViews }) {
  return (
    <SavedViewList
      views={views.views}
      activeId={views.activeId}
      modified={views.modified}
      error={views.error}
      onSelect={views.open}
      onSaveNew={views.saveNew}
      onSaveChanges={views.saveChanges}
      onRename={views.rename}
      onDelete={views.remove}
    />
  );
}
