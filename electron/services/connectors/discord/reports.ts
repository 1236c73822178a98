import type { CancelSignal, Cursor, Page, PersonItem, ReportItem } from '@shared/connectors';
import type { DiscordApi } from './api';
import { sweepPage, type SweepPlan } from './guild-sweep';
import { channelCommunity, hasPermission, snowflakeAt, snowflakeTime } from './ids';
import { dcAuditLog, type DcAuditEntry, type DcUser } from './wire';

/**
 * Discord has no API for members' reports (they go to Trust & Safety). What a bot
 * can read is what AutoMod did, from the audit log (kept 45 days): one task per
 * guild and AutoMod action type (`action_type` takes one value per request), each
 * read with `after=<last entry id>` (ascending when `after` is given). Live AutoMod
 * events come over the Gateway WebSocket, which a stateless pull connector does not
 * hold; the audit log is the catch-up the Gateway would need anyway.
 */
export const AUTOMOD_ACTIONS: Readonly<Record<number, string>> = {
  143: 'blocked a message',
  144: 'flagged a message',
  145: 'timed out a member',
  146: 'quarantined a member',
};
export const AUDIT_PAGE = 100;
/** Where a guild's first pass starts: older AutoMod hits are history, not work. */
export const FIRST_PASS_LOOKBACK_MS = 3 * 86_400_000;

export function personOf(user: DcUser | undefined, id: string): PersonItem {
  return {
    externalId: id,
    displayName: user?.global_name || user?.username || id,
    username: user?.username ?? null,
    accountCreatedAt: /^\d+$/.test(id) ? snowflakeTime(id) : null,
    profileUrl: null,
    history: null,
  };
}

export function reportOf(guildId: string, entry: DcAuditEntry, users: readonly DcUser[]): ReportItem {
  const rule = entry.options?.auto_moderation_rule_name ?? 'an AutoMod rule';
  const what = AUTOMOD_ACTIONS[entry.action_type] ?? 'acted';
  const authorId = entry.target_id ?? entry.user_id ?? '0';
  const channel = entry.options?.channel_id;
  const community = channel ? channelCommunity(guildId, channel) : guildId;
  const at = snowflakeTime(entry.id);
  return {
    externalId: entry.id,
    version: null,
    message: {
      // The audit log names neither the message nor its text (that needs the Gateway and MESSAGE_CONTENT).
      externalId: `automod:${entry.id}`,
      communityExternalId: community,
      conversationId: community,
      author: personOf(users.find((u) => u.id === authorId), authorId),
      body: `AutoMod ${what} (rule "${rule}"${entry.options?.auto_moderation_rule_trigger_type ? `, trigger ${entry.options.auto_moderation_rule_trigger_type}` : ''})`,
      sentAt: at,
      replyToExternalId: null,
    },
    context: [],
    reporter: null,
    reason: `AutoMod: ${rule}`,
    reportedAt: at,
    status: 'open',
    handledBy: null,
  };
}

export function pullReportPage(api: DiscordApi, cursor: Cursor | null, now: number, signal: CancelSignal | undefined): Promise<Page<ReportItem>> {
  const plan: SweepPlan<ReportItem> = {
    tag: 'dc.r',
    tasksFor: (guild) => (hasPermission(guild.permissions, 'VIEW_AUDIT_LOG') ? Object.keys(AUTOMOD_ACTIONS).map((type) => `${guild.id}:${type}`) : []),
    async run(key, mark, taskSignal) {
      const [guildId = '', type = ''] = key.split(':');
      const query = { action_type: type, after: mark ?? snowflakeAt(now - FIRST_PASS_LOOKBACK_MS), limit: AUDIT_PAGE };
      const log = await api.read({ method: 'GET', path: `guilds/${guildId}/audit-logs`, query, ...(taskSignal ? { signal: taskSignal } : {}) }, dcAuditLog, { notFound: 'community' });
      const entries = log.audit_log_entries.filter((e) => e.action_type === Number(type));
      const newest = log.audit_log_entries.reduce<string | undefined>((max, e) => (max === undefined || BigInt(e.id) > BigInt(max) ? e.id : max), mark);
      return { items: entries.map((e) => reportOf(guildId, e, log.users)), mark: newest ?? snowflakeAt(now - FIRST_PASS_LOOKBACK_MS), more: log.audit_log_entries.length === AUDIT_PAGE };
    },
  };
  return sweepPage(api, cursor, plan, signal);
}
