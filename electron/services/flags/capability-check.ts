import type { FlagActionKind } from '@shared/domain/flagged';
import { actionBlock } from '@shared/flags/actions';
import { AppFailure } from '@shared/result';
import type { Tx } from '../store/database';
import type { SqlQuery } from '../store/sql';
import type { PushContext } from './pushes/push-context';

/**
 * Refuses an action that a platform it reaches cannot do, with the same reason the UI
 * shows on the disabled button (shared/flags/actions.ts). `reached` selects the
 * `connection_id`s the action would push to.
 */
export async function refuseUnable(tx: Tx, context: PushContext, action: FlagActionKind, reached: SqlQuery, timed = true): Promise<void> {
  const ids = new Set((await tx.all<{ connection_id: string }>(reached)).map((row) => row.connection_id));
  const connections = [...ids].map(
    (id) => context.connections.find((c) => c.connectionId === id) ?? { connectionId: id, name: 'a removed connection', kind: 'sandbox' as const, capabilities: null, bulkRemoveLimit: null },
  );
  const block = actionBlock(action, connections, timed);
  if (block) throw new AppFailure('forbidden', block);
}
