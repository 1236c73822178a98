import type { CancelSignal, CommunityItem, Cursor, Page } from '@shared/connectors';
import type { DiscordApi } from './api';
import { sweepPage, type SweepPlan } from './guild-sweep';
import { channelCommunity } from './ids';
import { dcChannels, type DcGuild } from './wire';

/** Channel types a moderator acts in: text, announcement, forum. Voice, categories, threads are left out. */
const CHANNEL_KINDS: Readonly<Record<number, CommunityItem['kind']>> = { 0: 'chat', 5: 'announcements', 15: 'forum' };

const guildItem = (guild: DcGuild): CommunityItem => ({
  externalId: guild.id,
  parentExternalId: null,
  name: guild.name,
  kind: 'server',
  memberCount: guild.approximate_member_count ?? 0,
  language: null,
  tags: [],
  url: `https://discord.com/channels/${guild.id}`,
  rulesUrl: null,
});

/** A guild is the community; its text, announcement and forum channels are its sub-groups. */
export function listCommunityPage(api: DiscordApi, cursor: Cursor | null, signal: CancelSignal | undefined): Promise<Page<CommunityItem>> {
  const plan: SweepPlan<CommunityItem> = {
    tag: 'dc.c',
    itemsFor: (guild) => [guildItem(guild)],
    tasksFor: (guild) => [`${guild.id}:channels`],
    async run(key, _mark, taskSignal) {
      const guildId = key.split(':')[0] ?? '';
      const channels = await api.read({ method: 'GET', path: `guilds/${guildId}/channels`, ...(taskSignal ? { signal: taskSignal } : {}) }, dcChannels, { notFound: 'community' });
      const items = channels.flatMap((c): CommunityItem[] => {
        const kind = CHANNEL_KINDS[c.type];
        if (!kind) return [];
        return [{ externalId: channelCommunity(guildId, c.id), parentExternalId: guildId, name: `#${c.name ?? c.id}`, kind, memberCount: 0, language: null, tags: [], url: `https://discord.com/channels/${guildId}/${c.id}`, rulesUrl: null }];
      });
      return { items, mark: undefined, more: false };
    },
  };
  return sweepPage(api, cursor, plan, signal);
}
