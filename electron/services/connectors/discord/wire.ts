import { z } from 'zod';

/**
 * Discord API v10 objects Modboard reads (discord/discord-api-docs), only the fields
 * it uses. Snowflakes are strings (64-bit); unknown fields are dropped.
 */

const snowflake = z.string().regex(/^\d{1,20}$/);
/** ISO 8601 as Discord writes it; a value Date.parse cannot read would become NaN in an item. */
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 timestamp');

export const dcUser = z.object({ id: snowflake, username: z.string(), global_name: z.string().nullish(), bot: z.boolean().optional() });
export type DcUser = z.output<typeof dcUser>;

/** A partial guild from `GET /users/@me/guilds?with_counts=true`; `permissions` is the bot's, as a decimal bit string. */
export const dcGuild = z.object({
  id: snowflake,
  name: z.string(),
  permissions: z.string().regex(/^\d+$/),
  features: z.array(z.string()).default([]),
  approximate_member_count: z.number().int().nonnegative().optional(),
});
export type DcGuild = z.output<typeof dcGuild>;
export const dcGuilds = z.array(dcGuild);

/** Channel types: 0 text, 2 voice, 4 category, 5 announcement, 15 forum, 16 media. */
export const dcChannel = z.object({ id: snowflake, type: z.number().int(), name: z.string().nullish(), position: z.number().int().optional() });
export const dcChannels = z.array(dcChannel);

export const dcAuditEntry = z.object({
  id: snowflake,
  action_type: z.number().int(),
  user_id: snowflake.nullish(),
  target_id: snowflake.nullish(),
  reason: z.string().optional(),
  options: z
    .object({ channel_id: snowflake.optional(), auto_moderation_rule_name: z.string().optional(), auto_moderation_rule_trigger_type: z.string().optional() })
    .partial()
    .optional(),
});
export type DcAuditEntry = z.output<typeof dcAuditEntry>;
export const dcAuditLog = z.object({ audit_log_entries: z.array(dcAuditEntry), users: z.array(dcUser).default([]) });

export const dcMessage = z.object({ id: snowflake, channel_id: snowflake, content: z.string(), nonce: z.union([z.string(), z.number()]).nullish() });

/**
 * A message read back from `GET /channels/{id}/messages`. `content` is empty for a bot
 * without the privileged MESSAGE_CONTENT intent (except messages that mention it).
 * Types: 0 default, 19 reply; the rest are system notices (joins, pins, boosts).
 */
export const dcChannelMessage = z.object({
  id: snowflake,
  channel_id: snowflake,
  type: z.number().int().default(0),
  author: dcUser,
  content: z.string().default(''),
  timestamp,
  message_reference: z.object({ message_id: snowflake.optional() }).nullish(),
  /** Read entry by entry (attachments.ts): one odd entry must not fail the page. */
  attachments: z.array(z.unknown()).nullish(),
  sticker_items: z.array(z.unknown()).nullish(),
});
export type DcChannelMessage = z.output<typeof dcChannelMessage>;
export const dcChannelMessages = z.array(dcChannelMessage);

const formResponse = z.object({
  field_type: z.string(),
  label: z.string().optional(),
  response: z.union([z.string(), z.number(), z.boolean()]).nullish(),
  choices: z.array(z.string()).optional(),
});

/** Guild Join Request (member applications), published Aug 2026. */
export const dcJoinRequest = z.object({
  id: snowflake,
  created_at: timestamp,
  reviewed_at: z.string().nullish(),
  application_status: z.string().nullish(),
  rejection_reason: z.string().nullish(),
  guild_id: snowflake,
  user_id: snowflake,
  user: dcUser.nullish(),
  form_responses: z.array(formResponse).nullish(),
  actioned_by_user: dcUser.nullish(),
});
export type DcJoinRequest = z.output<typeof dcJoinRequest>;
/** `guild_join_requests` is missing for a bot with MANAGE_GUILD but not KICK_MEMBERS. */
export const dcJoinRequestList = z.object({ total: z.number().int().optional(), guild_join_requests: z.array(dcJoinRequest).optional() });

export const dcBulkBan = z.object({ banned_users: z.array(snowflake), failed_users: z.array(snowflake) });

/** Error bodies: `{message, code}`; 429 adds `retry_after` (float seconds) and `global`. */
export const dcError = z.object({ message: z.string().default(''), code: z.number().int().default(0), retry_after: z.number().optional(), global: z.boolean().optional() });
