import { FLAGGED_SORT_COLUMNS, flaggedFiltersSchema, type FlaggedFilters } from '@shared/contract/tables';
import { queueViewCodec, type QueueViewState } from '../../ui/queue/viewDefinition';

/** Everything a saved view of the flagged queue restores. */
export type FlaggedViewState = QueueViewState<FlaggedFilters>;

/** A saved view's definition, checked against the flagged queue's filters and sort columns on the way back. */
export const flaggedViewCodec = queueViewCodec(flaggedFiltersSchema, FLAGGED_SORT_COLUMNS);
