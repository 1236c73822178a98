import {
  EMPTY_TARGETS,
  targetSpecSchema,
  variantsSchema,
  type AnnouncementDetail,
  type AnnouncementStatus,
  type TargetSpec,
  type Variants,
} from '@shared/domain/announcements';
import { AppFailure } from '@shared/result';
import type { Reader, Tx } from '../store/database';
import { sql, trusted } from '../store/sql';
import { readJsonColumn } from './json-column';

/** An `announcements` row as stored. */
export interface AnnouncementRaw {
  id: string;
  title: string;
  body: string;
  variants: string;
  targets: string;
  status: AnnouncementStatus;
  scheduled_at: number | null;
  created_at: number;
  updated_at: number;
}

export const ANNOUNCEMENT_COLUMNS = trusted('id, title, body, variants, targets, status, scheduled_at, created_at, updated_at');

export const readVariants = (raw: string): Variants => readJsonColumn(variantsSchema, raw, {});
export const readTargets = (raw: string): TargetSpec => readJsonColumn(targetSpecSchema, raw, EMPTY_TARGETS);

export const toDetail = (r: AnnouncementRaw): AnnouncementDetail => ({
  id: r.id,
  title: r.title,
  body: r.body,
  variants: readVariants(r.variants),
  targets: readTargets(r.targets),
  status: r.status,
  scheduledAt: r.scheduled_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function findAnnouncement(reader: Reader | Tx, id: string): Promise<AnnouncementDetail | null> {
  const row = await reader.get<AnnouncementRaw>(sql`SELECT ${ANNOUNCEMENT_COLUMNS} FROM announcements WHERE id = ${id}`);
  return row ? toDetail(row) : null;
}

export async function requireAnnouncement(reader: Reader | Tx, id: string): Promise<AnnouncementDetail> {
  const found = await findAnnouncement(reader, id);
  if (!found) throw new AppFailure('not-found', 'That announcement no longer exists.');
  return found;
}
