import type { CancelSignal, CommunityItem, Cursor, Page } from '@shared/connectors';
import { z } from 'zod';
import { jsonCursor } from '../http/json-cursor';
import type { DiscourseApi } from './api';
import { categoryCommunity, groupCommunity, SITE } from './ids';
import { dsAbout, dsCategories, dsGroupList, type DsSubcategory } from './wire';

/**
 * A site is one tree: the site itself, its categories (where announcements go) with
 * their subcategories, and the groups that take requests to join. Listed in three
 * steps (about, categories, groups page by page); a full list each time, so the
 * pass ends with `next: null`.
 */
const listState = z.object({ ph: z.enum(['site', 'categories', 'groups']), page: z.number().int().min(0) });
const listCursor = jsonCursor('ds.c', listState);

const community = (item: Omit<CommunityItem, 'language' | 'tags' | 'rulesUrl'> & Partial<Pick<CommunityItem, 'tags'>>): CommunityItem => ({ language: null, rulesUrl: null, tags: [], ...item });

export async function listCommunityPage(api: DiscourseApi, cursor: Cursor | null, signal: CancelSignal | undefined): Promise<Page<CommunityItem>> {
  const state = listCursor.decode(cursor, { ph: 'site', page: 0 });
  const on = signal ? { signal } : {};
  switch (state.ph) {
    case 'site': {
      const { about } = await api.read({ method: 'GET', path: 'about.json', ...on }, dsAbout, { notFound: 'community' });
      const site = community({ externalId: SITE, parentExternalId: null, name: about.title, kind: 'community', memberCount: about.stats.users_count ?? 0, url: api.site });
      return { items: [site], next: listCursor.encode({ ph: 'categories', page: 0 }), complete: false };
    }
    case 'categories': {
      const { category_list } = await api.read({ method: 'GET', path: 'categories.json', query: { include_subcategories: 'true' }, ...on }, dsCategories, { notFound: 'community' });
      const asItem = (c: DsSubcategory, parent: string) =>
        community({ externalId: categoryCommunity(c.id), parentExternalId: parent, name: c.name, kind: 'forum', memberCount: 0, url: api.url(`c/${c.slug}/${c.id}`), tags: ['category'] });
      const items = category_list.categories.flatMap((c) => [asItem(c, SITE), ...c.subcategory_list.map((sub) => asItem(sub, categoryCommunity(c.id)))]);
      return { items, next: listCursor.encode({ ph: 'groups', page: 0 }), complete: false };
    }
    case 'groups': {
      const page = await api.read({ method: 'GET', path: 'groups.json', query: { page: state.page }, ...on }, dsGroupList, { notFound: 'community' });
      const items = page.groups
        .filter((g) => g.allow_membership_requests)
        .map((g) => community({ externalId: groupCommunity(g.id), parentExternalId: SITE, name: g.full_name || g.name, kind: 'group', memberCount: g.user_count, url: api.url(`g/${encodeURIComponent(g.name)}`), tags: ['group'] }));
      const more = Boolean(page.load_more_groups) && page.groups.length > 0;
      return more ? { items, next: listCursor.encode({ ph: 'groups', page: state.page + 1 }), complete: false } : { items, next: null, complete: true };
    }
  }
}
