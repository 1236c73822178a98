import { startLoopback, type LoopbackFault, type LoopbackReply, type LoopbackRequest, type LoopbackServer } from '../loopback';
import type { TgChat, TgMessage, TgUpdate, TgUser } from '@services/connectors/telegram/wire';

/**
 * A Bot API server for tests, speaking https://core.telegram.org/bots/api as
 * documented: `POST /bot<token>/<method>` with JSON, `{ok, result}` answers, error
 * bodies with `error_code`, `description` and `parameters`, and an update queue
 * whose updates are confirmed (and forgotten) by a getUpdates with a higher offset.
 */

export interface FakeChat extends TgChat {
  memberCount: number;
  /** Set when the group became a supergroup: calls to the old id then fail with migrate_to_chat_id. */
  migratedTo?: number;
  botRemoved?: boolean;
}

export const BOT: TgUser = { id: 7000, is_bot: true, first_name: 'Modboard', username: 'modboard_bot' };
export const OTHER_ADMIN: TgUser = { id: 7001, is_bot: false, first_name: 'Dana', last_name: 'Admin' };

type Params = Record<string, unknown>;
const fail = (code: number, description: string, parameters?: Params): LoopbackReply => ({ status: code, json: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) } });
const ok = (result: unknown): LoopbackReply => ({ status: 200, json: { ok: true, result } });
const key = (chatId: unknown, id: unknown) => `${String(chatId)}:${String(id)}`;

export class FakeTelegram {
  readonly chats = new Map<number, FakeChat>();
  readonly pendingRequests = new Set<string>();
  readonly members = new Set<string>();
  readonly bans = new Map<string, number>();
  readonly restrictions = new Map<string, Params>();
  readonly messages = new Map<string, TgMessage>();
  /** Files by file_id: what getFile describes and `/file/bot<token>/<file_path>` serves. Delete one to make it gone. */
  readonly files = new Map<string, { readonly path: string; readonly bytes: Uint8Array }>();
  private queue: TgUpdate[] = [];
  private nextUpdateId = 500;
  private nextMessageId = 1;
  private server: LoopbackServer | null = null;

  constructor(public token = '123456:TEST-token_value') {}

  /** @BotFather /revoke: the old token answers 401 from now on; the new one is returned. */
  revokeToken(): string {
    this.token = `${this.token.split(':')[0]}:REVOKED-then-new_${Math.random().toString(36).slice(2, 10)}`;
    return this.token;
  }

  static async start(token?: string): Promise<FakeTelegram> {
    const fake = new FakeTelegram(token);
    fake.server = await startLoopback((request) => fake.handle(request));
    return fake;
  }

  get url(): string {
    return this.live().url;
  }
  /** Every request as received (method, path with the token, headers, body, time). */
  get requestLog(): readonly LoopbackRequest[] {
    return this.live().requests;
  }
  /** Method name and parameters of every call, in order. */
  calls(): { method: string; params: Params }[] {
    return this.live().requests.map((r) => ({ method: r.path.split('/').pop() ?? '', params: (r.body as Params | null) ?? Object.fromEntries(r.query) }));
  }
  inject(fault: LoopbackFault): void {
    this.live().inject(fault);
  }
  close(): Promise<void> {
    return this.live().close();
  }
  /** Update ids still in the queue (not yet confirmed). */
  pendingUpdateIds(): number[] {
    return this.queue.map((u) => u.update_id);
  }

