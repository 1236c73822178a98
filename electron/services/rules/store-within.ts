import type { Store, Tx } from '../store/database';

/**
 * The store as seen from inside a write transaction already open: its `transaction`
 * runs the work in `tx` instead of opening another (which would wait on the writer
 * lock held by the caller, forever). Lets the rule runner call the decision machinery
 * (decideJoinRequests) in the same transaction that re-checks the request is still
 * untouched and empties the inbox, so nothing a person did in between is overruled.
 */
export function storeWithin(store: Store, tx: Tx): Store {
  return { ...store, writer: { transaction: (work) => work(tx) } };
}
