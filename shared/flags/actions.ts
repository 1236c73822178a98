import { assertNever } from '../assert-never';
import { meetsAll, meetsRequirement, requirementsBlock, type Requirement } from '../connectors/requirements';
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
 * What an action needs from each connection it reaches: every requirement, each met by
 * any one of its capabilities. Dismissing needs nothing (reports are resolved on the
 * platform where it can, else only here). Remove-and-warn needs the removal and a warning
 * of its own. `timed`: a mute or ban with an end needs the timed capability, an
 * indefinite one the plain one.
 */
export function requirements(action: FlagActionKind, timed: boolean): readonly Requirement[] {
  const words = FLAG_ACTION_VERBS[action].cannot;
  switch (action) {
    case 'dismiss':
      return [];
    case 'remove':
      return [{ anyOf: ['message.remove'], cannot: words }];
    case 'remove-warn':
      return [
        { anyOf: ['message.remove'], cannot: words },
        { anyOf: ['member.warn'], cannot: 'send warnings' },
      ];
    case 'mute':
      return [{ anyOf: [timed ? 'member.muteTimed' : 'member.mute'], cannot: timed ? 'mute for a time' : words }];
    case 'kick':
      return [{ anyOf: ['member.kick'], cannot: words }];
    case 'ban':
      return [{ anyOf: [timed ? 'member.banTimed' : 'member.ban'], cannot: timed ? 'ban for a time' : words }];
    case 'purge':
      return [{ anyOf: ['message.removeBulk', 'message.remove'], cannot: words }];
    default:
      return assertNever(action, 'flag action');
  }
}

/** The form a picker opens with when the caller does not say: a timed mute, a permanent ban. */
const defaultTimed = (action: FlagActionKind) => action !== 'ban';

/** Whether the connection can do the action; null capabilities (connector unreachable) cannot. */
export function canDo(connection: ConnectionCapabilities, action: FlagActionKind, timed = defaultTimed(action)): boolean {
  return meetsAll(connection, requirements(action, timed));
}

/** Null when every connection the action reaches can do it; else why it is disabled (the UI shows it on the button). */
export const actionBlock = (action: FlagActionKind, connections: readonly ConnectionCapabilities[], timed = defaultTimed(action)): string | null =>
  requirementsBlock(requirements(action, timed), connections);

/** Lifting a ban or mute that reached the platform: the capability each needs, and the words when it is missing. */
export const LIFT_REQUIREMENTS: Readonly<Record<'ban' | 'mute', Requirement>> = {
  ban: { anyOf: ['member.unban'], cannot: 'lift bans' },
  mute: { anyOf: ['member.unmute'], cannot: 'lift mutes' },
};

export const liftBlock = (kind: 'ban' | 'mute', connections: readonly ConnectionCapabilities[]): string | null => requirementsBlock([LIFT_REQUIREMENTS[kind]], connections);

export const canLift = (connection: ConnectionCapabilities, kind: 'ban' | 'mute'): boolean => meetsRequirement(connection, LIFT_REQUIREMENTS[kind]);
