import { assertNever } from '../assert-never';
import type { Capability } from '../connectors/capabilities';
import type { ConnectionCapabilities, FlagActionKind } from '../domain/flagged';

/** Words for each action: the button ("Remove"), and the toast after it ("Removed"). */
export const FLAG_ACTION_VERBS: Readonly<Record<FlagActionKind, { readonly verb: string; readonly done: string; readonly cannot: string }>> = {
  dismiss: { verb: 'Dismiss', done: 'Dismissed', cannot: 'resolve reports' },
  remove: { verb: 'Remove', done: 'Removed', cannot: 'remove messages' },
  'remove-warn': { verb: 'Remove and warn', done: 'Removed and warned', cannot: 'remove messages' },
  mute: { verb: 'Mute', done: 'Muted', cannot: 'mute members' },
  kick: { verb: 'Kick', done: 'Kicked', cannot: 'kick members' },
  ban: { verb: 'Ban', done: 'Banned', cannot: 'ban members' },
  purge: { verb: 'Purge recent messages of', done: 'Purged recent messages of', cannot: 'remove messages' },
};

/**
 * What an action needs from each connection it reaches: any one of these capabilities.
 * Dismissing needs nothing (reports are resolved on the platform where it can, else only here).
 * A mute with an end needs the timed capability; an indefinite one the plain one.
 */
export function neededCapabilities(action: FlagActionKind, timed: boolean): readonly Capability[] {
  switch (action) {
    case 'dismiss':
      return [];
    case 'remove':
    case 'remove-warn':
      return ['message.remove'];
    case 'mute':
      return [timed ? 'member.muteTimed' : 'member.mute'];
    case 'kick':
      return ['member.kick'];
    case 'ban':
      return ['member.ban'];
    case 'purge':
      return ['message.removeBulk', 'message.remove'];
    default:
      return assertNever(action, 'flag action');
  }
}

/** Whether the connection can do the action; null capabilities (connector unreachable) cannot. */
export function canDo(connection: ConnectionCapabilities, action: FlagActionKind, timed: boolean): boolean {
  const needed = neededCapabilities(action, timed);
  if (needed.length === 0) return true;
  return connection.capabilities !== null && needed.some((capability) => connection.capabilities?.includes(capability));
}

/** Null when every connection the action reaches can do it; else why it is disabled, naming the ones that cannot. */
export function actionBlock(action: FlagActionKind, connections: readonly ConnectionCapabilities[], timed = true): string | null {
  const unable = connections.filter((connection) => !canDo(connection, action, timed));
  if (unable.length === 0) return null;
  const unreachable = unable.filter((connection) => connection.capabilities === null);
  if (unreachable.length > 0) return `${names(unreachable)} cannot be reached: reconnect it in Settings.`;
  return `${names(unable)} cannot ${FLAG_ACTION_VERBS[action].cannot} (${[...new Set(unable.map((c) => c.kind))].join(', ')}).`;
}

const names = (connections: readonly ConnectionCapabilities[]) =>
  connections
    .slice(0, 3)
    .map((c) => `“${c.name.slice(0, 60)}”`)
    .join(', ') + (connections.length > 3 ? ` and ${connections.length - 3} more` : '');