  addChat(chat: Omit<FakeChat, 'memberCount'> & { memberCount?: number }): FakeChat {
    const full = { memberCount: 10, ...chat };
    this.chats.set(chat.id, full);
    return full;
  }
  pushUpdate(body: Omit<TgUpdate, 'update_id'>): number {
    const update_id = this.nextUpdateId++;
    this.queue.push({ update_id, ...body });
    return update_id;
  }
  botAdded(chatId: number): number {
    const chat = this.chatOf(chatId);
    const member = (status: string) => ({ status, user: BOT });
    return this.pushUpdate({ my_chat_member: { chat, from: OTHER_ADMIN, date: now(), old_chat_member: member('left'), new_chat_member: member('administrator') } });
  }
  requestToJoin(chatId: number, user: TgUser, bio?: string): number {
    this.pendingRequests.add(key(chatId, user.id));
    return this.pushUpdate({ chat_join_request: { chat: this.chatOf(chatId), from: user, date: now(), ...(bio ? { bio } : {}) } });
  }
  post(chatId: number, from: TgUser, text: string, replyTo?: number): TgMessage {
    const reply = replyTo === undefined ? undefined : this.messages.get(key(chatId, replyTo));
    const message: TgMessage = { message_id: this.nextMessageId++, date: now(), chat: this.chatOf(chatId), from, text, ...(reply ? { reply_to_message: reply } : {}) };
    this.messages.set(key(chatId, message.message_id), message);
    this.pushUpdate({ message });
    return message;
  }
  /**
   * A member posts a photo, as Telegram sends it: `photo` is the sizes (the largest last),
   * each with its own file_id; the largest is served by getFile and the file URL.
   */
  postPhoto(chatId: number, from: TgUser, bytes: Uint8Array, caption?: string): TgMessage {
    const fileId = this.addFile('photos', 'jpg', bytes);
    const photo = [
      { file_id: `${fileId}-thumb`, file_unique_id: `${fileId}-t`, file_size: 900, width: 90, height: 60 },
      { file_id: fileId, file_unique_id: `${fileId}-u`, file_size: bytes.byteLength, width: 960, height: 640 },
    ];
    const message = { message_id: this.nextMessageId++, date: now(), chat: this.chatOf(chatId), from, photo, ...(caption ? { caption } : {}) } as TgMessage;
    this.messages.set(key(chatId, message.message_id), message);
    this.pushUpdate({ message });
    return message;
  }
  /** A file getFile can describe (under `folder/`), with the file_id it answers to. */
  addFile(folder: string, extension: string, bytes: Uint8Array): string {
    const fileId = `AgACAgQAAx${this.files.size + 1}kBAAI`;
    this.files.set(fileId, { path: `${folder}/file_${this.files.size}.${extension}`, bytes });
    return fileId;
  }
  /** A member edits their message: Telegram sends the whole message again as `edited_message`. */
  editedByMember(chatId: number, messageId: number, text: string): TgMessage {
    const message = this.messages.get(key(chatId, messageId));
    if (!message) throw new Error(`no message ${messageId} in ${chatId}`);
    const edited = { ...message, text };
    this.messages.set(key(chatId, messageId), edited);
    this.pushUpdate({ edited_message: edited });
    return edited;
  }
  /** Another admin approves in the Telegram app; the bot hears it as a chat_member update. */
  approvedElsewhere(chatId: number, user: TgUser): void {
    this.pendingRequests.delete(key(chatId, user.id));
    this.members.add(key(chatId, user.id));
    const member = (status: string) => ({ status, user });
    this.pushUpdate({ chat_member: { chat: this.chatOf(chatId), from: OTHER_ADMIN, date: now(), old_chat_member: member('left'), new_chat_member: member('member'), via_join_request: true } });
  }
  migrate(chatId: number, newId: number): void {
    const old = this.chats.get(chatId);
    if (!old) throw new Error(`no chat ${chatId}`);
    old.migratedTo = newId;
    this.addChat({ ...old, id: newId, type: 'supergroup', migratedTo: undefined });
    this.pushUpdate({ message: { message_id: this.nextMessageId++, date: now(), chat: this.chatOf(chatId), migrate_to_chat_id: newId } });
  }

  private live(): LoopbackServer {
    if (!this.server) throw new Error('FakeTelegram not started');
    return this.server;
  }

