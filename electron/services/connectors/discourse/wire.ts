import { z } from 'zod';

/**
 * Discourse answers Modboard reads (discourse/discourse controllers and serializers),
 * only the fields it uses. `/review.json` is a REST-serializer payload: associations
 * are ids on each reviewable and the records are side-loaded at the top level.
 */

const id = z.number().int();
const nullish = <S extends z.ZodType>(schema: S) => schema.nullish();

export const dsUser = z.object({ id, username: z.string(), name: nullish(z.string()), created_at: nullish(z.string()) });
export type DsUser = z.output<typeof dsUser>;

/** Reviewable.statuses: 0 pending, 1 approved, 2 rejected, 3 ignored, 4 deleted. */
export const REVIEWABLE_PENDING = 0;

export const dsReviewable = z.object({
  id,
  type: z.string(),
  status: z.number().int(),
  version: z.number().int(),
  created_at: z.string(),
  category_id: nullish(id),
  topic_id: nullish(id),
  post_id: nullish(id),
  user_id: nullish(id),
  target_created_by_id: nullish(id),
  created_by_id: nullish(id),
  target_url: nullish(z.string()),
  raw: nullish(z.string()),
  cooked: nullish(z.string()),
  bundled_action_ids: z.array(z.string()).default([]),
  reviewable_score_ids: z.array(id).default([]),
  payload: nullish(z.record(z.string(), z.unknown())),
});
export type DsReviewable = z.output<typeof dsReviewable>;

export const dsBundle = z.object({ id: z.string(), action_ids: z.array(z.string()).default([]) });
/** `server_action` is what the perform route takes (lowercase letters and underscores); `id` is a composite. */
export const dsAction = z.object({ id: z.string(), server_action: nullish(z.string()) });
export const dsScore = z.object({ id, user_id: nullish(id), reason: nullish(z.string()), score_type: nullish(z.object({ title: nullish(z.string()) })) });

const sideLoads = {
  users: z.array(dsUser).default([]),
  bundled_actions: z.array(dsBundle).default([]),
  actions: z.array(dsAction).default([]),
  reviewable_scores: z.array(dsScore).default([]),
};

export const dsReviewList = z.object({
  reviewables: z.array(dsReviewable),
  meta: z.object({ total_rows_reviewables: z.number().int().nonnegative().optional(), load_more_reviewables: nullish(z.string()) }),
  ...sideLoads,
});
export type DsReviewList = z.output<typeof dsReviewList>;

export const dsReviewOne = z.object({ reviewable: dsReviewable, ...sideLoads });
export type DsSideLoads = Pick<DsReviewList, keyof typeof sideLoads>;

export const dsPerformResult = z.object({ reviewable_perform_result: z.object({ success: z.boolean().or(z.string()), version: id.optional() }) });

export const dsGroup = z.object({ id, name: z.string(), full_name: nullish(z.string()), user_count: z.number().int().nonnegative().default(0), allow_membership_requests: z.boolean().default(false) });
export const dsGroupList = z.object({ groups: z.array(dsGroup), load_more_groups: nullish(z.string()) });

export const dsRequester = dsUser.extend({ reason: nullish(z.string()), requested_at: nullish(z.string()) });
export type DsRequester = z.output<typeof dsRequester>;
export const dsRequesters = z.object({ members: z.array(dsRequester), meta: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int() }) });

const categoryFields = { id, name: z.string(), slug: z.string(), topic_count: z.number().int().nonnegative().default(0) };
export const dsSubcategory = z.object(categoryFields);
export type DsSubcategory = z.output<typeof dsSubcategory>;
/** `/categories.json?include_subcategories=true`: top-level categories with their children inline. */
export const dsCategory = z.object({ ...categoryFields, subcategory_list: z.array(dsSubcategory).default([]) });
export const dsCategories = z.object({ category_list: z.object({ categories: z.array(dsCategory) }) });

export const dsAbout = z.object({ about: z.object({ title: z.string(), stats: z.object({ users_count: z.number().int().nonnegative() }).partial().default({}) }) });
export const dsSession = z.object({ current_user: z.object({ id, username: z.string(), admin: z.boolean().default(false), moderator: z.boolean().default(false) }) });

export const dsCreatedPost = z.object({ id, topic_id: id, topic_slug: z.string(), post_number: z.number().int() });
export const dsTopicByExternalId = z.object({ id, slug: z.string(), post_stream: z.object({ posts: z.array(z.object({ id, post_number: z.number().int() })).min(1) }) });

/** Error bodies: `{errors: [...], error_type?, extras?: {wait_seconds}}`. */
export const dsError = z.object({
  errors: z.array(z.string()).default([]),
  error_type: z.string().optional(),
  extras: z.object({ wait_seconds: z.number().optional() }).partial().nullish(),
});

export const dsPost = z.object({ id, deleted_at: nullish(z.string()) });

/** `GET /posts.json`: the site's latest posts, newest first, 50 a page (PostsController#latest). */
export const dsLatestPost = z.object({
  id,
  user_id: id,
  username: z.string(),
  name: nullish(z.string()),
  created_at: z.string(),
  topic_id: id,
  category_id: nullish(id),
  raw: nullish(z.string()),
  cooked: nullish(z.string()),
});
export type DsLatestPost = z.output<typeof dsLatestPost>;
export const dsLatestPosts = z.object({ latest_posts: z.array(dsLatestPost) });
