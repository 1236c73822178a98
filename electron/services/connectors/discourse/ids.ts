import { ConnectorFailure } from '@shared/connectors';

/**
 * External ids, prefixed by what they name because Discourse ids are per table:
 * communities are the site itself, its categories (where announcements go) and
 * request-to-join groups; join requests and reports are reviewables (`rv:<id>`) or
 * group requests, which have no id of their own (`grq:<group id>:<group name>:<user
 * id>:<username>`: deciding needs the group's id, checking needs its name and the username).
 */

export const SITE = 'site';
export const categoryCommunity = (id: number) => `category:${id}`;
export const groupCommunity = (id: number) => `group:${id}`;
export const reviewableRef = (id: number) => `rv:${id}`;
export const postRef = (id: number) => `post:${id}`;
export const groupRequestRef = (groupId: number, groupName: string, userId: number, username: string) => `grq:${groupId}:${groupName}:${userId}:${username}`;

const bad = (text: string, what: string): never => {
  throw new ConnectorFailure({ class: 'invalid', detail: `"${text}" is not a Discourse ${what}` });
};

function positive(text: string | undefined, original: string, what: string): number {
  const n = Number(text);
  return text !== undefined && /^\d+$/.test(text) && Number.isSafeInteger(n) && n > 0 ? n : bad(original, what);
}

export function parsePrefixed(externalId: string, prefix: 'rv' | 'post' | 'category' | 'group'): number {
  const [head, rest, ...extra] = externalId.split(':');
  if (head !== prefix || extra.length > 0) bad(externalId, `${prefix} id`);
  return positive(rest, externalId, `${prefix} id`);
}

export interface GroupRequestRef {
  readonly groupId: number;
  readonly groupName: string;
  readonly userId: number;
  readonly username: string;
}

export function parseGroupRequest(externalId: string): GroupRequestRef {
  const [head, groupId, groupName, userId, username, ...extra] = externalId.split(':');
  if (head !== 'grq' || !groupName || !username || extra.length > 0) bad(externalId, 'group request id');
  return { groupId: positive(groupId, externalId, 'group id'), groupName: groupName ?? '', userId: positive(userId, externalId, 'user id'), username: username ?? '' };
}

/** Where a category's topics go: `category:<id>`, or the site itself (no category). */
export function categoryOf(communityExternalId: string): number | null {
  return communityExternalId === SITE ? null : parsePrefixed(communityExternalId, 'category');
}

export const userIdOf = (personExternalId: string): number => positive(personExternalId, personExternalId, 'user id');
