import { FakeDiscordLimits } from './rate-limits';
import { startLoopback, type LoopbackFault, type LoopbackReply, type LoopbackRequest, type LoopbackServer } from '../loopback';
import { snowflakeAt, snowflakeTime } from '@services/connectors/discord/ids';
import type { DcAuditEntry, DcJoinRequest, DcUser } from '@services/connectors/discord/wire';

/**
 * A Discord API v10 for tests, as discord-api-docs describes it: `Authorization: Bot
 * <token>`, snowflake ids, `{message, code}` errors with the documented JSON codes,
 * audit logs ascending with `after`, bulk delete's 14-day rule, nonce deduplication
 * with `enforce_nonce`, bulk ban's `{banned_users, failed_users}`, and member
 * applications (already-decided requests come back unchanged).
 */

export const BOT: DcUser = { id: '900000000000000001', username: 'modboard', global_name: null, bot: true };
export const MODERATOR: DcUser = { id: '900000000000000002', username: 'dana', global_name: 'Dana' };
export const BOT_TOKEN = `${Buffer.from(BOT.id).toString('base64')}.GXk1ab.not-a-real-secret`;
export const ALL_PERMISSIONS = String((1n << 41n) - 1n & ~(1n << 3n));

export interface FakeGuild {
  id: string;
  name: string;
  permissions: string;
  features: string[];
  channels: { id: string; type: number; name: string }[];
}
interface FakeMessage { id: string; channel_id: string; content: string; nonce?: string; author?: DcUser; type?: number; attachments?: unknown[]; sticker_items?: unknown[] }

/** A file on the fake CDN: what it serves, and the type it claims. */
export interface FakeCdnFile {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

const err = (status: number, code: number, message: string): LoopbackReply => ({ status, json: { message, code } });
const ok = (json: unknown): LoopbackReply => ({ status: 200, json });
const NO_CONTENT: LoopbackReply = { status: 204, text: '' };

export class FakeDiscord {
  readonly guilds: FakeGuild[] = [];
  readonly audit = new Map<string, DcAuditEntry[]>();
  readonly users = new Map<string, DcUser>([[MODERATOR.id, MODERATOR]]);
  readonly messages = new Map<string, FakeMessage>();
  readonly bans = new Set<string>();
  readonly members = new Set<string>();
  /** Users above the bot's role: bans fail for them. */
  readonly protectedUsers = new Set<string>();
  /** The bot token the fake accepts; `revokeToken` changes it, as a reset in the Developer Portal would. */
  token = BOT_TOKEN;
  readonly timeouts = new Map<string, string | null>();
  /** Users whose privacy settings refuse DMs from server members: sending them one is 403, code 50007. */
  readonly dmsClosed = new Set<string>();
  /** DM channel id → the user it reaches. */
  readonly dmChannels = new Map<string, string>();
  readonly requests = new Map<string, DcJoinRequest>();
  /** Channels a permission overwrite hides from the bot: reading them is 403, code 50001. */
  readonly closedChannels = new Set<string>();
  /** Per-route buckets and the global limit; none are limited until a test adds them. */
  readonly limits = new FakeDiscordLimits();
  /** The CDN, on the same loopback server: path (`/attachments/…`, `/stickers/….png`) → file. Deleted media: remove it. */
  readonly cdn = new Map<string, FakeCdnFile>();
  private server: LoopbackServer | null = null;
  private sequence = 0;

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    fake.server = await startLoopback((r) => fake.handle(r));
    return fake;
  }
  /** The API base a connector is given (`…/api/v10`). */
  get url(): string {
    return `${this.live().url}/api/v10`;
  }
  get requestLog(): readonly LoopbackRequest[] {
    return this.live().requests;
  }
  inject(fault: LoopbackFault): void {
    this.live().inject(fault);
  }
  close(): Promise<void> {
    return this.live().close();
  }

