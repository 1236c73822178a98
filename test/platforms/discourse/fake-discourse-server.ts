import { startLoopback, type LoopbackFault, type LoopbackReply, type LoopbackRequest, type LoopbackServer } from '../loopback';

/**
 * A Discourse site for tests, answering as discourse/discourse's controllers do:
 * `Api-Key` + `Api-Username` headers, `/review.json` with a fixed page of 10,
 * integer statuses and side-loaded users/actions/scores, versioned perform (422
 * without a version, 409 when stale), group requests with the real
 * `handle_membership_request` (it checks `accept` for presence, so `accept: false`
 * approves), topic external ids, and error bodies `{errors, error_type}`.
 */

export interface FakeUser { id: number; username: string; name?: string; staff?: boolean; suspended?: boolean; silenced?: boolean }
export interface FakeReviewable {
  id: number;
  type: 'ReviewableFlaggedPost' | 'ReviewableQueuedPost' | 'ReviewableUser';
  status: number;
  version: number;
  userId: number;
  categoryId?: number;
  postId?: number;
  raw?: string;
  reporters?: { userId: number; reason: string }[];
  actions: string[];
}
interface FakePost { id: number; topicId: number; raw: string; deleted: boolean; externalId?: string; title?: string; recipients?: string[]; userId?: number; categoryId?: number | null; createdAt?: string }

/** `/posts.json` pages hold 50 posts (PostsController#latest). */
export const LATEST_PAGE = 50;

export const API_KEY = 'a'.repeat(64);
export const REVIEW_PAGE = 10;
const INVALID_KEY = { status: 403, json: { errors: ['You are not permitted to view the requested resource. The API username or key is invalid.'], error_type: 'invalid_access' } };
const err = (status: number, message: string, type = 'invalid_parameters'): LoopbackReply => ({ status, json: { errors: [message], error_type: type } });
const ok = (json: unknown): LoopbackReply => ({ status: 200, json });

export class FakeDiscourse {
  readonly users = new Map<number, FakeUser>([[1, { id: 1, username: 'system', staff: true }]]);
  readonly reviewables = new Map<number, FakeReviewable>();
  readonly groups = [{ id: 41, name: 'beta-testers', full_name: 'Beta testers', user_count: 12, allow_membership_requests: true }, { id: 42, name: 'staff', full_name: null, user_count: 3, allow_membership_requests: false }];
  /** groupId → userId → reason */
  readonly requests = new Map<number, Map<number, string>>([[41, new Map()]]);
  readonly groupMembers = new Set<string>();
  readonly posts = new Map<number, FakePost>();
  groupsPageSize = 36;
  /** The key the site accepts; `revokeKey` replaces it, as an admin revoking it in /admin/api/keys would. */
  apiKey = API_KEY;
  private server: LoopbackServer | null = null;
  private nextPost = 900;

