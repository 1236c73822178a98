import { JOIN_REQUEST_SORT_COLUMNS, joinRequestFiltersSchema, type JoinRequestFilters } from '@shared/contract/tables';
import { queueViewCodec, type QueueViewState } from '../../ui/queue/viewDefinition';

/** Everything a saved view of this queue restores. */
export type JoinRequestViewState = QueueViewState<JoinRequestFilters>;

/** A saved view's definition, checked against this queue's filters and sort columns on the way back. */
export const joinRequestViewCodec = queueViewCodec(joinRequestFiltersSchema, JOIN_REQUEST_SORT_COLUMNS);