  private chatOf(chatId: number): TgChat {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`no chat ${chatId}`);
    return { id: chat.id, type: chat.type, ...(chat.title ? { title: chat.title } : {}), ...(chat.username ? { username: chat.username } : {}) };
  }

  /** The checks every chat method makes, in Telegram's words. */
  private chatProblem(chatId: unknown): LoopbackReply | null {
    const chat = this.chats.get(Number(chatId));
    if (!chat) return fail(400, 'Bad Request: chat not found');
    if (chat.migratedTo !== undefined) return fail(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: chat.migratedTo });
    if (chat.botRemoved) return fail(403, 'Forbidden: bot was kicked from the supergroup chat');
    return null;
  }

  private handle(request: LoopbackRequest): LoopbackReply {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(request.path);
    if (download) {
      if (decodeURIComponent(download[1] ?? '') !== this.token) return fail(401, 'Unauthorized');
      const path = decodeURIComponent(download[2] ?? '');
      const file = [...this.files.values()].find((f) => f.path === path);
      return file ? { status: 200, bytes: file.bytes, headers: { 'content-type': 'application/octet-stream' } } : fail(404, 'Not Found');
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.path);
    if (!match) return fail(404, 'Not Found');
    if (decodeURIComponent(match[1] ?? '') !== this.token) return fail(401, 'Unauthorized');
    const method = match[2] ?? '';
    const p = (request.body as Params | null) ?? Object.fromEntries(request.query);
    if (method === 'getMe') return ok(BOT);
    if (method === 'getUpdates') return ok(this.getUpdates(p));
    if (method === 'getFile') {
      const file = this.files.get(String(p.file_id));
      if (!file) return fail(400, 'Bad Request: invalid file_id');
      if (file.bytes.byteLength > 20 * 1024 * 1024) return fail(400, 'Bad Request: file is too big');
      return ok({ file_id: p.file_id, file_unique_id: `${String(p.file_id)}-u`, file_size: file.bytes.byteLength, file_path: file.path });
    }
    const problem = this.chatProblem(p.chat_id);
    if (problem) return problem;
    const member = key(p.chat_id, p.user_id);
    switch (method) {
      case 'getChat':
        return ok(this.chats.get(Number(p.chat_id)));
      case 'getChatMemberCount':
        return ok(this.chats.get(Number(p.chat_id))?.memberCount);
      case 'approveChatJoinRequest':
      case 'declineChatJoinRequest':
        if (this.members.has(member) && method === 'approveChatJoinRequest') return fail(400, 'Bad Request: USER_ALREADY_PARTICIPANT');
        if (!this.pendingRequests.delete(member)) return fail(400, 'Bad Request: HIDE_REQUESTER_MISSING');
        if (method === 'approveChatJoinRequest') this.members.add(member);
        return ok(true);
      case 'banChatMember':
        this.members.delete(member);
        this.bans.set(member, Number(p.until_date ?? 0));
        return ok(true);
      case 'unbanChatMember':
        this.bans.delete(member);
        if (p.only_if_banned !== true) this.members.delete(member);
        return ok(true);
      case 'restrictChatMember':
        this.restrictions.set(member, p);
        return ok(true);
      case 'deleteMessage':
        return this.messages.delete(key(p.chat_id, p.message_id)) ? ok(true) : fail(400, 'Bad Request: message to delete not found');
      case 'deleteMessages':
        for (const id of (p.message_ids as unknown[]) ?? []) this.messages.delete(key(p.chat_id, id));
        return ok(true);
      case 'sendMessage':
        return this.send(p);
      case 'editMessageText':
        return this.edit(p);
      default:
        return fail(404, 'Not Found');
    }
  }

  private getUpdates(p: Params): TgUpdate[] {
    // "An update is considered confirmed as soon as getUpdates is called with an offset higher than its update_id."
    if (typeof p.offset === 'number') this.queue = this.queue.filter((u) => u.update_id >= (p.offset as number));
    return this.queue.slice(0, typeof p.limit === 'number' ? p.limit : 100);
  }

  private send(p: Params): LoopbackReply {
    if (typeof p.text !== 'string' || p.text === '') return fail(400, 'Bad Request: message text is empty');
    const reply = (p.reply_parameters ?? null) as { message_id?: number; allow_sending_without_reply?: boolean } | null;
    const repliedTo = reply ? this.messages.get(key(p.chat_id, reply.message_id)) : undefined;
    if (reply && !repliedTo && reply.allow_sending_without_reply !== true) return fail(400, 'Bad Request: message to be replied not found');
    const message: TgMessage = { message_id: this.nextMessageId++, date: now(), chat: this.chatOf(Number(p.chat_id)), from: BOT, text: p.text, ...(repliedTo ? { reply_to_message: repliedTo } : {}) };
    this.messages.set(key(p.chat_id, message.message_id), message);
    return ok(message);
  }

  private edit(p: Params): LoopbackReply {
    const message = this.messages.get(key(p.chat_id, p.message_id));
    if (!message) return fail(400, 'Bad Request: message to edit not found');
    if (message.text === p.text) return fail(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    const edited = { ...message, text: String(p.text) };
    this.messages.set(key(p.chat_id, p.message_id), edited);
    return ok(edited);
  }
}

const now = () => Math.floor(Date.now() / 1000);
