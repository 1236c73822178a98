import type { AnnouncementDetail, TargetSpec, Variants } from '@shared/domain/announcements';
import { EMPTY_TARGETS } from '@shared/domain/announcements';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import type { Tx } from '../store/database';
import { sql } from '../store/sql';
import type { AnnouncementDeps } from './deps';
import { requireAnnouncement } from './records';

export interface DraftInput {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly variants: Variants;
  readonly targets: TargetSpec;
}

async function insertDraft(tx: Tx, deps: AnnouncementDeps, draft: Omit<DraftInput, 'id'>): Promise<string> {
  const now = deps.now();
  const id = newId(now);
  await tx.run(sql`INSERT INTO announcements (id, title, body, variants, targets, status, created_by, created_at, updated_at)
    VALUES (${id}, ${draft.title}, ${draft.body}, ${JSON.stringify(draft.variants)}, ${JSON.stringify(draft.targets)}, 'draft',
      ${deps.by().actor}, ${now}, ${now})`);
  tx.touch('announcements');
  return id;
}

export async function createDraft(deps: AnnouncementDeps, title: string): Promise<AnnouncementDetail> {
  return deps.store.writer.transaction(async (tx) => {
    const id = await insertDraft(tx, deps, { title, body: '', variants: {}, targets: EMPTY_TARGETS });
    return requireAnnouncement(tx, id);
  });
}

/** A new draft from any announcement's text and targets. */
export async function duplicateAnnouncement(deps: AnnouncementDeps, id: string): Promise<AnnouncementDetail> {
  return deps.store.writer.transaction(async (tx) => {
    const source = await requireAnnouncement(tx, id);
    const title = source.title ? `${source.title} (copy)`.slice(0, 200) : '';
    const copy = await insertDraft(tx, deps, { title, body: source.body, variants: source.variants, targets: source.targets });
    return requireAnnouncement(tx, copy);
  });
}

/** The editor's autosave. Only a draft changes; the text of a sent one changes through an edit everywhere. */
export async function saveDraft(deps: AnnouncementDeps, draft: DraftInput): Promise<AnnouncementDetail> {
  return deps.store.writer.transaction(async (tx) => {
    const { changes } = await tx.run(sql`UPDATE announcements SET title = ${draft.title}, body = ${draft.body},
        variants = ${JSON.stringify(draft.variants)}, targets = ${JSON.stringify(draft.targets)}, updated_at = ${deps.now()}
      WHERE id = ${draft.id} AND status = 'draft'`);
    if (changes === 0) {
      const current = await requireAnnouncement(tx, draft.id);
      throw new AppFailure('conflict', `This announcement is ${current.status}; only drafts can be changed. Duplicate it to start a new draft.`);
    }
    tx.touch('announcements');
    return requireAnnouncement(tx, draft.id);
  });
}

export async function discardDraft(deps: AnnouncementDeps, id: string): Promise<boolean> {
  return deps.store.writer.transaction(async (tx) => {
    const { changes } = await tx.run(sql`DELETE FROM announcements WHERE id = ${id} AND status = 'draft'`);
    if (changes === 0) {
      await requireAnnouncement(tx, id);
      throw new AppFailure('conflict', 'Only a draft can be discarded; a sent announcement stays for its receipts.');
    }
    tx.touch('announcements');
    return true;
  });
}