  static async start(): Promise<FakeDiscourse> {
    const fake = new FakeDiscourse();
    fake.server = await startLoopback((r) => fake.handle(r));
    return fake;
  }
  get url(): string {
    return this.live().url;
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
  revokeKey(): string {
    this.apiKey = 'b'.repeat(64);
    return this.apiKey;
  }
  addUser(user: FakeUser): FakeUser {
    this.users.set(user.id, user);
    return user;
  }
  addReviewable(r: Omit<FakeReviewable, 'status' | 'version'> & Partial<Pick<FakeReviewable, 'status' | 'version'>>): FakeReviewable {
    const full = { status: 0, version: 1, ...r };
    this.reviewables.set(r.id, full);
    return full;
  }
  requestGroup(groupId: number, user: FakeUser, reason: string): void {
    this.addUser(user);
    this.requests.get(groupId)?.set(user.id, reason);
  }
  addPost(id: number, raw: string): void {
    this.posts.set(id, { id, topicId: id + 10_000, raw, deleted: false });
  }
  /** A member posts a reply in a topic; the post gets the next id, as Discourse numbers them. */
  memberPost(user: FakeUser, raw: string, options: { topicId?: number; categoryId?: number | null } = {}): number {
    this.addUser(user);
    const id = this.nextPost++;
    this.posts.set(id, { id, topicId: options.topicId ?? 20_001, raw, deleted: false, userId: user.id, categoryId: options.categoryId ?? null, createdAt: new Date().toISOString() });
    return id;
  }

  private live(): LoopbackServer {
    if (!this.server) throw new Error('FakeDiscourse not started');
    return this.server;
  }

  private handle(r: LoopbackRequest): LoopbackReply {
    const me = [...this.users.values()].find((u) => u.username === r.headers['api-username']);
    if (r.headers['api-key'] !== this.apiKey || !me) return INVALID_KEY;
    const route = `${r.method} ${r.path}`;
    const body = (r.body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (route === 'GET /session/current.json') return ok({ current_user: { id: me.id, username: me.username, admin: me.staff === true, moderator: false } });
    if (route === 'GET /about.json') return ok({ about: { title: 'Gardeners Forum', stats: { users_count: 1234 } } });
    if (route === 'GET /categories.json') return ok({ category_list: { categories: [{ id: 5, name: 'Announcements', slug: 'announcements', topic_count: 4, subcategory_list: [{ id: 6, name: 'Events', slug: 'events', topic_count: 1 }] }] } });
    if (route === 'GET /review.json') return this.reviewList(r.query);
    if ((m = /^GET \/review\/(\d+)\.json$/.exec(route))) return this.reviewOne(Number(m[1]));
    if ((m = /^PUT \/review\/(\d+)\/perform\/([^/]+)\.json$/.exec(route))) return this.perform(Number(m[1]), m[2] ?? '', r.query.get('version'));
    if (route === 'GET /groups.json') return this.groupList(Number(r.query.get('page') ?? 0));
    if ((m = /^GET \/groups\/([^/]+)\/members\.json$/.exec(route))) return this.requesters(decodeURIComponent(m[1] ?? ''), r.query);
    if ((m = /^PUT \/groups\/(\d+)\/handle_membership_request\.json$/.exec(route))) return this.handleRequest(Number(m[1]), body);
    if ((m = /^PUT \/admin\/users\/(\d+)\/(suspend|silence)\.json$/.exec(route))) return this.penalize(Number(m[1]), m[2] === 'suspend' ? 'suspended' : 'silenced');
    if ((m = /^PUT \/admin\/users\/(\d+)\/(unsuspend|unsilence)\.json$/.exec(route))) return this.lift(Number(m[1]), m[2] === 'unsuspend' ? 'suspended' : 'silenced');
    if ((m = /^GET \/admin\/users\/(\d+)\.json$/.exec(route))) return this.adminUser(Number(m[1]));
    if (route === 'GET /posts.json') return this.latestPosts(r.query);
    if (route === 'POST /posts.json') return this.createTopic(body);
    if ((m = /^(GET|PUT|DELETE) \/posts\/(\d+)\.json$/.exec(route))) return this.post(m[1] ?? '', Number(m[2]), body);
    if ((m = /^GET \/t\/external_id\/([^/]+)\.json$/.exec(route))) return this.byExternalId(m[1] ?? '');
    if ((m = /^GET \/t\/(\d+)\.json$/.exec(route))) return this.topic(Number(m[1]));
    return err(404, 'The requested URL or resource could not be found.', 'not_found');
  }

  private sideLoads(list: readonly FakeReviewable[]) {
    const userIds = new Set(list.flatMap((r) => [r.userId, ...(r.reporters ?? []).map((s) => s.userId)]));
    return {
      users: [...userIds].flatMap((id) => {
        const u = this.users.get(id);
        return u ? [{ id: u.id, username: u.username, name: u.name ?? null, avatar_template: '/a.png' }] : [];
      }),
      bundled_actions: list.map((r) => ({ id: `${r.id}-bundle`, icon: 'check', label: 'Actions', action_ids: r.actions.map((a) => `${r.id}-${a}`) })),
      actions: list.flatMap((r) => r.actions.map((a) => ({ id: `${r.id}-${a}`, server_action: a, label: a }))),
      reviewable_scores: list.flatMap((r) => (r.reporters ?? []).map((s, i) => ({ id: r.id * 100 + i, user_id: s.userId, score_type: { title: 'Spam' }, reason: s.reason }))),
    };
  }

  private serialize(r: FakeReviewable) {
    const flagged = r.type !== 'ReviewableUser';
    const user = this.users.get(r.userId);
    return {
      id: r.id,
      type: r.type,
      status: r.status,
      version: r.version,
      created_at: '2026-08-01T10:00:00.000Z',
      category_id: r.categoryId ?? null,
      topic_id: flagged ? 700 + r.id : null,
      target_created_by_id: r.userId,
      created_by_id: r.userId,
      bundled_action_ids: [`${r.id}-bundle`],
      reviewable_score_ids: (r.reporters ?? []).map((_, i) => r.id * 100 + i),
      ...(flagged ? { post_id: r.postId ?? null, raw: r.raw ?? '', cooked: `<p>${r.raw ?? ''}</p>` } : { user_id: r.userId, payload: { username: user?.username, name: user?.name, email: `${user?.username}@example.com` } }),
    };
  }

  private reviewList(query: URLSearchParams): LoopbackReply {
    const status = query.get('status');
    const type = query.get('type');
    const offset = Number(query.get('offset') ?? 0);
    const all = [...this.reviewables.values()].filter((r) => (status !== 'pending' || r.status === 0) && (!type || r.type === type)).sort((a, b) => a.id - b.id);
    const page = all.slice(offset, offset + REVIEW_PAGE);
    const more = offset + REVIEW_PAGE < all.length;
    const filters = `status=${status ?? 'pending'}${type ? `&type=${type}` : ''}`;
    return ok({
      reviewables: page.map((r) => this.serialize(r)),
      meta: { total_rows_reviewables: all.length, types: {}, ...(more ? { load_more_reviewables: `/review?${filters}&offset=${offset + REVIEW_PAGE}` } : {}) },
      ...this.sideLoads(page),
    });
  }

  private reviewOne(id: number): LoopbackReply {
    const r = this.reviewables.get(id);
    return r ? ok({ reviewable: this.serialize(r), ...this.sideLoads([r]) }) : err(404, 'The requested URL or resource could not be found.', 'not_found');
  }

  private perform(id: number, action: string, version: string | null): LoopbackReply {
    const r = this.reviewables.get(id);
    // routes.rb: `constraints: { action_id: /[a-z\_]+/ }`
    if (!r || !/^[a-z_]+$/.test(action)) return err(404, 'The requested URL or resource could not be found.', 'not_found');
    if (version === null) return err(422, 'param is missing or the value is empty: version');
    if (Number(version) !== r.version) return err(409, 'This item has been changed by someone else since you loaded it.', 'conflict');
    if (r.status !== 0 || !r.actions.includes(action)) return err(403, "You can't perform that action on this item.", 'invalid_access');
    r.status = /^(approve|agree)/.test(action) ? 1 : /^(reject|delete)/.test(action) ? 2 : 3;
    r.version += 1;
    return ok({ reviewable_perform_result: { success: 'OK', version: r.version, transition_to: 'approved' } });
  }

  private groupList(page: number): LoopbackReply {
    const slice = this.groups.slice(page * this.groupsPageSize, (page + 1) * this.groupsPageSize);
    const more = (page + 1) * this.groupsPageSize < this.groups.length;
    return ok({ groups: slice, extras: {}, total_rows_groups: this.groups.length, ...(more ? { load_more_groups: `/groups?page=${page + 1}` } : {}) });
  }

  private requesters(name: string, query: URLSearchParams): LoopbackReply {
    const group = this.groups.find((g) => g.name === name);
    if (!group) return err(404, 'The requested URL or resource could not be found.', 'not_found');
    const filter = query.get('filter');
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 50);
    const all = [...(this.requests.get(group.id) ?? new Map<number, string>())].map(([userId, reason]) => ({ user: this.users.get(userId), reason })).filter(({ user }) => user && (!filter || user.username.includes(filter)));
    const members = all.slice(offset, offset + limit).map(({ user, reason }) => ({ id: user?.id, username: user?.username, name: user?.name ?? null, avatar_template: '/a.png', reason, requested_at: '2026-08-02T09:00:00.000Z' }));
    return ok({ members, meta: { total: all.length, limit, offset } });
  }

  private handleRequest(groupId: number, body: Record<string, unknown>): LoopbackReply {
    const userId = Number(body.user_id);
    // groups_controller.rb: `if params[:accept]` — any value present, "false" included, accepts.
    if ('accept' in body) this.groupMembers.add(`${groupId}:${userId}`);
    this.requests.get(groupId)?.delete(userId);
    return ok({ success: 'OK' });
  }

  private penalize(userId: number, state: 'suspended' | 'silenced'): LoopbackReply {
    const user = this.users.get(userId);
    if (!user) return err(404, 'The requested URL or resource could not be found.', 'not_found');
    if (user.staff) return err(403, "You can't do that to a staff member.", 'invalid_access');
    if (user[state]) return { status: 409, json: { failed: 'FAILED', message: `User is already ${state}.` } };
    user[state] = true;
    return ok(state === 'suspended' ? { suspension: { suspend_reason: 'x' } } : { silence: { silenced: true } });
  }

  private lift(userId: number, state: 'suspended' | 'silenced'): LoopbackReply {
    const user = this.users.get(userId);
    if (!user) return err(404, 'The requested URL or resource could not be found.', 'not_found');
    user[state] = false;
    return ok(state === 'suspended' ? { suspension: { suspended_till: null } } : { unsilence: { silenced: false } });
  }

  private adminUser(userId: number): LoopbackReply {
    const user = this.users.get(userId);
    return user ? ok({ id: user.id, username: user.username, name: user.name ?? null, suspended: user.suspended === true, silenced: user.silenced === true }) : err(404, 'The requested URL or resource could not be found.', 'not_found');
  }

  /**
   * Latest posts across the site, newest first, 50 a page; `before=<post id>` gives the
   * ones with a lower id. Deleted posts and private messages are left out.
   */
  private latestPosts(query: URLSearchParams): LoopbackReply {
    const before = query.has('before') ? Number(query.get('before')) : Infinity;
    const posts = [...this.posts.values()].filter((p) => !p.deleted && !p.recipients && p.id < before).sort((a, b) => b.id - a.id).slice(0, LATEST_PAGE);
    return ok({
      latest_posts: posts.map((p) => {
        // A post added for a reviewable is by the reviewable's author; a topic Modboard made, by the acting user's site (system).
        const author = p.userId ?? [...this.reviewables.values()].find((r) => r.postId === p.id)?.userId ?? 1;
        const user = this.users.get(author) ?? { id: author, username: `user${author}` };
        const cooked = `<p>${p.raw.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
        return { id: p.id, name: user.name ?? null, username: user.username, user_id: user.id, created_at: p.createdAt ?? '2026-08-01T00:00:00.000Z', cooked, raw: p.raw, post_number: 2, post_type: 1, topic_id: p.topicId, topic_slug: 'seed-swap', category_id: p.categoryId ?? null, reply_to_post_number: null };
      }),
    });
  }

  /** A topic, or with `archetype: private_message` a PM to `target_recipients` (comma-separated usernames). */
  private createTopic(body: Record<string, unknown>): LoopbackReply {
    const externalId = String(body.external_id ?? '');
    if (externalId && [...this.posts.values()].some((p) => p.externalId === externalId)) return err(422, 'External ID has already been taken');
    const pm = body.archetype === 'private_message';
    // SiteSetting min_topic_title_length 15, min_personal_message_title_length 2.
    const minTitle = pm ? 2 : 15;
    if (typeof body.title !== 'string' || body.title.length < minTitle) return err(422, `Title is too short (minimum is ${minTitle} characters)`);
    const recipients = pm ? String(body.target_recipients ?? '').split(',').filter(Boolean) : [];
    if (pm && (recipients.length === 0 || recipients.some((name) => ![...this.users.values()].some((u) => u.username === name)))) return err(422, 'You must choose a valid user.');
    const id = this.nextPost++;
    this.posts.set(id, { id, topicId: id + 10_000, raw: String(body.raw), deleted: false, externalId, title: body.title, ...(pm ? { recipients } : {}) });
    return ok({ id, topic_id: id + 10_000, topic_slug: 'seed-swap', post_number: 1, raw: body.raw });
  }

  private post(method: string, id: number, body: Record<string, unknown>): LoopbackReply {
    const post = this.posts.get(id);
    if (!post) return err(404, 'The requested URL or resource could not be found.', 'not_found');
    if (method === 'GET') return ok({ id, raw: post.raw, deleted_at: post.deleted ? '2026-08-03T00:00:00Z' : null });
    if (method === 'DELETE') {
      if (post.deleted) return err(403, 'You are not permitted to view the requested resource.', 'invalid_access');
      post.deleted = true;
      return { status: 200, text: '' };
    }
    post.raw = String((body.post as Record<string, unknown> | undefined)?.raw ?? post.raw);
    return ok({ post: { id, raw: post.raw } });
  }

  private byExternalId(externalId: string): LoopbackReply {
    const post = [...this.posts.values()].find((p) => p.externalId === externalId);
    return post ? { status: 301, text: '', headers: { location: `${this.url}/t/seed-swap/${post.topicId}.json` } } : err(404, 'The requested URL or resource could not be found.', 'not_found');
  }

  private topic(topicId: number): LoopbackReply {
    const post = [...this.posts.values()].find((p) => p.topicId === topicId);
    return post ? ok({ id: topicId, slug: 'seed-swap', title: post.title, post_stream: { posts: [{ id: post.id, post_number: 1 }] } }) : err(404, 'not found', 'not_found');
  }
}
