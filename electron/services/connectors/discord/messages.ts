import type { CancelSignal, Cursor, MessageItem, Page } from '@shared/connectors';
import { z } from 'zod';
import { expectBody, safeParseAnswer } from '../http/client';
import type { DiscordApi } from './api';
import { attachmentsOf } from './attachments';
import { sweepPage, type SweepPlan } from './guild-sweep';
import { channelCommunity, hasPermission } from './ids';
import { personOf } from './reports';
import { dcChannelMessages, dcChannels, dcError, type DcChannelMessage, type DcGuild } from './wire';

/** `GET /channels/{id}/messages` serves at most 100 messages per call. */
export const CHANNEL_PAGE = 100;
/** Text and announcement channels hold messages; forums hold threads, voice channels and categories none. */
const MESSAGE_CHANNELS = new Set([0, 5]);
/** Ordinary messages and replies; joins, pins and boosts are system notices. */
const MEMBER_MESSAGES = new Set([0, 19]);
/** A channel that refused the bot is asked again after this long (its rights may have changed). */
export const REFUSED_RETRY_MS = 24 * 3_600_000;
/**
 * 403 Missing Access (50001) / Missing Permissions (50013) on one channel: that channel
 * is closed to the bot (a permission overwrite), not the token revoked. It is skipped,
 * and asked again only after REFUSED_RETRY_MS: 403s count toward Discord's IP ban.
 */
const CHANNEL_REFUSALS = new Set([50001, 50013]);

/**
 * A guild's place in the message feed, kept in the sweep's mark for the guild:
 * `ch` its readable channels this pass (null: list them first), `i` the one being
 * read, `last` each channel's newest message delivered (its own cursor: `after=`),
 * `no` channels that refused the bot and when.
 */
const guildMark = z.object({
  ch: z.array(z.string()).nullable(),
  i: z.number().int().min(0),
  last: z.record(z.string(), z.string()),
  no: z.record(z.string(), z.number()),
});
type GuildMark = z.output<typeof guildMark>;
const FRESH: GuildMark = { ch: null, i: 0, last: {}, no: {} };

function readMark(mark: string | undefined): GuildMark {
  if (mark === undefined) return FRESH;
  try {
    const parsed = guildMark.safeParse(JSON.parse(mark));
    return parsed.success ? parsed.data : FRESH;
  } catch {
    return FRESH;
  }
}

export function messageOf(guildId: string, message: DcChannelMessage, cdn: string): MessageItem {
  const community = channelCommunity(guildId, message.channel_id);
  const attachments = attachmentsOf(message.attachments ?? [], message.sticker_items ?? [], cdn);
  return {
    externalId: message.id,
    communityExternalId: community,
    conversationId: community,
    author: personOf(message.author, message.author.id),
    body: message.content,
    sentAt: Date.parse(message.timestamp),
    replyToExternalId: message.message_reference?.message_id ?? null,
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

const newest = (messages: readonly DcChannelMessage[]): string | undefined =>
  messages.reduce<string | undefined>((max, m) => (max === undefined || BigInt(m.id) > BigInt(max) ? m.id : max), undefined);

/**
 * Recent messages of every text channel the bot can read, one HTTP call per page so
 * each goes through the engine's rate gate and the route buckets (`buckets.ts`; the
 * messages route is bucketed per channel). Per channel: the first pass reads the
 * latest 100 (a channel's history is not new traffic), later passes
 * `after=<newest delivered>`, paging on while a page comes back full. The bot's own
 * messages (announcements) are left out.
 */
export function pullMessagePage(api: DiscordApi, cursor: Cursor | null, now: number, botId: string | null, signal: CancelSignal | undefined): Promise<Page<MessageItem>> {
  const plan: SweepPlan<MessageItem> = {
    tag: 'dc.m',
    tasksFor: (guild: DcGuild) =>
      hasPermission(guild.permissions, 'VIEW_CHANNEL') && hasPermission(guild.permissions, 'READ_MESSAGE_HISTORY') ? [`${guild.id}:messages`] : [],
    async run(key, mark, taskSignal) {
      const guildId = key.split(':')[0] ?? '';
      const on = taskSignal ? { signal: taskSignal } : {};
      const state = readMark(mark);
      if (state.ch === null) {
        const channels = await api.read({ method: 'GET', path: `guilds/${guildId}/channels`, ...on }, dcChannels, { notFound: 'community' });
        const ids = channels.filter((c) => MESSAGE_CHANNELS.has(c.type)).map((c) => c.id);
        const ch = ids.filter((id) => (state.no[id] ?? -Infinity) + REFUSED_RETRY_MS <= now);
        // Channels deleted since are forgotten, with their positions.
        const keep = <V>(record: Record<string, V>) => Object.fromEntries(Object.entries(record).filter(([id]) => ids.includes(id)));
        return { items: [], mark: JSON.stringify({ ch, i: 0, last: keep(state.last), no: keep(state.no) }), more: ch.length > 0 };
      }
      const channel = state.ch[state.i];
      if (channel === undefined) return { items: [], mark: JSON.stringify({ ...state, ch: null, i: 0 }), more: false };
      const after = state.last[channel];
      const page = await readChannel(api, channel, after, on);
      const next = { ...state, last: { ...state.last }, no: { ...state.no } };
      if (page === 'refused') next.no[channel] = now;
      else {
        const top = newest(page);
        if (top !== undefined) next.last[channel] = top;
      }
      // A full page after a known position means more are waiting in this channel.
      const stay = page !== 'refused' && after !== undefined && page.length === CHANNEL_PAGE;
      const i = stay ? state.i : state.i + 1;
      const passDone = i >= state.ch.length;
      const items = page === 'refused' ? [] : [...page].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)).filter((m) => MEMBER_MESSAGES.has(m.type) && m.author.id !== botId);
      return {
        items: items.map((m) => messageOf(guildId, m, api.cdn)),
        mark: JSON.stringify(passDone ? { ...next, ch: null, i: 0 } : { ...next, i }),
        more: !passDone,
      };
    },
  };
  return sweepPage(api, cursor, plan, signal);
}

async function readChannel(api: DiscordApi, channel: string, after: string | undefined, on: { signal?: CancelSignal }): Promise<DcChannelMessage[] | 'refused'> {
  const path = `channels/${channel}/messages`;
  const answer = await api.send({ method: 'GET', path, query: { limit: CHANNEL_PAGE, ...(after ? { after } : {}) }, ...on });
  if (answer.status === 403 && CHANNEL_REFUSALS.has(safeParseAnswer(dcError, answer.body).data?.code ?? 0)) return 'refused';
  if (answer.status >= 300) api.fail(answer, { notFound: 'community' });
  return expectBody(answer, dcChannelMessages, 'channels/{id}/messages');
}
