import { z } from 'zod';

/**
 * The Bot API objects Modboard reads (https://core.telegram.org/bots/api), only the
 * fields it uses; unknown fields are dropped. Ids fit in a double (chat ids are
 * below 2^52), dates are Unix seconds.
 */

export const tgUser = z.object({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
export type TgUser = z.output<typeof tgUser>;

export const tgChat = z.object({
  id: z.number().int(),
  /** private, group, supergroup or channel; a string so a new kind does not wedge the update queue. */
  type: z.string(),
  title: z.string().optional(),
  username: z.string().optional(),
  is_forum: z.boolean().optional(),
});
export type TgChat = z.output<typeof tgChat>;

const messageFields = {
  message_id: z.number().int(),
  date: z.number().int(),
  chat: tgChat,
  from: tgUser.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  message_thread_id: z.number().int().optional(),
  /** Service message in a group that became a supergroup: the supergroup's id. */
  migrate_to_chat_id: z.number().int().optional(),
  migrate_from_chat_id: z.number().int().optional(),
  /** Media, read field by field in attachments.ts (an odd one is skipped, not the update). */
  photo: z.array(z.unknown()).optional(),
  video: z.unknown().optional(),
  animation: z.unknown().optional(),
  document: z.unknown().optional(),
  sticker: z.unknown().optional(),
  voice: z.unknown().optional(),
  audio: z.unknown().optional(),
};

const tgReplied = z.object(messageFields);
export const tgMessage = z.object({ ...messageFields, reply_to_message: tgReplied.optional() });
export type TgMessage = z.output<typeof tgMessage>;
export type TgRepliedMessage = z.output<typeof tgReplied>;

export const tgChatJoinRequest = z.object({
  chat: tgChat,
  from: tgUser,
  date: z.number().int(),
  bio: z.string().optional(),
  invite_link: z.object({ invite_link: z.string(), name: z.string().optional() }).optional(),
});
export type TgChatJoinRequest = z.output<typeof tgChatJoinRequest>;

/** creator, administrator, member, restricted, left or kicked. */
const tgChatMember = z.object({ status: z.string(), user: tgUser });

export const tgChatMemberUpdated = z.object({
  chat: tgChat,
  from: tgUser,
  date: z.number().int(),
  old_chat_member: tgChatMember,
  new_chat_member: tgChatMember,
  /** The user joined after an administrator approved their join request (Bot API 7.3). */
  via_join_request: z.boolean().optional(),
});
export type TgChatMemberUpdated = z.output<typeof tgChatMemberUpdated>;

export const tgUpdate = z.object({
  update_id: z.number().int(),
  message: tgMessage.optional(),
  /** A member edited a message: the whole message with its new text. */
  edited_message: tgMessage.optional(),
  chat_join_request: tgChatJoinRequest.optional(),
  my_chat_member: tgChatMemberUpdated.optional(),
  chat_member: tgChatMemberUpdated.optional(),
});
export type TgUpdate = z.output<typeof tgUpdate>;

export const tgUpdates = z.array(tgUpdate);

/** `getChat` answers a ChatFullInfo; the fields used for a community row. */
export const tgChatFullInfo = tgChat.extend({ description: z.string().optional() });
export type TgChatFullInfo = z.output<typeof tgChatFullInfo>;

export const tgTrue = z.literal(true);

/** getFile's File: `file_path` is missing when the file cannot be downloaded (over 20 MB for bots). */
export const tgFile = z.object({ file_id: z.string(), file_size: z.number().int().nonnegative().optional(), file_path: z.string().optional() });

/** Every answer: `{ok: true, result}` or `{ok: false, error_code, description, parameters?}`. */
export const tgOk = z.object({ ok: z.literal(true), result: z.unknown() });

export const tgError = z.object({
  ok: z.literal(false),
  error_code: z.number().int(),
  description: z.string().default(''),
  parameters: z.object({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().int().optional() }).optional(),
});
export type TgError = z.output<typeof tgError>;

/** What Modboard subscribes to. `chat_member` must be asked for by name; the list is sticky on Telegram's side. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'chat_join_request', 'my_chat_member', 'chat_member'] as const;
