import { createHash } from 'node:crypto';
import { ConnectorFailure } from '@shared/connectors';

/**
 * Snowflakes, community ids and permission bits.
 *
 * A guild is a community (`<guildId>`), each of its channels a sub-community
 * (`<guildId>/<channelId>`), so any community id names the guild that member actions
 * need and, for channels, the channel that message actions need, without a lookup.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;

/** When a snowflake was made (epoch ms). */
export const snowflakeTime = (id: string): number => Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
/** The smallest snowflake made at `ms`: a time to use as `after`/`before`. */
export const snowflakeAt = (ms: number): string => String((BigInt(Math.max(0, Math.floor(ms))) - DISCORD_EPOCH) << 22n);

const SNOWFLAKE = /^\d{1,20}$/;
function snowflake(text: string | undefined, original: string, what: string): string {
  if (text === undefined || !SNOWFLAKE.test(text)) throw new ConnectorFailure({ class: 'invalid', detail: `"${original}" is not a Discord ${what} id` });
  return text;
}

export const channelCommunity = (guildId: string, channelId: string) => `${guildId}/${channelId}`;
export const guildOf = (communityExternalId: string): string => snowflake(communityExternalId.split('/')[0], communityExternalId, 'guild');
export function channelOf(communityExternalId: string): string {
  const [, channel, ...rest] = communityExternalId.split('/');
  if (channel === undefined) throw new ConnectorFailure({ class: 'invalid', detail: 'Choose a channel of the server for this (a server has no messages of its own)' });
  return snowflake(rest.length === 0 ? channel : undefined, communityExternalId, 'channel');
}
export const snowflakeOf = (externalId: string, what: 'user' | 'message' | 'request'): string => snowflake(externalId, externalId, what);

export const PERMISSIONS = {
  KICK_MEMBERS: 1n << 1n,
  BAN_MEMBERS: 1n << 2n,
  ADMINISTRATOR: 1n << 3n,
  MANAGE_GUILD: 1n << 5n,
  VIEW_AUDIT_LOG: 1n << 7n,
  VIEW_CHANNEL: 1n << 10n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  MANAGE_MESSAGES: 1n << 13n,
  MODERATE_MEMBERS: 1n << 40n,
} as const;
export type PermissionName = keyof typeof PERMISSIONS;

export function hasPermission(permissions: string, name: PermissionName): boolean {
  const bits = BigInt(permissions);
  return (bits & PERMISSIONS.ADMINISTRATOR) !== 0n || (bits & PERMISSIONS[name]) !== 0n;
}

/** `nonce` is at most 25 characters: a digest of the push's key, the same on every retry. */
export const nonceFor = (idempotencyKey: string): string => createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 25);

/**
 * A bot token starts with the bot's user id in base64, which tells whether a join
 * request was actioned by this bot or by someone else without asking Discord.
 */
export function botIdFromToken(token: string): string | null {
  try {
    const id = Buffer.from(token.split('.')[0] ?? '', 'base64').toString('utf8');
    return SNOWFLAKE.test(id) ? id : null;
  } catch {
    return null;
  }
}
