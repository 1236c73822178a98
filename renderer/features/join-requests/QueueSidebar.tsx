import type { JoinRequestFilters } from '@shared/contract/tables';
import { SavedViewList } from '../../ui/saved-views';
import { CommunityList } from './CommunityList';
import type { CommunityChoice } from './filters';
import type { useQueueSavedViews } from './useQueueSavedViews';

interface Props {
  readonly views: ReturnType<typeof useQueueSavedViews>;
  readonly filters: JoinRequestFilters;
  readonly search: string;
  readonly onChooseCommunity: (choice: CommunityChoice | null) => void;
}

/** The queue's left side: saved views (1–9), then matching requests per community. */
export function QueueSidebar({ views, filters, search, onChooseCommunity }: Props) {
  return (
    <nav className="jr-side" aria-label="Saved views and communities">
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
      <CommunityList filters={filters} search={search} onChoose={onChooseCommunity} />
    </nav>
  );
}
