export { SavedViewList, type SavedViewListProps } from './SavedViewList';
export { useSavedViews, type ViewTableKey } from './useSavedViews';
