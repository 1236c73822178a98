import { ConnectorFailure, type CancelSignal, type ModAction, type Outcome } from '@shared/connectors';
import { z } from 'zod';
import { MAX_CONTENT } from './announcements';
import type { DiscordApi } from './api';
import { guildOf, nonceFor, snowflakeOf } from './ids';
import { dcMessage } from './wire';

/**
 * 50007 "Cannot send messages to this user": they turned off DMs from server members
 * (or blocked the bot). Discord answers it with 403, which would otherwise read as a
 * revoked token and pause the whole connection; it is about this one person.
 */
const DMS_CLOSED = { 50007: 'This person does not accept direct messages from the bot (their privacy settings), so the warning was not delivered' } as const;

const dmChannel = z.object({ id: z.string().regex(/^\d{1,20}$/) });

/** The message a warning is about, as a link the person can open (a DM cannot reply to a server message). */
function aboutLink(action: Extract<ModAction, { type: 'warn' }>): string {
  const [guild, channel] = action.communityExternalId.split('/');
  if (action.messageExternalId === null || !channel) return '';
  return `\n\nAbout: https://discord.com/channels/${guild}/${channel}/${snowflakeOf(action.messageExternalId, 'message')}`;
}

/**
 * A warning is a direct message: open (or reuse) the DM channel with the person, then
 * post into it with a nonce from the push's key, so a retry within Discord's window
 * does not warn twice. Closed DMs are a clear, final `invalid` for this push.
 */
export async function warn(api: DiscordApi, action: Extract<ModAction, { type: 'warn' }>, idempotencyKey: string, on: { signal?: CancelSignal }): Promise<Outcome> {
  guildOf(action.communityExternalId);
  const content = `${action.text}${aboutLink(action)}`;
  if (action.text.trim() === '' || content.length > MAX_CONTENT) throw new ConnectorFailure({ class: 'invalid', detail: `A Discord warning holds 1 to ${MAX_CONTENT} characters` });
  const channel = await api.read({ method: 'POST', path: 'users/@me/channels', body: { recipient_id: snowflakeOf(action.personExternalId, 'user') }, ...on }, dmChannel, { notFound: 'user', refusals: DMS_CLOSED });
  const body = { content, nonce: nonceFor(idempotencyKey), enforce_nonce: true, allowed_mentions: { parse: [] } };
  return api.pushFor({ method: 'POST', path: `channels/${channel.id}/messages`, body, ...on }, dcMessage, { notFound: 'user', refusals: DMS_CLOSED }, (message) => ({ externalId: message.id }));
}
