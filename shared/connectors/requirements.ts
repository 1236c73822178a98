import type { ConnectionCapabilities } from '../domain/flagged';
import type { Capability } from './capabilities';

/**
 * What an action needs from a connection, in capabilities, and how to say a connection
 * lacks them. One gate for every queue (flags, join requests), so main's refusal and the
 * UI's disabled button read the same words.
 */
export interface Requirement {
  /** Met by any one of these. */
  readonly anyOf: readonly Capability[];
  /** "ban members": completes "“Forum” cannot …". */
  readonly cannot: string;
}

/** Null capabilities (no connector could be built or described) meet nothing. */
export const meetsRequirement = (connection: ConnectionCapabilities, requirement: Requirement): boolean =>
  connection.capabilities !== null && requirement.anyOf.some((capability) => connection.capabilities?.includes(capability));

export const meetsAll = (connection: ConnectionCapabilities, needs: readonly Requirement[]): boolean =>
  needs.every((requirement) => meetsRequirement(connection, requirement));

/** “Forum”, “Bot” and 2 more: names are cut so a hostile or long name cannot flood the line. */
export const connectionNames = (connections: readonly ConnectionCapabilities[]): string =>
  connections
    .slice(0, 3)
    .map((c) => `“${c.name.slice(0, 60)}”`)
    .join(', ') + (connections.length > 3 ? ` and ${connections.length - 3} more` : '');

/** Null when every connection meets every requirement; else why not, naming the connections and platforms that cannot. */
export function requirementsBlock(needs: readonly Requirement[], connections: readonly ConnectionCapabilities[]): string | null {
  if (needs.length === 0) return null;
  const unreachable = connections.filter((connection) => connection.capabilities === null);
  if (unreachable.length > 0) return `${connectionNames(unreachable)} cannot be reached: reconnect it in Settings.`;
  const lines = needs.flatMap((requirement) => {
    const lacking = connections.filter((connection) => !meetsRequirement(connection, requirement));
    return lacking.length === 0 ? [] : [`${connectionNames(lacking)} cannot ${requirement.cannot} (${[...new Set(lacking.map((c) => c.kind))].join(', ')}).`];
  });
  return lines.length === 0 ? null : lines.join(' ');
}