  /** A fresh snowflake made `agoMs` ago. */
  snowflake(agoMs = 0): string {
    return String(BigInt(snowflakeAt(Date.now() - agoMs)) + BigInt(++this.sequence));
  }
  addGuild(guild: Partial<FakeGuild> & { id: string; name: string }): FakeGuild {
    const full = { permissions: ALL_PERMISSIONS, features: [], channels: [], ...guild };
    this.guilds.push(full);
    this.guilds.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    return full;
  }
  automod(guildId: string, type: number, user: DcUser, channelId?: string): DcAuditEntry {
    this.users.set(user.id, user);
    const entry: DcAuditEntry = { id: this.snowflake(), action_type: type, user_id: null, target_id: user.id, options: { auto_moderation_rule_name: 'No invites', auto_moderation_rule_trigger_type: '1', ...(channelId ? { channel_id: channelId } : {}) } };
    this.audit.set(guildId, [...(this.audit.get(guildId) ?? []), entry]);
    return entry;
  }
  /**
   * A member posts a file: the message carries an Attachment object as Discord sends it
   * (id, filename, content_type, size, url with the CDN's `ex`/`is`/`hm` signature, width,
   * height), and the CDN serves the bytes at that URL.
   */
  postAttachment(channelId: string, file: { filename: string; contentType: string; bytes: Uint8Array; width?: number; height?: number }, author: DcUser = MODERATOR): { messageId: string; url: string } {
    const id = this.postMessage(channelId, 0, '', author);
    const attachmentId = this.snowflake();
    const path = `/attachments/${channelId}/${attachmentId}/${file.filename}`;
    this.cdn.set(path, { bytes: file.bytes, contentType: file.contentType });
    const url = `${this.live().url}${path}?ex=68f0a1b2&is=68ef5032&hm=${'a'.repeat(64)}&`;
    const attachment = { id: attachmentId, filename: file.filename, size: file.bytes.byteLength, url, proxy_url: url, content_type: file.contentType, width: file.width, height: file.height };
    Object.assign(this.messages.get(id) ?? {}, { attachments: [attachment] });
    return { messageId: id, url };
  }
  /** Sets a message's raw `attachments` and `sticker_items`, odd entries included. */
  setMedia(messageId: string, media: { attachments?: unknown[]; sticker_items?: unknown[] }): void {
    Object.assign(this.messages.get(messageId) ?? {}, media);
  }
  /** A member posts in a channel (`type` 7 is a join notice, a system message). */
  postMessage(channelId: string, agoMs = 0, content = 'hello', author: DcUser = MODERATOR, type = 0): string {
    const id = this.snowflake(agoMs);
    this.users.set(author.id, author);
    this.messages.set(id, { id, channel_id: channelId, content, author, type });
    return id;
  }
  apply(guildId: string, user: DcUser): DcJoinRequest {
    const request: DcJoinRequest = { id: this.snowflake(), created_at: new Date().toISOString(), reviewed_at: null, application_status: 'SUBMITTED', rejection_reason: null, guild_id: guildId, user_id: user.id, user, form_responses: [{ field_type: 'TEXT_INPUT', label: 'How did you find us?', response: 'A friend' }, { field_type: 'MULTIPLE_CHOICE', label: 'Platform', choices: ['PC', 'Console'], response: 1 }], actioned_by_user: null };
    this.requests.set(request.id, request);
    return request;
  }
  /** The token is reset: every call with the old one now answers 401. */
  revokeToken(): string {
    this.token = `${BOT_TOKEN}.reset`;
    return this.token;
  }
  decideElsewhere(requestId: string, status: 'APPROVED' | 'REJECTED'): void {
    const request = this.requests.get(requestId);
    if (request) Object.assign(request, { application_status: status, reviewed_at: new Date().toISOString(), actioned_by_user: MODERATOR });
  }

  private live(): LoopbackServer {
    if (!this.server) throw new Error('FakeDiscord not started');
    return this.server;
  }

  private handle(r: LoopbackRequest): LoopbackReply {
    // The CDN takes no token (and must never be sent one): signed URLs stand in for it.
    if (r.path.startsWith('/attachments/') || r.path.startsWith('/stickers/')) {
      const file = this.cdn.get(decodeURIComponent(r.path));
      return file ? { status: 200, bytes: file.bytes, headers: { 'content-type': file.contentType } } : { status: 404, text: 'This content is no longer available.' };
    }
    if (r.headers.authorization !== `Bot ${this.token}`) return err(401, 0, '401: Unauthorized');
    const path = r.path.replace(/^\/api\/v10/, '');
    const limited = this.limits.decide(r.method, path, r.at);
    if (limited.refuse) return limited.refuse;
    const reply = this.route(r, `${r.method} ${path}`);
    return 'hold' in reply ? reply : { ...reply, headers: { ...reply.headers, ...limited.headers } };
  }

