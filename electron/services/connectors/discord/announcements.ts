import { ConnectorFailure, type AnnouncementDelete, type AnnouncementEdit, type AnnouncementPost, type CancelSignal, type Outcome } from '@shared/connectors';
import type { DiscordApi } from './api';
import { channelOf, guildOf, nonceFor, snowflakeOf } from './ids';
import { dcMessage } from './wire';

export const MAX_CONTENT = 2_000;

function checkContent(text: string): void {
  if (text.trim() === '' || text.length > MAX_CONTENT) throw new ConnectorFailure({ class: 'invalid', detail: `A Discord message holds 1 to ${MAX_CONTENT} characters` });
}

const messageUrl = (guildId: string, channelId: string, messageId: string) => `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;

/**
 * `nonce` + `enforce_nonce: true`: a second create with the same nonce within a few
 * minutes returns the first message instead of posting again. The nonce is derived
 * from the push's idempotency key, so the outbox's retries are deduplicated by
 * Discord itself (`sendIdempotency: 'window'`).
 */
export function sendAnnouncement(api: DiscordApi, post: AnnouncementPost, idempotencyKey: string, signal: CancelSignal | undefined): Promise<Outcome> {
  checkContent(post.text);
  const guildId = guildOf(post.communityExternalId);
  const channelId = channelOf(post.communityExternalId);
  const body = { content: post.text, nonce: nonceFor(idempotencyKey), enforce_nonce: true, allowed_mentions: { parse: [] } };
  return api.pushFor({ method: 'POST', path: `channels/${channelId}/messages`, body, ...(signal ? { signal } : {}) }, dcMessage, { notFound: 'community' }, (message) => ({
    externalId: message.id,
    url: messageUrl(guildId, channelId, message.id),
  }));
}

export function editAnnouncement(api: DiscordApi, edit: AnnouncementEdit, signal: CancelSignal | undefined): Promise<Outcome> {
  checkContent(edit.text);
  const path = `channels/${channelOf(edit.communityExternalId)}/messages/${snowflakeOf(edit.messageExternalId, 'message')}`;
  return api.push({ method: 'PATCH', path, body: { content: edit.text }, ...(signal ? { signal } : {}) }, { notFound: 'message' });
}

export function deleteAnnouncement(api: DiscordApi, target: AnnouncementDelete, signal: CancelSignal | undefined): Promise<Outcome> {
  const path = `channels/${channelOf(target.communityExternalId)}/messages/${snowflakeOf(target.messageExternalId, 'message')}`;
  return api.push({ method: 'DELETE', path, ...(signal ? { signal } : {}) }, { notFound: 'message', doneCodes: { 10008: 'already deleted' } });
}
