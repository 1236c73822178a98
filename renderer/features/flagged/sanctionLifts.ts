import type { AuthorAction, ConnectionCapabilities, LiftableSanction } from '@shared/domain/flagged';
import { canLift, liftBlock } from '@shared/flags/actions';

/**
 * Where one earlier action on the author stands for lifting it: only a ban or mute that
 * reached the platform, was not undone, lifted or run out can be lifted (one still in its
 * grace period is undone instead). `block` is why its platform cannot, the same words main
 * refuses with (shared/flags/actions.ts).
 */
export type LiftState =
  | { readonly kind: 'none' }
  | { readonly kind: 'lifted'; readonly at: number }
  | { readonly kind: 'ended' }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'liftable'; readonly sanction: LiftableSanction; readonly block: string | null };

const isLiftable = (kind: AuthorAction['kind']): kind is LiftableSanction => kind === 'ban' || kind === 'mute';

/** A connection gone from the list cannot be reached: say so as main would. */
const connectionOf = (action: AuthorAction, capabilities: readonly ConnectionCapabilities[]): ConnectionCapabilities =>
  capabilities.find((c) => c.connectionId === action.connectionId) ?? {
    connectionId: action.connectionId ?? '',
    name: 'a removed connection',
    kind: 'sandbox',
    capabilities: null,
    bulkRemoveLimit: null,
  };

/** `capabilities` undefined while they load: nothing is blocked yet (main checks again). */
export function liftState(action: AuthorAction, capabilities: readonly ConnectionCapabilities[] | undefined, now: number): LiftState {
  if (!isLiftable(action.kind) || action.undone) return { kind: 'none' };
  if (action.liftedAt !== null) return { kind: 'lifted', at: action.liftedAt };
  if (action.until !== null && action.until <= now) return { kind: 'ended' };
  if (action.platform === 'waiting') return { kind: 'waiting' };
  if (action.platform !== 'reached') return { kind: 'none' };
  return { kind: 'liftable', sanction: action.kind, block: capabilities ? liftBlock(action.kind, [connectionOf(action, capabilities)]) : null };
}

/**
 * "Lift in all communities" for one kind: how many of them are in force, and why it is
 * disabled. Main leaves out the platforms that cannot lift as long as one can, so it is
 * blocked only when none can.
 */
export function liftEverywhere(
  actions: readonly AuthorAction[],
  sanction: LiftableSanction,
  capabilities: readonly ConnectionCapabilities[] | undefined,
  now: number,
): { readonly count: number; readonly block: string | null } {
  const open = actions.filter((action) => action.kind === sanction && liftState(action, capabilities, now).kind === 'liftable');
  if (!capabilities || open.length === 0) return { count: open.length, block: null };
  const connections = [...new Map(open.map((action) => connectionOf(action, capabilities)).map((c) => [c.connectionId, c])).values()];
  return { count: open.length, block: connections.some((c) => canLift(c, sanction)) ? null : liftBlock(sanction, connections) };
}
