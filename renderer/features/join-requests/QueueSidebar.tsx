import type { JoinRequestFilters } from '@shared/contract/tables';
import { SavedQueueViewList } from '../../ui/queue/SavedQueueViewList';
import type { SavedQueueViews } from '../../ui/queue/useSavedQueueViews';
import { CommunityList } from './CommunityList';
import type { CommunityChoice } from './filters';

interface Props {
  readonly views: SavedQueueViews;
  readonly filters: JoinRequestFilters;
  readonly search: string;
  readonly onChooseCommunity: (choice: CommunityChoice | null) => void;
}

/** The queue's left side: saved views (1–9), then matching requests per community. */
export function QueueSidebar({ views, filters, search, onChooseCommunity }: Props) {
  return (
    <nav className="jr-side" aria-label="Saved views and communities">
      <SavedQueueViewList views={views} />
      <CommunityList filters={filters} search={search} onChoose={onChooseCommunity} />
    </nav>
  );
}
