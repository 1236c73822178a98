import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_TARGETS } from '@shared/domain/announcements';
import { communitiesWindow } from '../queries/communities';
import { WindowCache } from '../store/window-cache';
import { fetchWindow } from '../store/window-query';
import { untilIdle } from '../sync/testing';
import { loadCommunities } from './candidates';
import { readProfile, saveProfile } from './community-profile';
import { defineField, listFields, removeField } from './fields';
import { planSend } from './preview';
import { deleteTargetList, listTargetLists, saveTargetList } from './target-lists';
import { communityId, startDesk, type DeskRig } from './testing';

let desk: DeskRig | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const by = { actor: 'alice', device: 'test-device' };

describe('community values for announcements', () => {
  it('keeps the user’s language, tags and fields through a re-pull, and announcements read them', async () => {
    desk = await startDesk();
    const store = desk.deps.store;
    const id = await communityId(store, 'c_2');
    expect(await defineField(store, 'venue', 1)).toEqual(['quietHours', 'venue']);
    const saved = await saveProfile(store, { id, languageOverride: 'de', userTags: ['spring', ' spring ', ''], fields: { venue: 'Halle 3', quietHours: '' } }, by, 1);
    expect(saved).toMatchObject({ languageOverride: 'de', userTags: ['spring'], fields: { venue: 'Halle 3' } });

    await desk.engine.runNow();
    await untilIdle(desk.engine);
    const after = await readProfile(store.reader, id);
    expect(after).toMatchObject({ languageOverride: 'de', userTags: ['spring'], fields: { venue: 'Halle 3' } });
    expect(after.platformLanguage).not.toBeNull();

    const [record] = await loadCommunities(store.reader, [id]);
    expect(record).toMatchObject({ language: 'de', fields: { venue: 'Halle 3' } });
    expect(record?.tags).toContain('spring');
    const windows = { reader: store.reader, versionOf: store.versionOf, cache: new WindowCache() };
    const tagged = await fetchWindow(windows, communitiesWindow, { offset: 0, limit: 10, sort: [], filters: { tag: 'spring' } });
    expect(tagged.rows).toEqual([expect.objectContaining({ id, language: 'de', tags: expect.arrayContaining(['spring']) })]);

    const plan = await planSend(desk.deps, { body: 'At {{community.venue}}', variants: { de: 'In {{community.venue}}' } }, { ...EMPTY_TARGETS, tags: ['spring'] }, Date.now());
    expect(plan.preview.rows).toEqual([expect.objectContaining({ communityId: id, text: 'In Halle 3', variant: 'de', status: 'ready' })]);

    // Removing the field makes the placeholder unknown; the value stays for a later definition.
    expect(await removeField(store, 'venue')).toEqual(['quietHours']);
    const unknown = await planSend(desk.deps, { body: 'At {{community.venue}}', variants: {} }, { ...EMPTY_TARGETS, tags: ['spring'] }, Date.now());
    expect(unknown.preview.rows[0]?.problems).toEqual([{ kind: 'unknown-placeholder', placeholders: ['community.venue'] }]);
    await expect(removeField(store, 'quietHours')).rejects.toThrow(/built in/);
    expect(await listFields(store.reader)).toEqual(['quietHours']);
  });

  it('holds a send in a community’s quiet hours until they are fixed or the target is excluded', async () => {
    desk = await startDesk();
    const store = desk.deps.store;
    const id = await communityId(store, 'c_2');
    await saveProfile(store, { id, languageOverride: null, userTags: [], fields: { quietHours: '00:00-23:59' } }, by, 1);
    const targets = { ...EMPTY_TARGETS, communities: [id] };
    const plan = await planSend(desk.deps, { body: 'Hi', variants: {} }, targets, Date.parse('2026-03-03T12:00:00Z'));
    expect(plan.preview.rows[0]?.problems).toEqual([{ kind: 'quiet-hours', window: '00:00-23:59', endsAt: Date.parse('2026-03-03T23:59:00Z') }]);
    const excluded = await planSend(desk.deps, { body: 'Hi', variants: {} }, { ...targets, excluded: [id] }, Date.parse('2026-03-03T12:00:00Z'));
    expect(excluded.preview).toMatchObject({ count: 0, excluded: 1, problems: 0 });
  });

  it('saves target lists as saved views, one level deep', async () => {
    desk = await startDesk();
    const store = desk.deps.store;
    const root = await communityId(store, 'c_1');
    const list = await saveTargetList(store, { name: 'Main tree', targets: { ...EMPTY_TARGETS, trees: [root] } }, 1);
    expect(await listTargetLists(store.reader)).toEqual([list]);
    await expect(saveTargetList(store, { name: 'Nested', targets: { ...EMPTY_TARGETS, lists: [list.id] } }, 2)).rejects.toThrow(/cannot include other saved lists/);
    const plan = await planSend(desk.deps, { body: 'Hi', variants: {} }, { ...EMPTY_TARGETS, lists: [list.id] }, Date.now());
    const viaTree = await planSend(desk.deps, { body: 'Hi', variants: {} }, { ...EMPTY_TARGETS, trees: [root] }, Date.now());
    expect(plan.preview.count).toBe(viaTree.preview.count);
    expect(await deleteTargetList(store, list.id)).toBe(true);
    expect(await listTargetLists(store.reader)).toEqual([]);
  });
});