  private route(r: LoopbackRequest, route: string): LoopbackReply {
    const body = (r.body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (route === 'GET /users/@me') return ok(BOT);
    if (route === 'GET /users/@me/guilds') return this.guildList(r.query);
    if ((m = /^GET \/guilds\/(\d+)\/channels$/.exec(route))) return this.guild(m[1], (g) => ok(g.channels));
    if ((m = /^GET \/guilds\/(\d+)\/audit-logs$/.exec(route))) return this.guild(m[1], () => this.auditLog(m?.[1] ?? '', r.query));
    if (route === 'POST /users/@me/channels') return this.openDm(body);
    if ((m = /^GET \/channels\/(\d+)\/messages$/.exec(route))) return this.history(m[1] ?? '', r.query);
    if ((m = /^POST \/channels\/(\d+)\/messages\/bulk-delete$/.exec(route))) return this.bulkDelete(body);
    if ((m = /^POST \/channels\/(\d+)\/messages$/.exec(route))) return this.send(m[1] ?? '', body);
    if ((m = /^(PATCH|DELETE) \/channels\/(\d+)\/messages\/(\d+)$/.exec(route))) return this.message(m[1] ?? '', m[3] ?? '', body);
    if ((m = /^DELETE \/guilds\/(\d+)\/members\/(\d+)$/.exec(route))) return this.guild(m[1], (g) => (this.members.delete(`${g.id}:${m?.[2]}`) ? NO_CONTENT : err(404, 10007, 'Unknown Member')));
    if ((m = /^PATCH \/guilds\/(\d+)\/members\/(\d+)$/.exec(route))) return this.timeout(`${m[1]}:${m[2]}`, body);
    if ((m = /^(GET|PUT|DELETE) \/guilds\/(\d+)\/bans\/(\d+)$/.exec(route))) return this.ban(m[1] ?? '', `${m[2]}:${m[3]}`);
    if ((m = /^POST \/guilds\/(\d+)\/bulk-ban$/.exec(route))) return this.bulkBan(m[1] ?? '', body);
    if ((m = /^GET \/guilds\/(\d+)\/requests$/.exec(route))) return this.guild(m[1], (g) => this.requestList(g, r.query));
    if ((m = /^PATCH \/guilds\/(\d+)\/requests\/(\d+)$/.exec(route))) return this.decide(m[2] ?? '', body);
    return err(404, 0, '404: Not Found');
  }

  private guild(id: string | undefined, then: (guild: FakeGuild) => LoopbackReply): LoopbackReply {
    const guild = this.guilds.find((g) => g.id === id);
    return guild ? then(guild) : err(404, 10004, 'Unknown Guild');
  }

  private guildList(query: URLSearchParams): LoopbackReply {
    const after = BigInt(query.get('after') ?? '0');
    const limit = Number(query.get('limit') ?? 200);
    const page = this.guilds.filter((g) => BigInt(g.id) > after).slice(0, limit);
    return ok(page.map((g) => ({ id: g.id, name: g.name, icon: null, owner: false, permissions: g.permissions, features: g.features, ...(query.get('with_counts') === 'true' ? { approximate_member_count: 321 } : {}) })));
  }

  private auditLog(guildId: string, query: URLSearchParams): LoopbackReply {
    const type = query.get('action_type');
    const after = query.get('after');
    const limit = Number(query.get('limit') ?? 50);
    let entries = (this.audit.get(guildId) ?? []).filter((e) => type === null || e.action_type === Number(type));
    // "If `after` is used, the list is reversed and appears in ascending order."
    entries = after !== null ? entries.filter((e) => BigInt(e.id) > BigInt(after)).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)) : [...entries].reverse();
    const page = entries.slice(0, limit);
    const users = [...new Set(page.map((e) => e.target_id))].flatMap((id) => (id && this.users.get(id) ? [this.users.get(id)] : []));
    return ok({ audit_log_entries: page, users, auto_moderation_rules: [], webhooks: [], threads: [], integrations: [], application_commands: [], guild_scheduled_events: [] });
  }

  /**
   * Get Channel Messages: `limit` 1–100 (default 50), at most one of `before`/`after`/`around`.
   * Without one, the newest messages; with `after`, the oldest ones after it. Either way
   * the array is newest first, as Discord returns it.
   */
  private history(channelId: string, query: URLSearchParams): LoopbackReply {
    if (this.closedChannels.has(channelId)) return err(403, 50001, 'Missing Access');
    const limit = Number(query.get('limit') ?? 50);
    if (!(limit >= 1 && limit <= 100)) return err(400, 50035, 'Invalid Form Body');
    const after = query.get('after');
    const ascending = [...this.messages.values()].filter((msg) => msg.channel_id === channelId).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    const page = after !== null ? ascending.filter((msg) => BigInt(msg.id) > BigInt(after)).slice(0, limit) : ascending.slice(-limit);
    return ok(page.reverse().map((msg) => ({ id: msg.id, channel_id: msg.channel_id, type: msg.type ?? 0, author: msg.author ?? BOT, content: msg.content, timestamp: new Date(snowflakeTime(msg.id)).toISOString(), pinned: false, mentions: [], attachments: msg.attachments ?? [], embeds: [], ...(msg.sticker_items ? { sticker_items: msg.sticker_items } : {}) })));
  }

  private bulkDelete(body: Record<string, unknown>): LoopbackReply {
    const ids = (body.messages as string[] | undefined) ?? [];
    if (ids.length < 2 || ids.length > 100) return err(400, 50016, 'Provided too few or too many messages to delete. Must provide at least 2 and fewer than 100 messages to delete.');
    if (new Set(ids).size !== ids.length) return err(400, 50035, 'Invalid Form Body');
    if (ids.some((id) => snowflakeTime(id) < Date.now() - 14 * 86_400_000)) return err(400, 50034, 'You can only bulk delete messages that are under 14 days old.');
    for (const id of ids) this.messages.delete(id);
    return NO_CONTENT;
  }

  /** Create DM: the same channel every time for one recipient, as Discord does. */
  private openDm(body: Record<string, unknown>): LoopbackReply {
    const userId = String(body.recipient_id ?? '');
    if (!/^\d+$/.test(userId)) return err(400, 50035, 'Invalid Form Body');
    const existing = [...this.dmChannels].find(([, user]) => user === userId)?.[0];
    const id = existing ?? this.snowflake();
    this.dmChannels.set(id, userId);
    return ok({ id, type: 1, last_message_id: null, recipients: [this.users.get(userId) ?? { id: userId, username: 'someone' }] });
  }

  private send(channelId: string, body: Record<string, unknown>): LoopbackReply {
    const dmUser = this.dmChannels.get(channelId);
    if (dmUser !== undefined && this.dmsClosed.has(dmUser)) return err(403, 50007, 'Cannot send messages to this user');
    const nonce = typeof body.nonce === 'string' ? body.nonce : undefined;
    const earlier = body.enforce_nonce === true && nonce ? [...this.messages.values()].find((msg) => msg.nonce === nonce) : undefined;
    if (earlier) return ok(earlier);
    if (typeof body.content !== 'string' || body.content.length > 2000) return err(400, 50035, 'Invalid Form Body');
    const message: FakeMessage = { id: this.snowflake(), channel_id: channelId, content: body.content, ...(nonce ? { nonce } : {}) };
    this.messages.set(message.id, message);
    return ok({ ...message, author: BOT, timestamp: new Date().toISOString() });
  }

  private message(method: string, id: string, body: Record<string, unknown>): LoopbackReply {
    const message = this.messages.get(id);
    if (!message) return err(404, 10008, 'Unknown Message');
    if (method === 'DELETE') {
      this.messages.delete(id);
      return NO_CONTENT;
    }
    message.content = String(body.content);
    return ok(message);
  }

  private timeout(member: string, body: Record<string, unknown>): LoopbackReply {
    const until = body.communication_disabled_until;
    this.timeouts.set(member, typeof until === 'string' ? until : null);
    return ok({ communication_disabled_until: body.communication_disabled_until });
  }

  private ban(method: string, key: string): LoopbackReply {
    if (method === 'GET') return this.bans.has(key) ? ok({ reason: null, user: { id: key.split(':')[1], username: 'x' } }) : err(404, 10026, 'Unknown Ban');
    if (method === 'DELETE') return this.bans.delete(key) ? NO_CONTENT : err(404, 10026, 'Unknown Ban');
    this.bans.add(key);
    this.members.delete(key);
    return NO_CONTENT;
  }

  private bulkBan(guildId: string, body: Record<string, unknown>): LoopbackReply {
    const ids = (body.user_ids as string[] | undefined) ?? [];
    const banned = ids.filter((id) => !this.protectedUsers.has(id) && !this.bans.has(`${guildId}:${id}`));
    if (banned.length === 0) return err(500, 500000, 'Failed to ban users');
    for (const id of banned) this.bans.add(`${guildId}:${id}`);
    return ok({ banned_users: banned, failed_users: ids.filter((id) => !banned.includes(id)) });
  }

  private requestList(guild: FakeGuild, query: URLSearchParams): LoopbackReply {
    if (!guild.features.includes('MEMBER_VERIFICATION_MANUAL_APPROVAL')) return err(403, 50013, 'Missing Permissions');
    const status = query.get('status') ?? 'SUBMITTED';
    const limit = Number(query.get('limit') ?? 100);
    const before = query.get('before');
    const after = query.get('after');
    let list = [...this.requests.values()].filter((r) => r.guild_id === guild.id && r.application_status === status);
    if (status === 'SUBMITTED') list = list.filter((r) => !before || BigInt(r.id) < BigInt(before)).sort((a, b) => (BigInt(a.id) > BigInt(b.id) ? -1 : 1));
    else list = list.filter((r) => !after || Date.parse(r.reviewed_at ?? '') > snowflakeTime(after));
    return ok({ ...(status === 'SUBMITTED' ? { total: list.length } : {}), guild_join_requests: list.slice(0, limit) });
  }

  private decide(id: string, body: Record<string, unknown>): LoopbackReply {
    const request = this.requests.get(id);
    if (!request || request.application_status === 'STARTED') return err(404, 10000, 'Unknown Guild Join Request');
    if (request.application_status === 'SUBMITTED') {
      Object.assign(request, { application_status: body.action, reviewed_at: new Date().toISOString(), actioned_by_user: BOT, rejection_reason: body.rejection_reason ?? null });
    }
    return ok(request);
  }
}
